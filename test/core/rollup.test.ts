import { analyze } from '../../src/core/analysis/analyze';
import { analyzeRollup } from '../../src/core/rollup/analyze';
import { rollupJson } from '../../src/core/rollup/json';
import { buildRollupReport } from '../../src/core/rollup/report';
import type { SheetData } from '../../src/core/workbook/reader';
import { reportText } from '../helpers/report';
import { settingsTab } from '../helpers/workbook';

const settings = (year: unknown = 2568) =>
  settingsTab({ หน่วยงาน: 'สำนักงาน ป.ป.ช. ประจำจังหวัดตัวอย่าง', ขอบเขต: 'จังหวัดตัวอย่าง', ปีงบประมาณที่ประเมิน: year });

const tab = (values: unknown[][], name = 'ผลหน่วยงาน'): SheetData => ({ name, values });

describe('a table pasted from a web page (rank, name, "96.06%", level), a title above it and no year column', () => {
  const rollup = analyzeRollup([
    settings('๒๕๖๘'),
    tab([
      ['ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ หน่วยงานในสังกัดกระทรวงตัวอย่าง', '', '', ''],
      ['ลำดับ', 'ชื่อหน่วยงาน', 'คะแนน ITA', 'ผลการประเมิน'],
      ['๑', 'กรมตัวอย่างหนึ่ง', '98.47%', 'ผ่านดี'],
      ['2', 'กรมตัวอย่างสอง', '๙๖.๐๖', 'ผ่าน'],
      ['3', '  กรมตัวอย่างสาม ', 84.99, 'ไม่ผ่าน'],
      ['4', 'กรมตัวอย่างสี่', '-', ''],
    ]),
  ]);
  const json = rollupJson(rollup);

  test('reads every row for the assessed year, with no error or warning', () => {
    expect(rollup.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(json.years['2568'].agencies).toBe(4);
    expect(rollup.current?.ranked.map((a) => [a.agency, a.total?.toFixed(2) ?? null])).toEqual([
      ['กรมตัวอย่างหนึ่ง', '98.47'],
      ['กรมตัวอย่างสอง', '96.06'],
      ['กรมตัวอย่างสาม', '84.99'],
      ['กรมตัวอย่างสี่', null],
    ]);
  });

  test('the header below the title is said, the levels are the ones given where the total alone cannot settle them', () => {
    expect(rollup.findings.find((f) => f.code === 'header-below-title')?.where).toBe('ผลหน่วยงาน!A2');
    expect(json.years['2568'].levels).toEqual({ ผ่านดีเยี่ยม: 0, ผ่านดี: 1, ผ่าน: 1, ไม่ผ่าน: 1, unknown: 1 });
    // 84.99 and no tools: below 85 whatever the tools, so deduced.
    expect(rollup.current?.ranked[2].levelSource).toBe('deduced');
    expect(json.years['2568'].below85).toBe(1);
  });

  test('mean and median of the totals given', () => {
    // (98.47 + 96.06 + 84.99) / 3 = 93.173…; median of three is the middle one.
    expect(json.years['2568'].mean).toBe(93.17);
    expect(json.years['2568'].median).toBe(96.06);
  });
});

describe('who an agency is', () => {
  const rollup = analyzeRollup([
    settings(),
    tab([
      ['หน่วยงาน', 'กลุ่ม', 'ประเภท', 'ปีงบประมาณ', 'คะแนนรวม'],
      ['อบต.บ้านใหม่ (ตัวอย่าง)', 'อำเภอหนึ่ง', 'อบต.', 2568, 91],
      ['อบต.บ้านใหม่ (ตัวอย่าง)', 'อำเภอสอง', 'อบต', 2568, 80],
      ['อบต.บ้านใหม่ (ตัวอย่าง)', 'อำเภอหนึ่ง', 'อบต.', 2567, 88],
      ['อบต.บ้านใหม่ (ตัวอย่าง)', 'อำเภอสอง', 'อบต.', 2024, 90],
      ['ทต.ตัวอย่าง', 'อำเภอหนึ่ง', 'ทต.', 2568, 92],
      ['ทต.ตัวอย่าง', 'อำเภอหนึ่ง', 'ทต.', 2568, 93],
      ['เทศบาลนครตัวอย่าง', '', 'เทศบาลนคร', 2568, 96],
    ]),
  ]);
  const json = rollupJson(rollup);

  test('the same name in two groups stays two agencies, each with its own change', () => {
    expect(json.years['2568'].agencies).toBe(4);
    expect(json.changes.up).toEqual(['อบต.บ้านใหม่ (ตัวอย่าง) (อำเภอหนึ่ง)']);
    expect(json.changes.down).toEqual(['อบต.บ้านใหม่ (ตัวอย่าง) (อำเภอสอง)']);
  });

  test('a C.E. year is read as B.E. with a warning naming the cell', () => {
    expect(rollup.findings.find((f) => f.code === 'common-era-year')?.where).toBe('ผลหน่วยงาน!D5');
    expect(rollup.previous?.agencies).toBe(2);
  });

  test('a second row of the same agency and year is a finding on its cell, the first row is used', () => {
    const dup = rollup.findings.filter((f) => f.code === 'duplicate-agency');
    expect(dup.map((f) => f.where)).toEqual(['ผลหน่วยงาน!A7']);
    expect(rollup.current?.ranked.find((a) => a.agency === 'ทต.ตัวอย่าง')?.total?.toFixed(2)).toBe('92.00');
  });

  test('type abbreviations are read as their full names, other types kept as typed', () => {
    expect(rollup.current?.byType.map((t) => [t.name, t.agencies])).toEqual([
      ['องค์การบริหารส่วนตำบล', 2],
      ['เทศบาลตำบล', 1],
      ['เทศบาลนคร', 1],
    ]);
  });

  test('by group, counts and those below 85', () => {
    const byGroup = rollup.current?.byGroup.map((g) => [g.name, g.agencies, g.below85.length]);
    expect(byGroup).toEqual([
      ['อำเภอหนึ่ง', 2, 0],
      ['อำเภอสอง', 1, 1],
    ]);
  });
});

describe('levels by the framework rule, from tools, given levels checked', () => {
  const rollup = analyzeRollup([
    settings(),
    tab([
      ['รหัสหน่วยงาน', 'หน่วยงาน', 'ปีงบประมาณ', 'IIT', 'EIT ส่วนที่ 1', 'EIT ส่วนที่ 2', 'OIT', 'คะแนนรวม', 'ระดับ'],
      ['A1', 'หน่วยงานหนึ่ง', 2568, 95, 95, 94.995, 96, '', ''],
      ['A2', 'หน่วยงานสอง', 2568, 95, 95, 94.99, 96, '', ''],
      ['A3', 'หน่วยงานสาม', 2568, 90, 84.99, 90, 90, '', 'ผ่านดี'],
      ['A4', 'หน่วยงานสี่', 2568, 90, 90, 90, 90, 99, ''],
      ['A5', 'หน่วยงานห้า', 2568, '', '', '', '', 96, ''],
      ['A1', 'หน่วยงานหนึ่ง', 2567, 80, 80, 80, 80, '', ''],
      ['A3', 'หน่วยงานสาม', 2567, 95, 95, 95, 95, '', ''],
    ]),
  ]);
  const json = rollupJson(rollup);
  const level = (code: string) => rollup.current?.ranked.find((a) => a.code === code)?.level?.label;

  test('the bounds of rounding: 94.995 is 95.00, 94.99 is not', () => {
    expect(level('A1')).toBe('ผ่านดีเยี่ยม');
    expect(level('A2')).toBe('ผ่านดี');
  });

  test('a level the tools contradict is a level-mismatch on its cell, a total its tools contradict a score-mismatch', () => {
    expect(level('A3')).toBe('ผ่าน');
    const codes = rollup.findings.map((f) => [f.code, f.where]);
    expect(codes).toContainEqual(['level-mismatch', 'ผลหน่วยงาน!I4']);
    expect(codes).toContainEqual(['score-mismatch', 'ผลหน่วยงาน!H5']);
  });

  test('a total alone that cannot settle the level is unknown, counted apart, and the finding names the agency', () => {
    expect(level('A5')).toBeUndefined();
    expect(json.years['2568'].levels.unknown).toBe(1);
    const unknown = rollup.findings.find((f) => f.code === 'level-unknown');
    expect(unknown?.message_en.startsWith('A5: ')).toBe(true);
  });

  test('level up and down across years', () => {
    expect(json.changes.levelUp).toEqual(['A1']);
    expect(json.changes.levelDown).toEqual(['A3']);
  });
});

describe('indicators across agencies', () => {
  const rollup = analyzeRollup([
    settings(),
    tab([
      ['หน่วยงาน', 'คะแนนรวม', 'ตัวชี้วัดที่ 1', 'ตัวชี้วัดที่ ๒', 'indicator 9'],
      ['ก', 90, 80, 95, 70],
      ['ข', 92, 90, 96, 60],
      ['ค', 94, 100, '-', 88],
    ]),
  ]);
  const json = rollupJson(rollup);

  test('mean, count below 85 and share of each indicator given', () => {
    expect(json.indicators['1']).toEqual({ mean: 90, agencies: 3, below85: 1, below85_share: 33.3 });
    expect(json.indicators['2']).toEqual({ mean: 95.5, agencies: 2, below85: 0, below85_share: 0 });
    expect(json.indicators['9']).toEqual({ mean: 72.67, agencies: 3, below85: 2, below85_share: 66.7 });
  });

  test('the weakest indicators, lowest mean first, with the agencies weakest in each', () => {
    expect(rollup.weakestIndicators.map((s) => s.indicator)).toEqual([9, 1, 2]);
    expect(rollup.weakestIndicators[0].weakest.map((w) => w.agency.agency)).toEqual(['ข', 'ก', 'ค']);
  });

  test('weak across most agencies comes before a lower mean that one agency makes', () => {
    // ตัวชี้วัดที่ 3: mean 83.33, one agency of three below 85; ตัวชี้วัดที่ 4: mean 86, two of three.
    const spread = analyzeRollup([
      settings(),
      tab([
        ['หน่วยงาน', 'คะแนนรวม', 'ตัวชี้วัดที่ 3', 'ตัวชี้วัดที่ 4'],
        ['ก', 90, 60, 84],
        ['ข', 92, 95, 84],
        ['ค', 94, 95, 90],
      ]),
    ]);
    expect(spread.weakestIndicators.map((s) => s.indicator)).toEqual([4, 3]);
  });
});

test('a coordinator workbook needs no score tab; an agency workbook reads its peers through the same reader', () => {
  const coordinator = analyzeRollup([
    settings(),
    tab([
      ['หน่วยงาน', 'คะแนน'],
      ['ก', 90],
    ]),
  ]);
  expect(coordinator.findings.filter((f) => f.code === 'missing-tab')).toEqual([]);
  expect(coordinator.ok).toBe(true);
  const agency = analyze([
    settings(),
    {
      name: 'คะแนนรวม',
      values: [
        ['ปีงบประมาณ', 'คะแนนรวม'],
        [2568, 96.06],
      ],
    },
    tab(
      [
        ['ตารางที่ ๑ ผลการประเมินของหน่วยงานในสังกัด', '', ''],
        ['อันดับ', 'หน่วยงาน', 'คะแนน ITA', 'ผลการประเมิน'],
        ['1', 'กรมตัวอย่าง', '98.47%', 'ผ่านดี'],
      ],
      'หน่วยงานในสังกัด',
    ),
  ]);
  expect(agency.workbook.peers).toEqual([
    { agency: 'กรมตัวอย่าง', score: expect.anything(), level: 'ผ่านดี', year: null, where: 'หน่วยงานในสังกัด!B3' },
  ]);
  expect(agency.workbook.peers[0].score?.toFixed(2)).toBe('98.47');
});

describe('the roll-up report says what the figures are', () => {
  const rows = [
    ['หน่วยงาน', 'ปีงบประมาณ', 'IIT', 'EIT ส่วนที่ 1', 'EIT ส่วนที่ 2', 'OIT', 'คะแนนรวม'],
    ['ก', 2567, 90, 90, 90, 90, 90],
    ['ข', 2567, 80, 80, 80, 80, 80],
    ['ก', 2568, 92, 92, 92, 92, 92],
    ['ข', 2568, 80, 80, 80, 80, 80],
    ['ค', 2568, 99, 99, 99, 99, 99],
  ];
  const text = (values: unknown[][]) => {
    const model = buildRollupReport({
      rollup: analyzeRollup([settings(), tab(values)]),
      today: new Date(2026, 11, 6),
    });
    return { model, text: reportText(model.blocks) };
  };

  test('the mean up in words, the agencies of each year and of both, and the day it was made', () => {
    const { text: t } = text(rows);
    // ก and ข were assessed both years: (+2 + 0) / 2 = +1.00; the pass rate was 1 of 2 and is 2 of 3.
    expect(t).toContain('เมื่อเทียบเฉพาะหน่วยงานที่มีผลทั้งสองปี คะแนนเฉลี่ยเพิ่มขึ้น ๑.๐๐ คะแนน');
    expect(t).toContain('ร้อยละ ๖๖.๗ เพิ่มขึ้นจากร้อยละ ๕๐.๐ ในปี ๒๕๖๗');
    expect(t).toContain('ระดับผลการประเมินปี ๒๕๖๗ และ ๒๕๖๘ พิจารณาจากคะแนนรวมและคะแนนรายเครื่องมือ');
    expect(t).toContain('ระดับในรายงานนี้คำนวณจากคะแนนตามเกณฑ์ดังกล่าว');
    expect(t).toContain(
      'ระดับเพิ่มขึ้น ๐ หน่วยงาน ระดับลดลง ๐ หน่วยงาน คะแนนรวมเพิ่มขึ้น ๑ หน่วยงาน ลดลง ๐ หน่วยงาน เท่าเดิม ๑ หน่วยงาน',
    );
    expect(t).toContain(
      'คะแนนรวมและคะแนนรายเครื่องมือ (IIT, EIT ส่วนที่ ๑, EIT ส่วนที่ ๒ และ OIT) ดังนี้ ระดับผ่านดีเยี่ยม คะแนนรวมตั้งแต่ ๙๕ และทุกเครื่องมือตั้งแต่ ๙๕ ระดับผ่านดี คะแนนรวมตั้งแต่ ๘๕ และทุกเครื่องมือตั้งแต่ ๘๕ ระดับผ่าน คะแนนรวมตั้งแต่ ๘๕ แต่มีเครื่องมือใดต่ำกว่า ๘๕ และระดับไม่ผ่าน คะแนนรวมต่ำกว่า ๘๕',
    );
    expect(t).toContain('และมีหน่วยงานที่ได้ต่ำกว่า ๘๕ คะแนน ๑ หน่วยงาน (ปี ๒๕๖๗ ๑ หน่วยงาน)');
    // 2567: (90 + 80) / 2 = 85.00; 2568: (92 + 80 + 99) / 3 = 90.33.
    expect(t).toContain('คะแนนเฉลี่ยเพิ่มขึ้น ๕.๓๓ คะแนน จากปีงบประมาณ พ.ศ. ๒๕๖๗ (เฉลี่ย ๘๕.๐๐ คะแนน)');
    expect(t).toContain('ปี ๒๕๖๗ มีผล ๒ หน่วยงาน ปี ๒๕๖๘ มีผล ๓ หน่วยงาน และมีผลทั้งสองปี ๒ หน่วยงาน');
    expect(t).toContain('จัดทำเมื่อวันที่ ๖ ธันวาคม ๒๕๖๙');
    expect(t).not.toContain('ข้อมูล ณ วันที่');
  });

  test('the mean of each tool the framework weighs, by year', () => {
    const { model } = text([...rows.map((r, i) => (i === 0 ? [...r, 'EIT'] : [...r, 50]))]);
    const tools = model.blocks.find(
      (b) => b.kind === 'table' && (b.caption ?? '').includes('คะแนนเฉลี่ยรายเครื่องมือ'),
    ) as Extract<(typeof model.blocks)[number], { kind: 'table' }>;
    // IIT: 2567 (90 + 80) / 2, 2568 (92 + 80 + 99) / 3; an EIT column beside the parts is no tool of 2568.
    expect(tools.rows.map((r) => r.cells)).toEqual([
      ['IIT', '๘๕.๐๐', '๙๐.๓๓'],
      ['EIT ส่วนที่ ๑', '๘๕.๐๐', '๙๐.๓๓'],
      ['EIT ส่วนที่ ๒', '๘๕.๐๐', '๙๐.๓๓'],
      ['OIT', '๘๕.๐๐', '๙๐.๓๓'],
    ]);
  });

  test('the follow-up counts each agency needing attention once, lowest total first, with every reason', () => {
    const twice = [
      ...rows,
      ['ง', 2567, 96, 96, 96, 96, 96],
      ['ง', 2568, 84, 84, 84, 84, 84],
      ['จ', 2567, 96, 96, 96, 96, 96],
      ['จ', 2568, 96, 96, 96, 90, 93.6],
    ];
    const { model, text: t } = text(twice);
    // ข is below 85; ง is below 85, lost a level and dropped 12; จ lost a level: three agencies, not six entries.
    expect(t).toContain('หน่วยงานที่ควรให้ความสำคัญตามข้อ ๓ รวม ๓ หน่วยงาน (นับหน่วยงานละครั้ง)');
    const tables = model.blocks.filter((b) => b.kind === 'table') as Extract<
      (typeof model.blocks)[number],
      { kind: 'table' }
    >[];
    const table = tables[tables.length - 1];
    expect(table.rows.map((r) => r.cells[0])).toEqual(['ข', 'ง', 'จ']);
    // Below 85 says why ง fell; จ is told what keeps it from ผ่านดีเยี่ยม again.
    expect(table.rows[1].cells[1]).toBe(
      'คะแนนรวม ๘๔.๐๐ ต่ำกว่า ๘๕, ระดับลดลงจาก “ผ่านดีเยี่ยม” เป็น “ไม่ผ่าน” และ คะแนนลดลง ๑๒.๐๐ คะแนน',
    );
    expect(table.rows[2].cells[1]).toContain(
      'ระดับลดลงจาก “ผ่านดีเยี่ยม” เป็น “ผ่านดี” (คะแนนรวม ๙๓.๖๐ ต่ำกว่า ๙๕ และ OIT ๙๐.๐๐ ต่ำกว่า ๙๕)',
    );
  });

  test("an agency's type abbreviated in the agencies' tables, the abbreviations said once", () => {
    const typed = [
      ['หน่วยงาน', 'ประเภท', 'คะแนนรวม'],
      ['ก', 'อบต.', 80],
      ['ข', 'กรมตัวอย่าง', 84],
    ];
    const { model, text: t } = text(typed);
    expect(t).toContain('ประเภทหน่วยงานในตารางใช้อักษรย่อ ได้แก่ อบต. = องค์การบริหารส่วนตำบล');
    const below = model.blocks.find(
      (b) => b.kind === 'table' && (b.caption ?? '').includes('ต่ำกว่า ๘๕ คะแนน ปี'),
    ) as Extract<(typeof model.blocks)[number], { kind: 'table' }>;
    // A type with no common abbreviation stays as typed.
    expect(below.rows.map((r) => r.cells.slice(0, 2))).toEqual([
      ['ก', 'อบต.'],
      ['ข', 'กรมตัวอย่าง'],
    ]);
  });

  test('no count below 85 beside a level that counts the same agencies; kept where they differ', () => {
    const levelTable = (m: ReturnType<typeof text>['model']) =>
      m.blocks.find((b) => b.kind === 'table') as Extract<(typeof m.blocks)[number], { kind: 'table' }>;
    const same = levelTable(text(rows).model);
    expect(same.rows.map((r) => r.cells[0])).not.toContain('ต่ำกว่า ๘๕ คะแนน');
    // A level given with no total (a table of levels only for one agency): ไม่ผ่าน counts it, below 85 cannot.
    const given = [
      ['หน่วยงาน', 'คะแนนรวม', 'ระดับ'],
      ['ก', '', 'ไม่ผ่าน'],
      ['ข', 90, ''],
    ];
    const differ = levelTable(text(given).model);
    expect(differ.rows.map((r) => r.cells[0])).toContain('ต่ำกว่า ๘๕ คะแนน');
  });
});
