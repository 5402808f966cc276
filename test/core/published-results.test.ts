import { analyze } from '../../src/core/analysis/analyze';
import { analysisJson } from '../../src/core/analysis/json';
import { summaryText } from '../../src/core/summary';
import type { SheetData } from '../../src/core/workbook/reader';
import { settingsTab } from '../helpers/workbook';

/**
 * Agencies' published results, typed as they were printed. Each case says what was published (and
 * where), and what the analysis must deduce from it.
 */
function run(agency: string, year: number, totals: unknown[][]) {
  const sheets: SheetData[] = [
    settingsTab({ หน่วยงาน: agency, ปีงบประมาณที่ประเมิน: year }),
    { name: 'คะแนนรวม', values: totals },
  ];
  return analysisJson(analyze(sheets));
}

const codes = (json: { findings: { code: string }[] }) => json.findings.map((f) => f.code);
const problems = (json: { findings: { severity: string; code: string; where: string | null }[] }) =>
  json.findings.filter((f) => f.severity !== 'info').map((f) => [f.code, f.where]);

describe('one combined EIT for 2567 (the figures of issue 12: total 94.25, IIT 92.24, EIT 94.15, OIT 95.84)', () => {
  const header = ['ปีงบประมาณ', 'IIT', 'EIT', 'OIT', 'คะแนนรวม', 'ระดับ'];

  test('EIT 94.15 puts each part at 88.30 or more: every tool is above 85, so the level is ผ่านดี, deduced', () => {
    const json = run('หน่วยงานที่เผยแพร่ EIT รวม', 2567, [header, [2567, 92.24, 94.15, 95.84, 94.25, '']]);
    const s = json.scores[2567];
    expect(s).toMatchObject({ total: 94.25, level: 'ผ่านดี', level_source: 'deduced' });
    expect(s.tools).toMatchObject({ IIT: 92.24, EIT: 94.15, EIT1: null, EIT2: null, OIT: 95.84 });
    // 0.30·92.24 + 0.30·94.15 + 0.40·95.84 = 94.253: the published total agrees.
    expect(problems(json)).toEqual([]);
    expect(codes(json)).not.toContain('level-unknown');
    expect(summaryText(json, false)).toContain('คะแนนรวม 94.25 ระดับ "ผ่านดี" (อนุมานจากขอบเขตของคะแนน)');
  });

  test('EIT 86.00 lets a part fall to 72: ผ่าน or ผ่านดี, no level, and EIT part 1 and part 2 named', () => {
    // total = 0.30·92.24 + 0.30·86.00 + 0.40·95.84 = 91.81
    const json = run('หน่วยงานที่เผยแพร่ EIT รวม', 2567, [header, [2567, 92.24, 86.0, 95.84, 91.81, '']]);
    expect(json.scores[2567]).toMatchObject({ total: 91.81, level: null, level_source: null });
    const unknown = json.findings.find((f) => f.code === 'level-unknown');
    expect(unknown?.severity).toBe('info');
    expect(unknown?.message).toContain('EIT ส่วนที่ 1 และ EIT ส่วนที่ 2');
    expect(unknown?.message_en).toContain('EIT part 1 and EIT part 2 would settle it');
    expect(unknown?.message).toContain('"ผ่านดี" หรือ "ผ่าน"');
  });

  test('EIT 86.00 with the total still 94.25: a score-mismatch, and the parts still named as what would settle it', () => {
    const json = run('หน่วยงานที่เผยแพร่ EIT รวม', 2567, [header, [2567, 92.24, 86.0, 95.84, 94.25, '']]);
    expect(problems(json)).toEqual([['score-mismatch', 'คะแนนรวม!E2']]); // the tools give 91.81
    expect(json.scores[2567]).toMatchObject({ total: 94.25, level: null });
    expect(json.findings.find((f) => f.code === 'level-unknown')?.message_en).toContain(
      'EIT part 1 and EIT part 2 would settle it',
    );
  });

  test('the same level is computed, not deduced, once the parts are typed', () => {
    const json = run('หน่วยงานที่เผยแพร่ EIT แยกส่วน', 2567, [
      ['ปีงบประมาณ', 'IIT', 'EIT ส่วนที่ 1', 'EIT ส่วนที่ 2', 'OIT'],
      [2567, 92.24, 93.1, 95.2, 95.84],
    ]);
    expect(json.scores[2567]).toMatchObject({ level: 'ผ่านดี', level_source: 'computed' });
  });
});

