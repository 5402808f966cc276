import { analyze } from '../../src/core/analysis/analyze';
import { analysisJson } from '../../src/core/analysis/json';
import type { SheetData } from '../../src/core/workbook/reader';
import { settingsTab } from '../helpers/workbook';

function run(sheets: SheetData[]) {
  const analysis = analyze(sheets);
  return { ...analysisJson(analysis), ok: analysis.ok };
}

type Found = { findings: { code: string; severity: string; where: string | null }[] };
const codes = (json: Found) => json.findings.map((f) => f.code);
/** Errors and warnings only: the info findings (no previous year, no items) are tested on their own. */
const problems = (json: Found) => json.findings.filter((f) => f.severity !== 'info');

describe('an AA–F agency in English aliases (IPST history, ita-framework-notes §5.5)', () => {
  const json = run([
    {
      name: 'Settings',
      values: [
        ['Key', 'Value'],
        ['Agency', 'สถาบันส่งเสริมการสอนวิทยาศาสตร์และเทคโนโลยี'],
        ['year', 2567],
      ],
    },
    {
      name: '  totals ',
      values: [
        ['', '', ''],
        ['Level', 'Year', 'Total', 'Notes'],
        ['A', 2562, 91.07, 'unknown columns are ignored'],
        ['A', 2563, 90.73, ''],
        ['AA', 2564, 95.62, ''],
        ['A', 2565, 90.22, ''],
        ['ผ่าน', 2566, 86.78, ''],
        ['ผ่าน', 2567, 91.15, ''],
      ],
    },
  ]);

  test('each year gets the level of its own framework', () => {
    const levels = Object.fromEntries(
      Object.entries(json.scores).map(([y, s]) => [y, [s.level, s.level_source]]),
    );
    expect(levels).toEqual({
      2562: ['A', 'computed'],
      2563: ['A', 'computed'],
      2564: ['AA', 'computed'],
      2565: ['A', 'computed'],
      // The total alone allows ผ่าน or ผ่านดี (tools not given): the published level is one of them, and kept.
      2566: ['ผ่าน', 'given'],
      2567: ['ผ่าน', 'given'],
    });
  });

  test('a published level the total allows raises nothing', () => {
    expect(codes(json)).toEqual(['no-items']);
    expect(json.deltas.total).toBe(4.37);
    expect(json.scores[2564].tools).toEqual({ IIT: null, EIT: null, OIT: null });
  });
});

describe('2564: tools given, total computed with 30/30/40', () => {
  test('85.935 rounds half up to 85.94, level A', () => {
    const json = run([
      settingsTab({ หน่วยงาน: 'หน่วยงานทดสอบ', ปีงบประมาณที่ประเมิน: 'พ.ศ. ๒๕๖๔' }),
      {
        name: 'คะแนนรวม',
        values: [
          ['ปีงบประมาณ', 'IIT', 'EIT', 'OIT'],
          ['๒๕๖๔', '๘๘.๑๐', '92.35%', 79.5],
        ],
      },
    ]);
    expect(json.scores[2564]).toMatchObject({
      total: 85.94,
      level: 'A',
      tools: { IIT: 88.1, EIT: 92.35, OIT: 79.5 },
    });
    expect(codes(json)).toEqual(['no-previous-year', 'no-items']);
  });
});

describe('2562–2565 items: 30 IIT, 15 EIT, 43 OIT', () => {
  const rows: unknown[][] = [['ข้อ', 'ส่วนที่', 'ปีงบประมาณ 2563']];
  for (let n = 1; n <= 30; n++) rows.push([`I${n}`, '', n <= 6 ? 90 : 100]);
  for (let n = 1; n <= 15; n++)
    rows.push([`ข้อ e${String(n).replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)])}`, '', 80]);
  for (let n = 1; n <= 43; n++)
    rows.push([`o${n}`, '', (n <= 33 && n > 30) || (n > 38 && n <= 43) ? 0 : 100]);
  const json = run([
    settingsTab({ หน่วยงาน: 'หน่วยงานทดสอบ', ปีงบประมาณที่ประเมิน: 2563 }),
    { name: 'รายข้อ', values: rows },
  ]);
  const s = json.scores[2563];

  test('indicators are the means of their items', () => {
    expect(s.indicators).toMatchObject({ 1: 90, 2: 100, 6: 80, 9: 90.91, 10: 50 });
  });

  test('OIT is the mean of indicators 9 and 10, not of its 43 items', () => {
    expect(s.tools.OIT).toBe(70.45); // (90.909… + 50) / 2; the item mean would be 81.40
    expect(s.tools.IIT).toBe(98);
    expect(s.tools.EIT).toBe(80);
    expect(s.total).toBe(81.58); // 29.4 + 24 + 28.1818…
    expect(s.level).toBe('B');
    expect(codes(json)).toEqual(['no-previous-year']);
  });
});

