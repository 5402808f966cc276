import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/core/analysis/analyze';
import { analysisJson } from '../src/core/analysis/json';
import { frameworkById } from '../src/core/frameworks';
import { compressItems, frameworkTabRows, parseItemList } from '../src/core/frameworks/tab';
import type { SheetData } from '../src/core/workbook/reader';
import { readXlsxFile } from '../src/local/xlsx';
import { ROOT, settingsTab } from './helpers/workbook';

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'ita-report.cjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

const run = (sheets: SheetData[]) => analysisJson(analyze(sheets));
const problems = (json: { findings: { severity: string; code: string; where: string | null }[] }) =>
  json.findings.filter((f) => f.severity !== 'info').map((f) => [f.code, f.where]);

/** Sets column `header` of the rows whose kind and key (or name) match. */
function edit(rows: unknown[][], kind: string, key: string | number, header: string, value: unknown) {
  const [k, keyCol, nameCol, col] = ['ประเภท', 'รหัส', 'ชื่อ', header].map((h) => rows[0].indexOf(h));
  const row = rows.find((r) => r[k] === kind && (r[keyCol] === key || r[nameCol] === key));
  if (!row || col < 0) throw new Error(`no row ${kind} ${key} / ${header}`);
  row[col] = value;
}

/** Items for 2570, chosen so that every figure can be recomputed by hand (see the test below). */
function items2570(): SheetData {
  const rows: unknown[][] = [['ข้อ', 'ส่วนที่', '2570']];
  const iit = [90, 93, 96, 100, 100, 100, 99, 99, 99, 96, 96, 96, 84, 87, 90];
  for (const [i, v] of iit.entries()) rows.push([`i${i + 1}`, '', v]);
  for (let n = 1; n <= 9; n++) rows.push([`e${n}`, 1, 90], [`e${n}`, 2, 80]);
  for (let n = 1; n <= 26; n++) rows.push([`o${n}`, '', n === 19 ? 0 : 100]);
  return { name: 'รายข้อ', values: rows };
}