describe('IPST (สสวท.) 2558–2567, https://www.ipst.ac.th/news/76226/ita67.html', () => {
  // Published: 2558 79.69, 2559 83.73, 2560 91.35, 2561 83.10 "สูงมาก", 2562 91.07 A, 2563 90.73 A,
  // 2564 95.62 AA, 2565 90.22 A, 2566 86.78 ผ่าน, 2567 91.15 ผ่าน.
  const rows: unknown[][] = [
    ['ปีงบประมาณ', 'คะแนนรวม', 'ระดับ'],
    [2558, 79.69, '–'],
    [2559, 83.73, '-'],
    [2560, 91.35, 'n/a'],
    [2561, 83.1, '–'],
    [2562, 91.07, 'A'],
    [2563, 90.73, 'A'],
    [2564, 95.62, 'AA'],
    [2565, 90.22, 'A'],
    [2566, 86.78, 'ผ่าน'],
    [2567, 91.15, 'ผ่าน'],
  ];
  const json = run('สถาบันส่งเสริมการสอนวิทยาศาสตร์และเทคโนโลยี', 2567, rows);

  test('2558–2561 with "–" in the level cells: no level-mismatch, no AA–F letter, no level at all', () => {
    for (const year of [2558, 2559, 2560, 2561]) {
      expect(json.scores[year]).toMatchObject({ level: null, level_source: null });
    }
    expect(codes(json)).not.toContain('level-mismatch');
    expect(problems(json)).toEqual([]);
    const noRule = json.findings.filter((f) => f.code === 'no-level-rule');
    expect(noRule).toHaveLength(4);
    expect(noRule.every((f) => f.severity === 'info')).toBe(true);
  });

  test('2562–2565 levels are computed by AA–F; 2566–2567 published ผ่าน is one the total allows, and kept', () => {
    const levels = [2562, 2563, 2564, 2565, 2566, 2567].map((y) => [
      json.scores[y].level,
      json.scores[y].level_source,
    ]);
    expect(levels).toEqual([
      ['A', 'computed'],
      ['A', 'computed'],
      ['AA', 'computed'],
      ['A', 'computed'],
      ['ผ่าน', 'given'],
      ['ผ่าน', 'given'],
    ]);
  });

  test('the 2561 word "สูงมาก" is kept as published, never turned into a letter', () => {
    const withWord = rows.map((r) => (r[0] === 2561 ? [2561, 83.1, 'สูงมาก'] : r));
    const j = run('สถาบันส่งเสริมการสอนวิทยาศาสตร์และเทคโนโลยี', 2567, withWord);
    expect(j.scores[2561]).toMatchObject({ total: 83.1, level: 'สูงมาก', level_source: 'given' });
    expect(problems(j)).toEqual([]);
  });
});

test('OSMEP (สสว.) 2565: 90.76 "A Rank" (https://sme.go.th/uploads/eBooks/eBook_65/files/basic-html/page80.html)', () => {
  const json = run('สำนักงานส่งเสริมวิสาหกิจขนาดกลางและขนาดย่อม', 2565, [
    ['ปีงบประมาณ', 'คะแนนรวม', 'ระดับ'],
    [2565, 90.76, 'A'],
  ]);
  expect(json.scores[2565]).toMatchObject({ level: 'A', level_source: 'computed' });
  expect(problems(json)).toEqual([]);
});