describe('2569 and later', () => {
  test('2569 splits OIT o1–o19 / o20–o26, and a Common-Era header is converted with a warning', () => {
    const rows: unknown[][] = [['Item', 'Part', '2026']];
    for (let n = 1; n <= 26; n++) rows.push([`o${n}`, '', n === 20 ? 0 : 100]);
    const json = run([settingsTab({ agency: 'X', year: 2569 }, 'settings'), { name: 'Items', values: rows }]);
    expect(json.framework).toBe('ITA2569');
    expect(json.scores[2569].indicators).toMatchObject({ 9: 100, 10: 85.71 });
    expect(problems(json).map((f) => [f.code, f.where])).toEqual([['common-era-year', 'Items!C1']]);
  });

  test('the year after the latest framework uses it, with a warning', () => {
    const json = run([
      settingsTab({ agency: 'X', year: 2570 }),
      {
        name: 'Totals',
        values: [
          ['year', 'IIT', 'EIT1', 'EIT2', 'OIT'],
          [2570, 95, 95, 95, 95],
        ],
      },
    ]);
    expect(json.framework).toBe('ITA2569');
    expect(json.scores[2570]).toMatchObject({ total: 95, level: 'ผ่านดีเยี่ยม' });
    expect(problems(json).map((f) => f.code)).toEqual(['framework-fallback']);
  });

  test('a year far outside the known frameworks gets an info finding and no level', () => {
    const json = run([
      settingsTab({ agency: 'X', year: 2575 }),
      {
        name: 'Totals',
        values: [
          ['year', 'IIT', 'EIT1', 'EIT2', 'OIT'],
          [2550, '', '', '', ''],
          [2575, 95, 95, 95, 95],
        ],
      },
    ]);
    expect(json.scores[2575]).toMatchObject({ total: 95, level: null, level_source: null });
    expect(problems(json)).toEqual([]);
    expect(codes(json)).toContain('year-outside-frameworks');
  });

  test('the settings may name another framework for the assessed year', () => {
    const json = run([
      settingsTab({ agency: 'X', year: 2569, กรอบการประเมิน: 'ITA๒๕๖๘' }),
      {
        name: 'Totals',
        values: [
          ['year', 'total'],
          [2569, 90],
        ],
      },
    ]);
    expect(json.framework).toBe('ITA2568');
  });
});

describe('the 2567–2568 level rule: total and every tool, EIT parts apart', () => {
  const level = (iit: number, eit1: number, eit2: number, oit: number) => {
    const json = run([
      settingsTab({ agency: 'X', year: 2568 }),
      {
        name: 'Totals',
        values: [
          ['year', 'IIT', 'EIT1', 'EIT2', 'OIT'],
          [2568, iit, eit1, eit2, oit],
        ],
      },
    ]);
    return [json.scores[2568].total, json.scores[2568].level];
  };

  test.each([
    [
      [99, 96, 95, 100],
      [98.35, 'ผ่านดีเยี่ยม'],
    ],
    [
      [99, 96, 90, 100],
      [97.6, 'ผ่านดี'],
    ],
    [
      [99, 96, 84.99, 100],
      [96.85, 'ผ่าน'],
    ],
    [
      [85, 85, 85, 85],
      [85, 'ผ่านดี'],
    ],
    [
      [84.99, 85, 85, 85],
      [85, 'ผ่าน'],
    ], // 84.997 rounds to 85.00
    [
      [80, 80, 80, 90],
      [84, 'ไม่ผ่าน'],
    ],
  ])('tools %p give %p', (tools, expected) => {
    expect(level(tools[0], tools[1], tools[2], tools[3])).toEqual(expected);
  });
});