describe('ita-report framework 2569, edited into 2570', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ita-fw-'));
  const file = join(dir, 'framework.xlsx');
  let tab: SheetData;

  beforeAll(async () => {
    const { code, out, err } = cli('framework', '2569', '--out', file);
    expect([code, err]).toEqual([0, '']);
    expect(out).toContain('framework.xlsx');
    const sheets = await readXlsxFile(file);
    expect(sheets.map((s) => s.name)).toEqual(['กรอบการประเมิน']);
    tab = sheets[0];
  }, 60_000);

  test('the template holds the built-in 2569 framework: indicators, weights, levels', () => {
    const rows = tab.values;
    expect(rows[0].slice(0, 9)).toEqual([
      'ปีงบประมาณ',
      'ประเภท',
      'รหัส',
      'ชื่อ',
      'ชื่อภาษาอังกฤษ',
      'แบบวัด',
      'ข้อ',
      'ค่า',
      'ขั้นต่ำทุกแบบวัด',
    ]);
    const indicator9 = rows.find((r) => r[1] === 'ตัวชี้วัด' && r[2] === 9);
    expect(indicator9?.slice(0, 7)).toEqual([
      2569,
      'ตัวชี้วัด',
      9,
      'การเปิดเผยข้อมูล',
      'Open data',
      'OIT',
      'o1-o19',
    ]);
    const weights = rows.filter((r) => r[1] === 'น้ำหนัก').map((r) => [r[2], r[7]]);
    expect(weights).toEqual([
      ['IIT', 30],
      ['EIT ส่วนที่ 1', 15],
      ['EIT ส่วนที่ 2', 15],
      ['OIT', 40],
    ]);
    const levels = rows.filter((r) => r[1] === 'ระดับ').map((r) => [r[3], r[7], r[8]]);
    expect(levels).toEqual([
      ['ผ่านดีเยี่ยม', 95, 95],
      ['ผ่านดี', 85, 85],
      ['ผ่าน', 85, ''],
      ['ไม่ผ่าน', '', ''],
    ]);
  });

  test('the template read back is the built-in framework', () => {
    const json = analyze([settingsTab({ หน่วยงาน: 'X', ปีงบประมาณที่ประเมิน: 2569 }), tab, items2570()]);
    const f = json.frameworks.find((x) => x.year === 2569);
    const builtIn = frameworkById('ITA2569');
    expect(f?.indicators).toEqual(builtIn?.indicators);
    expect(f?.levels.rules).toEqual(builtIn?.levels.rules);
    expect(f?.levels.toolsTested).toEqual(builtIn?.levels.toolsTested);
    expect(f?.developmentItem).toEqual(builtIn?.developmentItem);
    expect(f?.resultsItem).toEqual(builtIn?.resultsItem);
    expect(f?.itemTopics.o25).toBe('การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร');
  });

  test('year 2570, o19 moved to indicator 10, weights 25/15/15/45: the figures a hand computation gives', () => {
    const rows = tab.values.map((r) => [...r]);
    for (const r of rows.slice(1)) r[0] = 2570;
    edit(rows, 'ตัวชี้วัด', 9, 'ข้อ', 'o1-o18');
    edit(rows, 'ตัวชี้วัด', 10, 'ข้อ', 'o19–o26');
    edit(rows, 'น้ำหนัก', 'IIT', 'ค่า', 25);
    edit(rows, 'น้ำหนัก', 'OIT', 'ค่า', 45);
    const json = run([
      settingsTab({ หน่วยงาน: 'หน่วยงานทดสอบ', ปีงบประมาณที่ประเมิน: 2570 }),
      { name: tab.name, values: rows },
      items2570(),
    ]);
    const s = json.scores[2570];
    // By hand: indicators 1–5 = 93, 100, 99, 96, 87 (means of three items); IIT = 475 / 5 = 95.
    // EIT part 1 = 90, part 2 = 80; indicators 6–8 = (90 + 80) / 2 = 85.
    // Indicator 9 = o1–o18, all 100 → 100; indicator 10 = o19–o26 = (0 + 7·100) / 8 = 87.5; OIT = 93.75.
    // Total = 0.25·95 + 0.15·90 + 0.15·80 + 0.45·93.75 = 23.75 + 13.5 + 12 + 42.1875 = 91.4375 → 91.44.
    expect(s.indicators).toEqual({
      1: 93,
      2: 100,
      3: 99,
      4: 96,
      5: 87,
      6: 85,
      7: 85,
      8: 85,
      9: 100,
      10: 87.5,
    });
    expect(s.tools).toEqual({ IIT: 95, EIT: 85, EIT1: 90, EIT2: 80, OIT: 93.75 });
    expect(s.total).toBe(91.44);
    expect(s).toMatchObject({ level: 'ผ่าน', level_source: 'computed' }); // EIT part 2 is below 85
    expect(json.framework).toBe('ITA2570');
    expect(problems(json)).toEqual([]);
    const info = json.findings.find((f) => f.code === 'framework-from-tab');
    expect(info?.where).toBe('กรอบการประเมิน!A2');
    expect(info?.message_en).toContain('none is built in for this year');
  });
});

