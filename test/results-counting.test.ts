import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { followUp, missingOutcome } from '../src/core/measures/follow-up';
import { shares } from '../src/core/report/results-report';
import { runBuild } from '../src/local/build';
import { readXlsxFile } from '../src/local/xlsx';
import { measureRow } from './helpers/report';
import { ROOT } from './helpers/workbook';

// The results report counts what a reader would count, checked against the mid-year sample's own tab
// (dated 31 March 2569 in its settings: the last day of the second quarter).

const MIDYEAR = join(ROOT, 'samples', 'oie-2568-midyear.xlsx');
const arabic = (s: string) => s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
const thai = (n: number) => String(n).replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]);
const strip = (html: string) =>
  html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, ' ');

/** The cells of the table under a caption, row by row (header first), as a reader reads them. */
function tableAfter(html: string, caption: string): string[][] {
  const at = html.indexOf(caption);
  expect(at).toBeGreaterThan(0);
  const table = html.slice(html.indexOf('<table', at), html.indexOf('</table>', at));
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
    [...row.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map(([, cell]) => strip(cell).trim()),
  );
}

describe('the results report of the mid-year sample, dated 31 March 2569', () => {
  let html = '';
  let tab: unknown[][] = [];
  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), 'ita-results-count-'));
    const result = await runBuild({ workbook: MIDYEAR, out, pdf: false, report: 'results' });
    expect(result.error).toBeNull();
    // Words held whole for the line breaker are in spans of their own: out, to read the text as it is.
    html = readFileSync(join(out, 'results.html'), 'utf8').replace(/<span class="w">([^<]*)<\/span>/g, '$1');
    tab = (await readXlsxFile(MIDYEAR)).find((s) => s.name === 'มาตรการ')?.values ?? [];
  }, 60_000);
  const col = (name: string) => (tab[0] as string[]).indexOf(name);
  const measures = () => tab.slice(1).filter((r) => String(r[col('มาตรการ/โครงการ/กิจกรรม')]) !== '');

  /**
   * From the tab alone: a measure not done is late on 31 March when its progress is below the share of its
   * filled quarterly milestones that fall in the first two quarters (both quarters have ended that day).
   */
  function lateFromTab(): string[] {
    const quarters = (tab[0] as string[])
      .map((h, i) => (h.startsWith('ไตรมาสที่') ? i : -1))
      .filter((i) => i >= 0);
    expect(quarters).toHaveLength(4);
    return measures()
      .filter((r) => {
        const progress = Number(r[col('ความคืบหน้า (%)')] || 0);
        if (r[col('สถานะ')] === 'เสร็จสิ้น' || progress >= 100) return false;
        const filled = quarters.map((q) => String(r[q] ?? '').trim() !== '');
        const due = filled.slice(0, 2).filter(Boolean).length;
        const all = filled.filter(Boolean).length;
        return due > 0 && progress < Math.round((due / all) * 100);
      })
      .map((r) => String(r[col('มาตรการ/โครงการ/กิจกรรม')]));
  }

  test('counts as late every measure below its second-quarter milestone', () => {
    const late = lateFromTab();
    expect(late.length).toBeGreaterThan(1);
    const summary = tableAfter(html, 'จำแนกตามสถานะ');
    expect(summary.find((r) => r[0] === 'ล่าช้ากว่าแผน')?.[1]).toBe(thai(late.length));
    expect(strip(html)).toContain(`ล่าช้ากว่าแผน ${thai(late.length)} มาตรการ`);
    const listed = tableAfter(html, 'ตารางที่ ๓ มาตรการที่ล่าช้ากว่าแผนหรือยังไม่เริ่มดำเนินการ')
      .slice(1)
      .filter((r) => r[2] === 'ล่าช้ากว่าแผน')
      .map((r) => r[0]);
    expect(listed).toHaveLength(late.length);
    for (const title of late) expect(listed.some((cell) => cell.includes(title))).toBe(true);
  });

  test("the status table's shares add up to its total", () => {
    const rows = tableAfter(html, 'จำแนกตามสถานะ').slice(1);
    const body = rows.slice(0, -1).map((r) => Math.round(Number(arabic(r[2])) * 10));
    expect(body.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(rows[rows.length - 1]).toEqual(['รวม', thai(measures().length), '๑๐๐.๐']);
  });

  test('the by-division table says shared measures count under each division, and gives the distinct total', () => {
    const rows = tableAfter(html, 'ผลการดำเนินการตามมาตรการ รายหน่วยงาน').slice(1);
    const divisions = rows.slice(0, -1);
    const counted = divisions.reduce((a, r) => a + Number(arabic(r[1])), 0);
    expect(counted).toBeGreaterThan(measures().length);
    const last = rows[rows.length - 1];
    expect(last[0]).toContain('นับมาตรการละครั้ง');
    expect(last[1]).toBe(thai(measures().length));
    // Each state column of the distinct row adds up to the total.
    expect(last.slice(2).reduce((a, c) => a + Number(arabic(c)), 0)).toBe(measures().length);
    expect(strip(html)).toContain(
      `ตารางจึงนับรวมได้ ${thai(counted)} มาตรการ จากมาตรการทั้งหมด ${thai(measures().length)} มาตรการ`,
    );
  });

  test('measures started without a result of their own or without evidence are listed for their divisions', () => {
    const rows = tableAfter(html, 'มาตรการที่ยังไม่มีผล/หลักฐาน').slice(1);
    const started = measures().filter((r) => r[col('สถานะ')] !== 'ยังไม่เริ่ม');
    const generic = started.filter((r) =>
      String(r[col('ผลการดำเนินการเทียบกับเป้าหมาย')]).startsWith('ดำเนินการตามแผน'),
    );
    const noEvidence = started.filter((r) => String(r[col('หลักฐาน')]).trim() === '');
    expect(generic.length).toBeGreaterThanOrEqual(10);
    const lacking = new Set([...generic, ...noEvidence].map((r) => String(r[col('มาตรการ/โครงการ/กิจกรรม')])));
    // Each listed once, by its public number and title.
    expect(rows).toHaveLength(lacking.size);
    for (const title of lacking) expect(rows.filter((x) => x[0].endsWith(` ${title}`))).toHaveLength(1);
    for (const r of noEvidence) {
      const row = rows.find((x) => x[0].endsWith(` ${String(r[col('มาตรการ/โครงการ/กิจกรรม')])}`));
      expect(row?.[2]).toContain('หลักฐาน');
    }
  });
});

