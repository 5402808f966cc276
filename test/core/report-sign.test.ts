import { analyze } from '../../src/core/analysis/analyze';
import { frameworkForYear } from '../../src/core/frameworks';
import { generateMeasures } from '../../src/core/measures/generate';
import { type Block, buildReport } from '../../src/core/report/model';
import { sameRecommendation } from '../../src/core/report/sections/recommendations';
import { formatFixed, formatScore } from '../../src/core/thai';
import type { SheetData } from '../../src/core/workbook/reader';
import { templateTabs } from '../../src/core/workbook/template';
import { measuresTab, reportText } from '../helpers/report';
import { editedSample, sampleSheets, settingsTab } from '../helpers/workbook';

const TODAY = new Date(2026, 10, 26);

function reportOf(sheets: SheetData[]) {
  const analysis = analyze(sheets);
  const generated = generateMeasures(analysis);
  const measures = measuresTab(analysis);
  return { analysis, generated, model: buildReport({ analysis, measures, today: TODAY }) };
}

describe('the proposal and approval', () => {
  test('the report ends with the preparer’s, the proposer’s and the approver’s lines, from the settings, dated', () => {
    const { model } = reportOf(sampleSheets());
    expect(model.blocks.at(-1)).toEqual({
      kind: 'signatures',
      columns: [
        [
          'จัดทำ',
          'ลงชื่อ ...................... ผู้จัดทำ',
          '(นายสมศักดิ์ ตัวอย่าง)',
          'ตำแหน่ง นักวิเคราะห์นโยบายและแผนชำนาญการ',
          'วันที่ ๑๕ ตุลาคม ๒๕๖๘',
        ],
        [
          'เสนอ',
          'ลงชื่อ ...................... ผู้เสนอ',
          '(นางสาวสมใจ ตัวอย่าง)',
          'ตำแหน่ง ผู้อำนวยการกลุ่มพัฒนาระบบบริหาร',
          'วันที่ ๑๕ ตุลาคม ๒๕๖๘',
        ],
        [
          'อนุมัติ',
          'ลงชื่อ ...................... ผู้อนุมัติ',
          '(นายสมชาย ตัวอย่าง)',
          'ตำแหน่ง ผู้อำนวยการสำนักงานเศรษฐกิจอุตสาหกรรม',
          'วันที่ ๑๕ ตุลาคม ๒๕๖๘',
        ],
      ],
    });
  });

  test('what the settings do not give stays a dotted line to sign on: no name is invented', () => {
    const { model } = reportOf([
      settingsTab({ agency: 'หน่วยงานทดสอบ', year: 2568 }),
      ...sampleSheets().slice(1),
    ]);
    const lines = model.blocks.filter((b) => b.kind === 'signatures').flatMap((b) => b.columns);
    expect(lines.map((c) => c[0])).toEqual(['จัดทำ', 'เสนอ', 'อนุมัติ']);
    for (const column of lines) {
      expect(column.slice(2)).toEqual([
        '(........................................)',
        'ตำแหน่ง ........................................',
        'วันที่ ........../..................../..........',
      ]);
    }
  });

  test.each([
    ['๑๕ ตุลาคม ๒๕๖๘', { day: 15, month: 10, yearBE: 2568 }],
    ['15/10/2568', { day: 15, month: 10, yearBE: 2568 }],
    ['15/10/2025', { day: 15, month: 10, yearBE: 2568 }],
    ['2025-10-15', { day: 15, month: 10, yearBE: 2568 }],
    [new Date(2025, 9, 15), { day: 15, month: 10, yearBE: 2568 }],
  ])('the report date %p reads as 15 October 2568', (value, date) => {
    const analysis = analyze([settingsTab({ agency: 'ก', year: 2568, วันที่รายงาน: value })]);
    expect(analysis.workbook.settings?.reportDate).toEqual(date);
  });

  test('a report date that cannot be read is a warning naming the cell, and the date is left to write in', () => {
    const analysis = analyze([settingsTab({ agency: 'ก', year: 2568, วันที่รายงาน: 'เร็ว ๆ นี้' })]);
    expect(analysis.workbook.settings?.reportDate).toBeNull();
    expect(analysis.findings).toContainEqual(
      expect.objectContaining({ severity: 'warning', code: 'bad-setting', where: 'ตั้งค่า!B4' }),
    );
  });
});

