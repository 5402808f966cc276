import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuild } from '../src/local/build';
import { loadBundle } from '../src/local/bundle';
import { blockText, type DocData } from '../src/local/runtime/document';
import { createRuntime } from '../src/local/runtime/index';
import { loadSpreadsheet, restoreProperties } from '../src/local/workbook-io';
import { readXlsxFile } from '../src/local/xlsx';
import { ROOT } from './helpers/workbook';

const MIDYEAR = join(ROOT, 'samples', 'oie-2568-midyear.xlsx');

/** The measures tab of a workbook file, as its cells read. */
async function measuresOf(path: string): Promise<unknown[][]> {
  const sheets = await readXlsxFile(path);
  return sheets.find((s) => s.name === 'มาตรการ')?.values ?? [];
}

/** Text of the HTML as a reader sees it: tags out, entities decoded, spaces folded. */
const visible = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/[ \t\u00a0]+/g, ' ');

describe('ita-report build --report results, on the mid-year sample', () => {
  let html = '';
  let text = '';
  let tab: unknown[][] = [];
  const out = mkdtempSync(join(tmpdir(), 'ita-results-'));

  beforeAll(async () => {
    const result = await runBuild({ workbook: MIDYEAR, out, pdf: false, report: 'results' });
    expect(result.error).toBeNull();
    html = readFileSync(join(out, 'results.html'), 'utf8');
    text = visible(html);
    tab = await measuresOf(MIDYEAR);
  }, 60_000);

  const column = (name: string) => tab[0].indexOf(name);
  const thaiDigits = (t: string) => t.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
  const rows = () => tab.slice(1).filter((r) => String(r[column('มาตรการ/โครงการ/กิจกรรม')]) !== '');

  test('has every measure of the plan, each with its status and progress', () => {
    expect(rows()).toHaveLength(17);
    for (const [i, r] of rows().entries()) {
      // Its public number as the tab stores it (a tab of an earlier version: its place in the tab).
      const number = String(r[column('เลขที่มาตรการ')] ?? '') || `ม.${i + 1}`;
      const title = String(r[column('มาตรการ/โครงการ/กิจกรรม')]);
      const at = text.indexOf(`${thaiDigits(number)} ${title}\nผู้รับผิดชอบ`);
      expect(at).toBeGreaterThan(0);
      expect(text).not.toContain(String(r[column('รหัส')]));
      // The cell after the measure's: its state, then its progress in Thai digits.
      const progress = String(r[column('ความคืบหน้า (%)')]).replace(/[0-9]/g, (d) =>
        String.fromCharCode(0x0e50 + Number(d)),
      );
      expect(text.slice(at, at + 400)).toMatch(
        new RegExp(
          `(ดำเนินการแล้วเสร็จ|อยู่ระหว่างดำเนินการ|ล่าช้ากว่าแผน|ยังไม่เริ่มดำเนินการ)\\s*\\n?\\s*ความคืบหน้า ${progress}%`,
        ),
      );
    }
  });

  test('every evidence link of the tab is a link in the HTML', () => {
    const urls = rows().flatMap((r) => String(r[column('หลักฐาน')]).match(/https?:\/\/\S+/g) ?? []);
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const url of urls) expect(html).toContain(`<a href="${url}">`);
  });

  test('the late measure is named as late, with why', () => {
    const late = text.slice(text.indexOf('มาตรการที่ล่าช้ากว่าแผนหรือยังไม่เริ่มดำเนินการ\n'));
    // Dated 31 March: the second quarter has ended that day (test/results-counting.test.ts counts them all).
    expect(late).toMatch(
      /ม\.[๐-๙]+ มาตรการกำกับดูแลการใช้และการยืมทรัพย์สินของราชการ[\s\S]{0,80}ล่าช้ากว่าแผน[\s\S]{0,40}สิ้นไตรมาสที่ ๒/,
    );
    expect(text).toContain('ล่าช้ากว่าแผน ๗ มาตรการ');
  });

  test('a summary by division, and the approval block of the settings', () => {
    expect(text).toContain('ผลการดำเนินการตามมาตรการ รายหน่วยงาน');
    for (const name of ['สำนักงานเลขานุการกรม (สล.)', 'กลุ่มพัฒนาระบบบริหาร (กพร.)']) expect(text).toContain(name);
    expect(text).toContain('พิจารณาอนุมัติให้เผยแพร่ต่อสาธารณะ');
    expect(text).toMatch(/อนุมัติ[\s\S]*ลงชื่อ[\s\S]*ผู้อนุมัติ/);
    expect(text).toContain('วันที่ ๓๑ มีนาคม ๒๕๖๙');
  });

  test('the measures tab is only read: the workbook written keeps it cell for cell', async () => {
    expect(await measuresOf(join(out, 'workbook.xlsx'))).toEqual(tab);
  });
});

describe('rebuilding the results report after one measure’s progress changes', () => {
  test('the report changes there and nowhere else, in the same Doc, and the tab keeps every edit', async () => {
    const loaded = await loadSpreadsheet(MIDYEAR);
    const runtime = createRuntime({ spreadsheet: loaded.build, projectDir: join(ROOT, 'dist') });
    restoreProperties(runtime, loaded.state);
    const bundle = loadBundle(runtime, join(ROOT, 'dist', 'Code.js'));
    const lines = (docId: string) =>
      (runtime.documents.get(docId) as DocData).body.children.flatMap((c) => blockText(c).split('\n'));
    const first = bundle.call<{ docId: string }>('apiBuildResultsReport');
    const before = lines(first.docId);
    const sheet = runtime.spreadsheet.getSheetByName('มาตรการ');
    const header = sheet?.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
    // The fourth measure (row 5) is under way at 50%: 70% keeps it under way.
    const cell = sheet?.getRange(5, header.indexOf('ความคืบหน้า (%)') + 1);
    expect(cell?.getValue()).toBe(50);
    cell?.setValue(70);
    const tabBefore = sheet?.getDataRange().getValues();
    const second = bundle.call<{ docId: string; reused: boolean }>('apiBuildResultsReport');
    expect([second.docId, second.reused]).toEqual([first.docId, true]);
    const after = lines(second.docId);
    expect(after).toHaveLength(before.length);
    const changed = after.map((line, i) => [before[i], line]).filter(([a, b]) => a !== b);
    expect(changed).toEqual([['ความคืบหน้า ๕๐%', 'ความคืบหน้า ๗๐%']]);
    expect(sheet?.getDataRange().getValues()).toEqual(tabBefore);
  });
});