test('shares by largest remainder add up to 100.0 and stay within a tenth of the exact share', () => {
  for (const counts of [
    [2, 13, 1, 1],
    [1, 1, 1],
    [0, 0, 7, 0],
    [5, 3, 3, 6],
  ]) {
    const total = counts.reduce((a, b) => a + b, 0);
    const got = shares(counts);
    expect(Math.round(got.reduce((a, b) => a + b, 0) * 10)).toBe(1000);
    const off = got.map((s, i) => Math.abs(s - (counts[i] * 100) / total));
    expect(Math.max(...off)).toBeLessThan(0.1);
  }
  expect(shares([0, 0])).toEqual([0, 0]);
});

test('a result is missing when empty, generic or the plan repeated; evidence when neither link nor text', () => {
  const plan = { title: 'มาตรการเผยแพร่ข้อมูล', steps: 'จัดทำแผนการเผยแพร่ข้อมูลรายไตรมาส' };
  const result = (text: string) =>
    missingOutcome(measureRow({ ...plan, result: text, evidence: 'x' })).result;
  expect(result('')).toBe(true);
  expect(result('ดำเนินการตามแผนรายไตรมาส')).toBe(true);
  expect(result('ดำเนินการตามแผน')).toBe(true);
  expect(result(' จัดทำแผนการเผยแพร่ข้อมูลรายไตรมาส ')).toBe(true);
  expect(result('เผยแพร่ข้อมูล ๑๒ รายการ บนเว็บไซต์')).toBe(false);
  expect(missingOutcome(measureRow({ ...plan, result: 'ทำแล้ว ๓ ครั้ง' })).evidence).toBe(true);
  expect(
    missingOutcome(measureRow({ ...plan, links: [{ label: '', url: 'https://example.org/a' }] })).evidence,
  ).toBe(false);
});

test('a quarter has ended on its last day: its milestone is due that day, not the day before', () => {
  const m = measureRow({ progress: 20, status: 'กำลังดำเนินการ', milestones: ['ก', 'ข', 'ค', 'ง'] });
  const on = (day: number, month: number, year: number) =>
    followUp([m], new Date(year, month - 1, day, 12), 2569)[0];
  expect(on(30, 12, 2025).state).toBe('under-way');
  expect(on(31, 12, 2025).late?.th).toMatch(/^สิ้นไตรมาสที่ 1 /);
  expect(on(30, 3, 2026).late?.th).toMatch(/^สิ้นไตรมาสที่ 1 /);
  expect(on(31, 3, 2026).late?.th).toMatch(/^สิ้นไตรมาสที่ 2 .*ต่ำกว่าเป้าหมาย 50%/);
  // A period that ends on the round's date has ended too.
  const period = measureRow({
    progress: 90,
    status: 'กำลังดำเนินการ',
    period: '1 ตุลาคม 2568 ถึง 31 มีนาคม 2569',
  });
  expect(followUp([period], new Date(2026, 2, 31, 12), 2569)[0].state).toBe('late');
  expect(followUp([period], new Date(2026, 2, 30, 12), 2569)[0].state).toBe('under-way');
});