describe('a workbook with only totals', () => {
  const { model, generated } = reportOf([
    settingsTab({ agency: 'หน่วยงานทดสอบ', year: 2568 }),
    {
      name: 'คะแนนรวม',
      values: [
        ['ปีงบประมาณ', 'IIT', 'EIT ส่วนที่ 1', 'EIT ส่วนที่ 2', 'OIT'],
        [2568, 90, 88, 86, 95],
      ],
    },
  ]);
  const text = reportText(model.blocks);

  test('builds a draft: in its title, its name, and a line saying which tabs would complete it', () => {
    expect(model.draft).toBe(true);
    expect(model.blocks[0]).toEqual({ kind: 'title', text: '(ร่าง) การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร' });
    expect(model.name.startsWith('(ร่าง) ')).toBe(true);
    expect(text).toContain('กรอกคะแนนในแท็บ ตัวชี้วัด และแท็บ รายข้อ แล้วสร้างรายงานใหม่');
  });

  test('says only what was measured: no verdict and no score where there is none', () => {
    expect(text).not.toContain('ไม่พบข้อบกพร่อง');
    expect(text).not.toContain('ได้ – คะแนน');
    expect(generated.map((m) => m.analysis).join('\n')).not.toMatch(/ไม่พบข้อบกพร่อง|ได้ – คะแนน/);
    expect(text).toContain('ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ (IIT): ไม่มีคะแนน จึงยังวิเคราะห์ไม่ได้ จะกำหนดมาตรการเมื่อทราบคะแนน');
  });

  test('the sample, with its scores, is no draft', () => {
    expect(reportOf(sampleSheets()).model.draft).toBe(false);
  });
});

describe('where the points are', () => {
  // Every 2568 item at 100 but four at 0: i1 (IIT), e2 part 2 (EIT), o5 (indicator 9), o22 (indicator 10).
  const f = frameworkForYear(2568).framework;
  const zero = new Set(['i1', 'e2.2', 'o5', 'o22']);
  const items: unknown[][] = [['ข้อ', 'ส่วนที่', '2568']];
  for (const ind of f.indicators)
    for (const part of ind.tool === 'EIT' ? [1, 2] : [null])
      for (const id of ind.items)
        items.push([id, part ?? '', zero.has(part ? `${id}.${part}` : id) ? 0 : 100]);
  const { model } = reportOf([
    settingsTab({ agency: 'หน่วยงานทดสอบ', year: 2568 }),
    { name: 'รายข้อ', values: items },
  ]);
  const text = reportText(model.blocks);

  // Recomputed here from the framework's weights: a tool is the mean of its indicators, an indicator of its
  // items; an EIT part is the mean of its nine items.
  const w = (key: 'IIT' | 'EIT2' | 'OIT') => Number(f.weights[key]);
  const expected = [
    { label: 'ข้อ o22', gain: (w('OIT') / 2 / 8) * 100 }, // 2.50
    { label: 'ข้อ i1', gain: (w('IIT') / 5 / 3) * 100 }, // 2.00
    { label: 'ข้อ e2 (EIT ส่วนที่ ๒)', gain: (w('EIT2') / 9) * 100 }, // 1.67
    { label: 'ข้อ o5', gain: (w('OIT') / 2 / 20) * 100 }, // 1.00
  ];

  test('the summary names the three largest gains, largest first, by the framework’s weights', () => {
    const summary = model.blocks.find(
      (b) => b.kind === 'paragraph' && b.text.startsWith('ข้อคำถามที่ยกระดับแล้วได้คะแนนรวมเพิ่มมากที่สุด'),
    ) as { text: string };
    const at = expected.slice(0, 3).map((e) => {
      const phrase = `${e.label} ได้ ๐.๐๐ คะแนน หากยกระดับเป็น ๑๐๐ คะแนนรวมจะเพิ่ม ${formatFixed(Math.round(e.gain * 100) / 100)} คะแนน`;
      expect(summary.text).toContain(phrase);
      return summary.text.indexOf(phrase);
    });
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(summary.text).not.toContain('ข้อ o5');
  });

  test('the gains table ranks every weak item, and items at 0 are deficiencies named as such', () => {
    const table = model.blocks.find(
      (b) => b.kind === 'table' && (b.caption ?? '').includes('คะแนนรวมที่จะเพิ่มขึ้น'),
    ) as Extract<Block, { kind: 'table' }>;
    expect(table.rows.map((r) => [r.cells[0], r.cells[2]])).toEqual([
      ['o22', '+๒.๕๐'],
      ['i1', '+๒.๐๐'],
      ['e2 (ส่วนที่ ๒)', '+๑.๖๗'],
      ['o5', '+๑.๐๐'],
    ]);
    expect(text).toContain('ข้อบกพร่อง (คะแนนเป็นศูนย์)');
    // An item's zero is said once on its line (its score), never again as the reason.
    const itemLines = text.split('\n').filter((l) => /^(?:\([๐-๙]+\)|-) ข้อ [ieo]/.test(l));
    expect(itemLines.filter((l) => l.includes('ได้ ๐')).length).toBeGreaterThan(2);
    for (const line of itemLines)
      expect(line.split(/ได้ ๐(?:\.๐๐)? |ได้ ๐ คะแนน/).length).toBeLessThanOrEqual(2);
    expect(text).not.toMatch(/ต่ำกว่าค่าเฉลี่ย[^\n]*\n?[^\n]*ได้ ๐/);
  });
});

