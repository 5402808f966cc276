import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SheetData } from '../src/core/workbook/reader';
import { readXlsxFile, workbookFromSheets } from '../src/local/xlsx';
import { pdfPages } from './helpers/pdf';
import { ROOT, settingsTab } from './helpers/workbook';

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'ita-report.cjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const PROVINCE = join(ROOT, 'samples', 'province-example.xlsx');
const INDUSTRY = join(ROOT, 'samples', 'industry-2568.xlsx');

/**
 * The level of a row by the 2567–2568 rule, recomputed here from the tab's figures as published (two
 * decimals): ผ่านดีเยี่ยม the total and IIT, EIT1, EIT2, OIT each 95 or more; ผ่านดี each 85 or more;
 * ผ่าน a total of 85 or more; else ไม่ผ่าน.
 */
function ruleLevel(total: number, tools: number[]): string {
  const all = (min: number) => total >= min && tools.every((t) => t >= min);
  if (all(95)) return 'ผ่านดีเยี่ยม';
  if (all(85)) return 'ผ่านดี';
  return total >= 85 ? 'ผ่าน' : 'ไม่ผ่าน';
}

describe('ita-report rollup on the province-sized sample', () => {
  let tab: unknown[][];
  beforeAll(async () => {
    const sheets: SheetData[] = await readXlsxFile(PROVINCE);
    tab = (sheets.find((s) => s.name === 'ผลหน่วยงาน') as SheetData).values;
  });

  test('--json counts by level and below 85 match the rule applied to the tab, bounds included', () => {
    const { code, out } = cli('rollup', PROVINCE, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    const header = tab[0] as string[];
    const col = (name: string) => header.indexOf(name);
    for (const year of [2567, 2568]) {
      const rows = tab.slice(1).filter((r) => r[col('ปีงบประมาณ')] === year);
      const levels: Record<string, number> = { ผ่านดีเยี่ยม: 0, ผ่านดี: 0, ผ่าน: 0, ไม่ผ่าน: 0, unknown: 0 };
      let below = 0;
      for (const r of rows) {
        const total = r[col('คะแนนรวม')] as number;
        const tools = ['IIT', 'EIT ส่วนที่ 1', 'EIT ส่วนที่ 2', 'OIT'].map((k) => r[col(k)] as number);
        levels[ruleLevel(total, tools)]++;
        if (total < 85) below++;
      }
      expect(json.years[String(year)]).toMatchObject({ agencies: rows.length, below85: below, levels });
    }
    // The sample holds rows on the bounds: every tool at 85.00, and one tool at 94.99 with the rest above 95.
    const on85 = tab.filter((r) => r[col('IIT')] === 85 && r[col('OIT')] === 85);
    const at9499 = tab.filter((r) => r[col('EIT ส่วนที่ 2')] === 94.99 && (r[col('คะแนนรวม')] as number) >= 95);
    expect([on85.length, at9499.length]).toEqual([1, 1]);
    expect(json.findings).toEqual([]);
  }, 60_000);

  test('--out DIR writes workbook.xlsx with every agency in ภาพรวมหน่วยงาน, rollup.html with the level chart, rollup.pdf within 40 pages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-rollup-'));
    const { code, out } = cli('rollup', PROVINCE, '--out', dir);
    expect(out).toContain('150 agencies');
    expect(code).toBe(0);
    for (const f of ['workbook.xlsx', 'rollup.html', 'rollup.pdf'])
      expect(existsSync(join(dir, f))).toBe(true);
    const written = await readXlsxFile(join(dir, 'workbook.xlsx'));
    const overview = written.find((s) => s.name === 'ภาพรวมหน่วยงาน') as SheetData;
    expect(overview.values.length).toBe(151);
    expect(overview.values[0].slice(0, 3)).toEqual(['อันดับ', 'รหัสหน่วยงาน', 'หน่วยงาน']);
    // The words as a reader sees them: the HTML may wrap words in spans.
    const html = readFileSync(join(dir, 'rollup.html'), 'utf8').replace(/<[^>]*>/g, '');
    expect(html).toContain('จำนวนหน่วยงานจำแนกตามระดับผลการประเมิน รายปี');
    expect(html).toContain('ภาพรวมหน่วยงาน');
    const pages = pdfPages(join(dir, 'rollup.pdf'));
    expect(pages.length).toBeLessThanOrEqual(40);
  }, 180_000);
});

test('the Ministry of Industry sample: the published table pasted as is reads with no edits', () => {
  const { code, out } = cli('rollup', INDUSTRY, '--json');
  expect(code).toBe(0);
  const json = JSON.parse(out);
  expect(json.scope).toBe('กระทรวงอุตสาหกรรม');
  expect(json.years['2568']).toEqual({
    agencies: 8,
    mean: 95.32,
    median: 95.19,
    below85: 0,
    levels: { ผ่านดีเยี่ยม: 0, ผ่านดี: 2, ผ่าน: 6, ไม่ผ่าน: 0, unknown: 0 },
  });
  expect(json.findings.map((f: { code: string }) => f.code)).toEqual(['header-below-title']);
}, 60_000);

test('workbook text printed to the terminal has its control characters replaced', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ita-rollup-esc-'));
  const file = join(dir, 'in.xlsx');
  await workbookFromSheets([
    settingsTab({
      หน่วยงาน: 'สำนักงาน\u001b[2J',
      ขอบเขต: 'จังหวัด\u001b]0;x\u0007ตัวอย่าง',
      ปีงบประมาณที่ประเมิน: 2568,
    }),
    {
      name: 'ผลหน่วยงาน',
      values: [
        ['หน่วยงาน', 'คะแนน'],
        ['ก\u001b[31m', 'x'],
      ],
    },
  ]).xlsx.writeFile(file);
  const { out } = cli('rollup', file, '--out', join(dir, 'out'), '--no-pdf');
  expect(out).toContain('not a number');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not reach the terminal
  expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
}, 60_000);