describe('a framework tab that contradicts itself: errors naming the cell, the year not used', () => {
  const base = () =>
    frameworkTabRows(frameworkById('ITA2568') as NonNullable<ReturnType<typeof frameworkById>>);
  const analyseWith = (rows: unknown[][]) =>
    run([
      settingsTab({ หน่วยงาน: 'X', ปีงบประมาณที่ประเมิน: 2568 }),
      { name: 'Framework', values: rows },
      {
        name: 'Totals',
        values: [
          ['year', 'IIT', 'EIT1', 'EIT2', 'OIT'],
          [2568, 99.14, 90.52, 84.95, 100],
        ],
      },
    ]);
  const rowOf = (rows: unknown[][], kind: string, key: unknown) =>
    rows.findIndex((r) => r[1] === kind && (r[2] === key || r[3] === key)) + 1;

  test('an item in two indicators', () => {
    const rows = base();
    edit(rows, 'ตัวชี้วัด', 10, 'ข้อ', 'o20-o28');
    const json = analyseWith(rows);
    const row = rowOf(rows, 'ตัวชี้วัด', 10);
    expect(problems(json)).toEqual([['bad-framework', `Framework!G${row}`]]);
    expect(json.findings[0].message).toContain('o20');
    expect(json.findings[0].message).toContain(`Framework!G${rowOf(rows, 'ตัวชี้วัด', 9)}`);
    // The built-in 2568 framework is used instead: total 96.06, ผ่าน.
    expect(json.scores[2568]).toMatchObject({ total: 96.06, level: 'ผ่าน' });
    expect(json.findings.map((f) => f.code)).not.toContain('framework-from-tab');
  });

  test('weights not adding up to 100', () => {
    const rows = base();
    edit(rows, 'น้ำหนัก', 'OIT', 'ค่า', 45);
    const json = analyseWith(rows);
    const first = rowOf(rows, 'น้ำหนัก', 'IIT');
    expect(problems(json)).toEqual([['bad-framework', `Framework!H${first}`]]);
    expect(json.findings[0].message_en).toContain('add up to 105.00, not 100');
  });

  test('a level threshold out of order', () => {
    const rows = base();
    edit(rows, 'ระดับ', 'ผ่าน', 'ค่า', 90);
    const json = analyseWith(rows);
    expect(problems(json)).toEqual([['bad-framework', `Framework!H${rowOf(rows, 'ระดับ', 'ผ่าน')}`]]);
    expect(json.findings[0].message_en).toContain('list levels from the highest down');
  });

  test('an unknown kind, a tool that is not one, and item ids of another tool', () => {
    const rows = base();
    rows.push([2568, 'อื่น ๆ', '', '', '', '', '', '', '']);
    edit(rows, 'ตัวชี้วัด', 1, 'แบบวัด', 'XIT');
    edit(rows, 'ตัวชี้วัด', 2, 'ข้อ', 'i4, e5, i6');
    const json = analyseWith(rows);
    expect(problems(json)).toEqual([
      ['bad-framework', `Framework!F${rowOf(rows, 'ตัวชี้วัด', 1)}`],
      ['bad-framework', `Framework!G${rowOf(rows, 'ตัวชี้วัด', 2)}`],
      ['bad-framework', `Framework!B${rows.length}`],
    ]);
  });

  test('a year defined in the tab wins over the built-in one, with an info finding', () => {
    const rows = base();
    edit(rows, 'ระดับ', 'ผ่าน', 'ชื่อ', 'ผ่านเกณฑ์');
    const json = analyseWith(rows);
    expect(problems(json)).toEqual([]);
    expect(json.scores[2568]).toMatchObject({ level: 'ผ่านเกณฑ์', level_source: 'computed' });
    expect(json.findings.find((f) => f.code === 'framework-from-tab')?.message).toContain('แทนกรอบ ITA2568');
  });
});

test('item lists: ranges, Thai digits, and what is not an id', () => {
  expect(parseItemList('o1-o3, o๕ และ o7–9').items).toEqual(['o1', 'o2', 'o3', 'o5', 'o7', 'o8', 'o9']);
  expect(parseItemList('o1 ถึง o3').items).toEqual(['o1', 'o2', 'o3']);
  expect(parseItemList('o3-o1, x9').bad).toEqual(['o3-o1', 'x9']);
  expect(compressItems(['o1', 'o2', 'o3', 'o5', 'o7', 'o8'])).toBe('o1-o3, o5, o7-o8');
});

test('ita-report framework: a year and --out FILE.xlsx, else a usage error', () => {
  expect(cli('framework', '--out', '/tmp/x.xlsx').code).toBe(2);
  expect(cli('framework', '2569').code).toBe(2);
  expect(cli('framework', '2569', '--out', '/tmp/x.txt').err).toContain('.xlsx');
});

test("a tab with only the level rows of 2566 (the team's reading of the rule): the rest is built in, the rule confirmed", () => {
  const json = run([
    settingsTab({ หน่วยงาน: 'X', ปีงบประมาณที่ประเมิน: 2566 }),
    {
      name: 'กรอบการประเมิน',
      values: [
        ['ปีงบประมาณ', 'ประเภท', 'ชื่อ', 'ค่า', 'ขั้นต่ำทุกแบบวัด'],
        [2566, 'ระดับ', 'ผ่านดีเยี่ยม', 95, 95],
        ['', 'ระดับ', 'ผ่านดี', 85, 85],
        ['', 'ระดับ', 'ผ่าน', 85, ''],
        ['', 'ระดับ', 'ไม่ผ่าน', '', ''],
      ],
    },
    {
      name: 'คะแนนรวม',
      values: [
        ['ปีงบประมาณ', 'IIT', 'EIT', 'OIT', 'ระดับ'],
        [2566, 96, 97, 98, 'ผ่านดี'],
      ],
    },
  ]);
  // 0.3·96 + 0.3·97 + 0.4·98 = 97.10 with every tool at 95 or more: ผ่านดีเยี่ยม, and now a confirmed rule.
  expect(json.scores[2566]).toMatchObject({ total: 97.1, level: 'ผ่านดีเยี่ยม', level_source: 'computed' });
  expect(problems(json)).toEqual([['level-mismatch', 'คะแนนรวม!E2']]);
  const info = json.findings.find((f) => f.code === 'framework-from-tab');
  expect(info?.message_en).toContain('its indicators, weights are those of the built-in ITA2566');
});