describe('bad input never crashes and says where', () => {
  test('out-of-range and text scores are errors naming the cell, and are left out', () => {
    const json = run([
      settingsTab({ หน่วยงาน: 'X', ปีงบประมาณที่ประเมิน: 2568 }),
      {
        name: 'คะแนนรวม',
        values: [
          ['ปีงบประมาณ', 'IIT', 'EIT ส่วนที่ ๑', 'EIT ส่วนที่ ๒', 'OIT'],
          [2568, 101, 'ดีมาก', 90, -1],
        ],
      },
    ]);
    expect(problems(json).map((f) => [f.severity, f.code, f.where])).toEqual([
      ['error', 'out-of-range', 'คะแนนรวม!B2'],
      ['error', 'not-a-number', 'คะแนนรวม!C2'],
      ['error', 'out-of-range', 'คะแนนรวม!E2'],
    ]);
    expect(json.findings[1].message_en).toContain('"ดีมาก" is not a number');
    expect(json.scores[2568]).toMatchObject({ total: null, level: null, tools: { IIT: null, EIT2: 90 } });
    expect(json.ok).toBe(true);
  });

  test('no settings tab and no score tab: cannot be analysed', () => {
    const json = run([{ name: 'Sheet1', values: [['hello']] }]);
    expect(json.ok).toBe(false);
    expect(json.findings.map((f) => [f.severity, f.code])).toEqual([
      ['error', 'missing-tab'],
      ['error', 'missing-tab'],
    ]);
  });

  test('settings without a year or agency, and a missing column', () => {
    const json = run([
      settingsTab({ หน่วยงาน: '', ปีงบประมาณที่ประเมิน: 'ปีนี้' }),
      {
        name: 'รายข้อ',
        values: [
          ['หัวข้อ', '2568'],
          ['i1', 90],
        ],
      },
    ]);
    expect(json.ok).toBe(false);
    expect(json.findings.map((f) => [f.code, f.where])).toEqual([
      ['missing-setting', 'ตั้งค่า!B2'],
      ['bad-year', 'ตั้งค่า!B3'],
      ['missing-setting', 'ตั้งค่า!B3'],
      ['missing-column', 'รายข้อ!A1'],
    ]);
  });

  test('an EIT item without its part in a two-part year, an unknown item, a duplicate', () => {
    const json = run([
      settingsTab({ agency: 'X', year: 2568 }),
      {
        name: 'Items',
        values: [
          ['item', 'part', '2568'],
          ['e1', '', 90],
          ['i99', '', 90],
          ['i1', '', 90],
          ['I1', '', 91],
          ['e2', 'ส่วนที่ ๒', 80],
        ],
      },
    ]);
    expect(problems(json).map((f) => [f.code, f.where])).toEqual([
      ['duplicate', 'Items!C5'],
      ['missing-part', 'Items!C2'],
      ['unknown-item', 'Items!C3'],
    ]);
    const incomplete = json.findings.filter((f) => f.code === 'incomplete-items');
    expect(incomplete.map((f) => (f as unknown as { message_en: string }).message_en)).toEqual([
      '2568, indicator 1: no score for i2, i3, so the indicator is not computed from its items',
      '2568, indicator 6: no score for e1.1, e2.1, e3.1, e1.2, e3.2, so the indicator is not computed from its items',
    ]);
    expect(json.scores[2568].items).toMatchObject({ i1: 90, 'e2.2': 80, 'e1.1': null });
  });

  test('an assessed year with no scores is an error', () => {
    const json = run([
      settingsTab({ agency: 'X', year: 2568 }),
      {
        name: 'Totals',
        values: [
          ['year', 'total'],
          [2567, 90],
        ],
      },
    ]);
    expect(json.ok).toBe(false);
    expect(codes(json)).toContain('no-scores-for-year');
  });
});

test('a score Sheets stored as a fraction (96.06% → 0.9606) is flagged', () => {
  const json = run([
    settingsTab({ agency: 'X', year: 2568 }),
    {
      name: 'Totals',
      values: [
        ['year', 'total'],
        [2568, 0.9606],
      ],
    },
  ]);
  expect(problems(json).map((f) => [f.code, f.where])).toEqual([['looks-like-fraction', 'Totals!B2']]);
});