describe('writing a person would sign', () => {
  const { model, generated } = reportOf(sampleSheets());
  const text = reportText(model.blocks);

  test('each assessor recommendation is printed once, however many parts gave it', () => {
    const recs =
      sampleSheets()
        .find((s) => s.name === 'ข้อเสนอแนะ')
        ?.values.slice(1) ?? [];
    const texts = [...new Set(recs.map((r) => String(r[r.length - 1])))];
    expect(texts.length).toBeGreaterThan(5);
    const printed = texts.map(
      (rec) => text.split(rec.replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)])).length - 1,
    );
    expect(Math.max(...printed)).toBe(1);
    // The two parts' near-identical copies of e4–e5 and of e7 are printed once, with both sources.
    expect(printed.filter((x) => x === 0)).toHaveLength(2);
    expect(text.split('(ให้ไว้ใน EIT ส่วนที่ ๑ และ EIT ส่วนที่ ๒)').length - 1).toBe(2);
  });

  test('recommendations the same once spaces and punctuation go, or one holding the other, are one', () => {
    const a = { items: ['e4'], text: 'ประเด็น ก ควรเผยแพร่ข้อมูล, ผ่านช่องทางต่าง ๆ' };
    expect(sameRecommendation(a, { items: ['e4'], text: 'ประเด็น ก ควรเผยแพร่ข้อมูล ผ่านช่องทางต่างๆ' })).toBe(true);
    expect(sameRecommendation(a, { items: ['e9'], text: 'ประเด็น ก ควรเผยแพร่ข้อมูล ผ่านช่องทางต่าง ๆ ด้วย' })).toBe(
      true,
    );
    expect(sameRecommendation(a, { items: ['e4'], text: 'ประเด็น ข ควรเผยแพร่ข้อมูล ผ่านช่องทางต่าง ๆ' })).toBe(
      true,
    );
    expect(sameRecommendation(a, { items: ['e5'], text: 'ประเด็น ข ควรเผยแพร่ข้อมูล ผ่านช่องทางต่าง ๆ' })).toBe(
      false,
    );
    expect(sameRecommendation(a, { items: ['e4'], text: 'ประเด็น ก ควรจัดอบรม' })).toBe(false);
  });

  test('the number of weak items announced is the number listed', () => {
    const at = model.blocks.findIndex(
      (b) => b.kind === 'paragraph' && b.text.includes('สามารถยกระดับคะแนนได้'),
    );
    const announced = (model.blocks[at] as { text: string }).text.match(/มี (\S+) ข้อ ได้แก่/)?.[1];
    const next = model.blocks.findIndex((b, i) => i > at && b.kind === 'heading');
    const listed = model.blocks
      .slice(at + 1, next)
      .filter((b) => b.kind === 'paragraph' && /^\([๐-๙]+\) ข้อ /.test(b.text));
    expect(listed).toHaveLength(11);
    expect(announced).toBe(formatScore(listed.length));
  });

  test('maintain-level measures name each indicator’s own practice, not a shared sentence', () => {
    const maintain = generated.filter((m) => m.kind === 'maintain');
    expect(maintain.length).toBeGreaterThan(2);
    expect(new Set(maintain.map((m) => m.title)).size).toBe(maintain.length);
    expect(new Set(maintain.map((m) => m.steps.replace(/^[\d.]+ /gm, ''))).size).toBe(maintain.length);
  });

  test('no step claims to follow a recommendation that was not given', () => {
    const noRecs = reportOf(editedSample('ข้อเสนอแนะ', (rows) => rows.splice(1)));
    for (const m of noRecs.generated) expect(m.steps).not.toContain('ตามข้อเสนอแนะของผู้ตรวจประเมิน');
  });
});

test('the settings template offers the sign-off rows, empty, for the agency to fill', () => {
  const settings = templateTabs(new Date(2025, 10, 1)).find((t) => t.name === 'ตั้งค่า');
  const rows = new Map(settings?.values.map((r) => [r[0], r[1]]));
  for (const key of ['ผู้เสนอ', 'ตำแหน่งผู้เสนอ', 'ผู้อนุมัติ', 'ตำแหน่งผู้อนุมัติ', 'วันที่รายงาน'])
    expect([key, rows.get(key)]).toEqual([key, '']);
});