describe('2566 "excellent" at 95 and above (NACC via https://www.nationthailand.com/thailand/general/40030119)', () => {
  // Published: Provincial Electricity Authority 99.35 and Dhonburi Rajabhat University 98.37 "excellent";
  // Phrae Province 99.72; Sakon Nakhon Municipality 98.10. The 2566 rule is not settled by the sources.
  // Three readings of the 2566 rule are allowed (docs/workbook.md): (a) the total alone, 85 passes, gives
  // ผ่าน for all four; (b) the 2567 rule and (c) the "excellent" band can give ผ่านดีเยี่ยม. The readings
  // differ, so the published word, one of the levels they allow, is what decides.
  test.each([
    ['การไฟฟ้าส่วนภูมิภาค', 99.35, 'given'],
    ['มหาวิทยาลัยราชภัฏธนบุรี', 98.37, 'given'],
    ['จังหวัดแพร่', 99.72, 'given'],
    ['เทศบาลนครสกลนคร', 98.1, 'given'],
  ])('%s %d ผ่านดีเยี่ยม: a level the total allows (%s), with no warning', (agency, total, source) => {
    const json = run(agency, 2566, [
      ['ปีงบประมาณ', 'คะแนนรวม', 'ระดับ'],
      [2566, total, 'ผ่านดีเยี่ยม'],
    ]);
    expect(json.scores[2566]).toMatchObject({ total, level: 'ผ่านดีเยี่ยม', level_source: source });
    expect(problems(json)).toEqual([]);
  });

  test('"ผ่านดี" for 97.29 (issue 12) is no warning either: under the known rule some tool is below 95', () => {
    const json = run('หน่วยงานทดสอบ', 2566, [
      ['ปีงบประมาณ', 'คะแนนรวม', 'ระดับ'],
      [2566, 97.29, 'ผ่านดี'],
    ]);
    expect(json.scores[2566]).toMatchObject({ level: 'ผ่านดี', level_source: 'given' });
    expect(problems(json)).toEqual([]);
  });

  // Total 90.60 (IIT 86, EIT 84, OIT 99): (a) 90.60 ≥ 85 ผ่าน; (b) not every tool ≥ 85 (EIT 84), total ≥ 85
  // ผ่าน; (c) below 95, ≥ 85 ผ่าน. Every reading agrees, so the level is settled whatever is typed.
  test('a 2566 level every reading agrees on is computed; "A" typed there is a level-mismatch quoting it', () => {
    const json = run('หน่วยงานทดสอบ', 2566, [
      ['ปีงบประมาณ', 'IIT', 'EIT', 'OIT', 'คะแนนรวม', 'ระดับ'],
      [2566, 86, 84, 99, 90.6, 'A'],
    ]);
    expect(json.scores[2566]).toMatchObject({ total: 90.6, level: 'ผ่าน', level_source: 'computed' });
    const mismatch = json.findings.filter((f) => f.code === 'level-mismatch');
    expect(mismatch).toEqual([expect.objectContaining({ severity: 'warning', where: 'คะแนนรวม!F2' })]);
    expect(mismatch[0].message).toContain('"A"');
    expect(mismatch[0].message_en).toContain('"A"');
    expect(codes(json)).not.toContain('level-unconfirmed');
  });

  // Deduced, not computed: reading (b) tests the tools too, which are not given (any value of them fails).
  test('a 2566 total below 85 is ไม่ผ่าน under every reading: settled from the total alone', () => {
    const json = run('หน่วยงานทดสอบ', 2566, [
      ['ปีงบประมาณ', 'คะแนนรวม', 'ระดับ'],
      [2566, 80.5, ''],
    ]);
    expect(json.scores[2566]).toMatchObject({ level: 'ไม่ผ่าน', level_source: 'deduced' });
  });

  test('a 2566 total the readings read apart, with no level given: no level, and the levels they allow', () => {
    const json = run('หน่วยงานทดสอบ', 2566, [
      ['ปีงบประมาณ', 'IIT', 'EIT', 'OIT', 'ระดับ'],
      [2566, 96, 97, 98, ''], // 97.10: (a) ผ่าน, (b) and (c) ผ่านดีเยี่ยม
    ]);
    expect(json.scores[2566]).toMatchObject({ total: 97.1, level: null, level_source: null });
    const unknown = json.findings.find((f) => f.code === 'level-unknown');
    expect(unknown?.message_en).toContain('"Pass" or "Pass with excellence"');
  });

  test('a 2566 published level the unconfirmed rule contradicts is an info finding, and the level stands', () => {
    const json = run('หน่วยงานทดสอบ', 2566, [
      ['ปีงบประมาณ', 'IIT', 'EIT', 'OIT', 'ระดับ'],
      [2566, 96, 97, 98, 'ผ่านดี'], // the rule of 2567 would say ผ่านดีเยี่ยม
    ]);
    expect(json.scores[2566]).toMatchObject({ total: 97.1, level: 'ผ่านดี', level_source: 'given' });
    expect(problems(json)).toEqual([]);
    expect(json.findings.find((f) => f.code === 'level-unconfirmed')?.where).toBe('คะแนนรวม!E2');
  });
});