test('indicators only, in a two-part year: tools and total from the indicators, the level left open', () => {
  const scores = [98.49, 99.78, 99.78, 98.71, 98.92, 91.2, 86.42, 85.59, 100, 100];
  const rows: unknown[][] = [['indicator', '2568'], ...scores.map((v, i) => [i + 1, v])];
  const json = run([settingsTab({ agency: 'X', year: 2568 }), { name: 'Indicators', values: rows }]);
  const s = json.scores[2568];
  expect(s.tools).toEqual({ IIT: 99.14, EIT: 87.74, EIT1: null, EIT2: null, OIT: 100 });
  expect(s.total).toBe(96.06); // 0.3·99.136 + 0.3·87.7367 + 0.4·100 = 96.0618
  expect(s.level).toBeNull(); // ผ่าน or ผ่านดี depends on the EIT parts, which are not given
  expect(codes(json)).toContain('level-unknown');
});

test('item deltas only where both years ask the same items for the indicator', () => {
  const json = run([
    settingsTab({ agency: 'X', year: 2568 }),
    {
      name: 'Items',
      values: [
        ['item', 'part', '2565', '2566', '2568'],
        ['i1', '', 90, 91, 95],
        ['o1', '', 100, 100, 100],
      ],
    },
  ]);
  expect(json.deltas.items).toEqual({}); // 2566 (i1 of six IIT items an indicator) vs 2568 (three)
  const same = run([
    settingsTab({ agency: 'X', year: 2566 }),
    {
      name: 'Items',
      values: [
        ['item', '2565', '2566'],
        ['i1', 90, 91.5],
      ],
    },
  ]);
  expect(same.deltas.items).toEqual({ i1: 1.5 });
});

test('a title typed above the header row is passed over, and said so', () => {
  const json = run([
    settingsTab({ agency: 'X', year: 2568 }),
    {
      name: 'คะแนนรวม',
      values: [
        ['ผลการประเมิน ITA ของหน่วยงาน', '', ''],
        ['', '', ''],
        ['ปีงบประมาณ', 'คะแนนรวม', 'ระดับ'],
        [2568, 88.5, ''],
      ],
    },
  ]);
  expect(json.scores[2568].total).toBe(88.5);
  expect(json.findings.map((f) => [f.code, f.where])).toContainEqual(['header-below-title', 'คะแนนรวม!A3']);
  expect(problems(json)).toEqual([]);
});

test('EIT parts as columns ("2568 ส่วนที่ 1", "2568 ส่วนที่ 2") or as EIT Public / EIT Survey', () => {
  const wide = run([
    settingsTab({ agency: 'X', year: 2568 }),
    {
      name: 'รายข้อ',
      values: [
        ['ข้อ', '๒๕๖๘ ส่วนที่ ๑', '2568 (part 2)'],
        ['e1', 91.5, 87.27],
        ['e2', 91.21, 85],
      ],
    },
  ]);
  expect(wide.scores[2568].items).toMatchObject({ 'e1.1': 91.5, 'e1.2': 87.27, 'e2.2': 85 });
  const named = run([
    settingsTab({ agency: 'X', year: 2568 }),
    {
      name: 'Items',
      values: [
        ['item', 'part', '2568'],
        ['e1', 'EIT Public', 91.5],
        ['e1', 'EIT Survey', 87.27],
      ],
    },
  ]);
  expect(named.scores[2568].items).toMatchObject({ 'e1.1': 91.5, 'e1.2': 87.27 });
});

test('recommendation items in every spelling: lists, และ, ข้อ, ranges', () => {
  const analysis = analyze([
    settingsTab({ agency: 'X', year: 2568 }),
    {
      name: 'Totals',
      values: [
        ['year', 'total'],
        [2568, 90],
      ],
    },
    {
      name: 'ข้อเสนอแนะ',
      values: [
        ['ปีงบประมาณ', 'แบบวัด', 'ข้อ', 'ข้อเสนอแนะ'],
        [2568, 'EIT', 'e๔ และ e๕', 'ก'],
        [2568, 'IIT', 'ข้อ i1 ข้อ i2', 'ข'],
        [2568, 'OIT', 'o1–o3', 'ค'],
        [2568, 'IIT', 'i1-3', 'ง'],
      ],
    },
  ]);
  expect(analysis.workbook.recommendations.map((r) => r.items)).toEqual([
    ['e4', 'e5'],
    ['i1', 'i2'],
    ['o1', 'o2', 'o3'],
    ['i1', 'i2', 'i3'],
  ]);
  expect(analysis.findings.filter((f) => f.code === 'bad-item-id')).toEqual([]);
});