describe('State Audit Office (สตง.), https://mgronline.com/uptodate/detail/9680000079675', () => {
  // Published: 2567 92.43 ผ่านดี; 2568 94.64 ผ่าน, because EIT was below 85.
  test('both published levels are ones their totals allow: no warning', () => {
    const json = run('สำนักงานการตรวจเงินแผ่นดิน', 2568, [
      ['ปีงบประมาณ', 'คะแนนรวม', 'ระดับ'],
      [2567, 92.43, 'ผ่านดี'],
      [2568, 94.64, 'ผ่าน'],
    ]);
    expect(json.scores[2567]).toMatchObject({ level: 'ผ่านดี', level_source: 'given' });
    expect(json.scores[2568]).toMatchObject({ level: 'ผ่าน', level_source: 'given' });
    expect(problems(json)).toEqual([]);
  });

  test('a 2568 "ผ่านดีเยี่ยม" for 94.64 is impossible (total below 95): a level-mismatch naming the cell', () => {
    const json = run('สำนักงานการตรวจเงินแผ่นดิน', 2568, [
      ['ปีงบประมาณ', 'คะแนนรวม', 'ระดับ'],
      [2568, 94.64, 'ผ่านดีเยี่ยม'],
    ]);
    expect(problems(json)).toEqual([['level-mismatch', 'คะแนนรวม!C2']]);
  });
});

describe('Ministry of Industry agencies 2568 (the sample report, table 1: /work/shared/samples/oie-2568-report.txt)', () => {
  test.each([
    ['สำนักงานปลัดกระทรวงอุตสาหกรรม', 98.47, 'ผ่านดี'],
    ['กรมโรงงานอุตสาหกรรม', 97.47, 'ผ่าน'],
    ['สำนักงานคณะกรรมการอ้อยและน้ำตาลทราย', 92.99, 'ผ่านดี'],
  ])('%s %d %s: a level the total allows, kept', (agency, total, level) => {
    const json = run(agency, 2568, [
      ['ปีงบประมาณ', 'คะแนนรวม', 'ระดับ'],
      [2568, total, level],
    ]);
    expect(json.scores[2568]).toMatchObject({ level, level_source: 'given' });
    expect(problems(json)).toEqual([]);
  });

  test('OIE (สศอ.) 2568 with its parts: IIT 99.14, EIT1 90.52, EIT2 84.95, OIT 100 → ผ่าน, computed', () => {
    const json = run('สำนักงานเศรษฐกิจอุตสาหกรรม', 2568, [
      ['ปีงบประมาณ', 'IIT', 'EIT ส่วนที่ 1', 'EIT ส่วนที่ 2', 'OIT', 'คะแนนรวม', 'ระดับ'],
      [2568, 99.14, 90.52, 84.95, 100, 96.06, 'ผ่าน'],
    ]);
    expect(json.scores[2568]).toMatchObject({ total: 96.06, level: 'ผ่าน', level_source: 'computed' });
  });

  test('OIE 2568 with only the combined EIT (87.74): a part may be below 85, so no level is deduced', () => {
    const json = run('สำนักงานเศรษฐกิจอุตสาหกรรม', 2568, [
      ['ปีงบประมาณ', 'IIT', 'EIT', 'OIT', 'คะแนนรวม'],
      [2568, 99.14, 87.74, 100, 96.06],
    ]);
    expect(json.scores[2568].level).toBeNull();
    expect(json.findings.find((f) => f.code === 'level-unknown')?.message_en).toContain(
      'EIT part 1 and EIT part 2',
    );
  });
});

test('a ministry 2561: 86.50 "สูงมาก" (moe-data.wordpressthai.org, ITA พ.ศ. 2561) is kept as published', () => {
  const json = run('กระทรวงศึกษาธิการ', 2561, [
    ['ปีงบประมาณ', 'คะแนนรวม', 'ระดับ'],
    [2561, 86.5, 'สูงมาก'],
  ]);
  expect(json.scores[2561]).toMatchObject({ total: 86.5, level: 'สูงมาก', level_source: 'given' });
  expect(json.framework).toBe('ITA2561');
  expect(problems(json)).toEqual([]);
});

test('a tool-score cell with "n/a" reads as blank, not as a bad number', () => {
  const json = run('หน่วยงานทดสอบ', 2565, [
    ['ปีงบประมาณ', 'IIT', 'EIT', 'OIT', 'คะแนนรวม'],
    [2565, 'n/a', 'N/A', '—', 90.22],
  ]);
  expect(problems(json)).toEqual([]);
  expect(json.scores[2565]).toMatchObject({ total: 90.22, level: 'A' });
});

describe('bounds from a total and the other tools, and from indicators', () => {
  test('OIT missing in 2568: the total fixes it at (97.50 − 0.30·98 − 0.15·96 − 0.15·96) / 0.40 = 98.25', () => {
    const json = run('หน่วยงานทดสอบ', 2568, [
      ['ปีงบประมาณ', 'IIT', 'EIT ส่วนที่ 1', 'EIT ส่วนที่ 2', 'คะแนนรวม'],
      [2568, 98, 96, 96, 97.5],
    ]);
    expect(json.scores[2568]).toMatchObject({ level: 'ผ่านดีเยี่ยม', level_source: 'deduced' });
    expect(json.scores[2568].tools.OIT).toBeNull(); // deduced bounds decide the level; no figure is invented
  });

  test('the total missing in 2565: indicators 9 (100) and 10 (blank) bound OIT to 50–100, too wide for a letter', () => {
    const json = analysisJson(
      analyze([
        settingsTab({ หน่วยงาน: 'หน่วยงานทดสอบ', ปีงบประมาณที่ประเมิน: 2565 }),
        {
          name: 'คะแนนรวม',
          values: [
            ['ปีงบประมาณ', 'IIT', 'EIT'],
            [2565, 99, 99],
          ],
        },
        {
          name: 'ตัวชี้วัด',
          values: [
            ['ตัวชี้วัดที่', '2565'],
            [9, 100],
            [10, '–'],
          ],
        },
      ]),
    );
    // total = 0.3·99 + 0.3·99 + 0.4·OIT with OIT in [50, 100]: 79.40 to 99.40, so B, A or AA.
    expect(json.scores[2565]).toMatchObject({ total: null, level: null });
    const unknown = json.findings.find((f) => f.code === 'level-unknown');
    expect(unknown?.message).toContain('"AA" หรือ "A" หรือ "B"');
    expect(unknown?.message_en).toContain('the total would settle it');
  });

  test('with indicator 10 given (96), OIT = 98 and the total = 0.3·99 + 0.3·99 + 0.4·98 = 98.60: AA, computed', () => {
    const json = analysisJson(
      analyze([
        settingsTab({ หน่วยงาน: 'หน่วยงานทดสอบ', ปีงบประมาณที่ประเมิน: 2565 }),
        {
          name: 'คะแนนรวม',
          values: [
            ['ปีงบประมาณ', 'IIT', 'EIT'],
            [2565, 99, 99],
          ],
        },
        {
          name: 'ตัวชี้วัด',
          values: [
            ['ตัวชี้วัดที่', '2565'],
            [9, 100],
            [10, 96],
          ],
        },
      ]),
    );
    expect(json.scores[2565]).toMatchObject({ total: 98.6, level: 'AA', level_source: 'computed' });
  });
});
