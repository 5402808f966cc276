import { analyze } from '../../src/core/analysis/analyze';
import { generateMeasures, readUserLibrary } from '../../src/core/measures/generate';
import { BUILT_IN_MEASURES, libraryWith } from '../../src/core/measures/library';
import { type MeasureRow, progressSummary } from '../../src/core/measures/tab';
import { measureRow } from '../helpers/report';
import { sampleSheets } from '../helpers/workbook';

const LIBRARY_TAB = {
  name: 'คลังมาตรการ',
  values: [
    ['รหัสมาตรการ', 'ตัวชี้วัดที่', 'ข้อ', 'มาตรการ', 'ขั้นตอน', 'ผู้รับผิดชอบ'],
    ['manual-steps-time', '๑', 'i1', 'คู่มือฉบับของหน่วยงานเอง', 'ทบทวน\nเผยแพร่', 'สล.'],
    ['', 1, '', 'มาตรการที่ไม่มีรหัส', '', ''],
    ['', '', '', 'แถวที่ไม่มีตัวชี้วัด', '', ''],
  ],
};

describe('the user library (คลังมาตรการ)', () => {
  test('is read row by row: Thai digits, items, steps by line, owners; a row without indicator is left out', () => {
    const entries = readUserLibrary([LIBRARY_TAB]);
    expect(entries).toEqual([
      {
        id: 'manual-steps-time',
        indicator: 1,
        items: ['i1'],
        title: 'คู่มือฉบับของหน่วยงานเอง',
        steps: ['ทบทวน', 'เผยแพร่'],
        owners: ['สล.'],
        kind: 'improve',
      },
      expect.objectContaining({ id: 'user3', indicator: 1, items: [], kind: 'maintain' }),
    ]);
  });

  test('an entry with a built-in id replaces that built-in entry, even where it answers other items', () => {
    // The built-in 'manual-steps-time' answers i1; this one, with its id, answers i2 (both weak in the sample).
    const user = readUserLibrary([
      {
        name: 'คลังมาตรการ',
        values: [LIBRARY_TAB.values[0], ['manual-steps-time', 1, 'i2', 'คู่มือฉบับของหน่วยงานเอง', '', '']],
      },
    ]);
    expect(
      libraryWith(user)
        .filter((m) => m.id === 'manual-steps-time')
        .map((m) => m.title),
    ).toEqual(['คู่มือฉบับของหน่วยงานเอง']);
    const measures = generateMeasures(analyze(sampleSheets()), user);
    const builtInTitle = BUILT_IN_MEASURES.find((m) => m.id === 'manual-steps-time')?.title;
    expect(measures.map((m) => m.title)).toContain('คู่มือฉบับของหน่วยงานเอง');
    expect(measures.map((m) => m.title)).not.toContain(builtInTitle);
    expect(new Set(measures.map((m) => m.id)).size).toBe(measures.length);
  });
});

function row(responsible: string, status: string, progress: number | null, retired = false): MeasureRow {
  return measureRow({ id: `x-${responsible}-${status}`, title: 't', responsible, status, progress, retired });
}

describe('progressSummary', () => {
  test('counts live rows by status and by division, a shared row for each of its divisions', () => {
    const summary = progressSummary(
      [
        row('สล.', 'เสร็จสิ้น', 100),
        row('สล., กพร.', 'กำลังดำเนินการ', 40),
        row('กพร.', '', null),
        row('ทุกหน่วยงานภายใน', 'กำลังดำเนินการ', 60),
        row('สล.', 'เสร็จสิ้น', 100, true),
      ],
      ['สล.', 'กพร.'],
    );
    expect(summary.total).toBe(4);
    expect(summary.byStatus).toEqual({ ยังไม่เริ่ม: 1, กำลังดำเนินการ: 2, เสร็จสิ้น: 1, ยกเลิก: 0 });
    expect(summary.byDivision).toEqual([
      { division: 'สล.', total: 3, done: 1, inProgress: 2, notStarted: 0, cancelled: 0, meanProgress: 67 },
      { division: 'กพร.', total: 3, done: 0, inProgress: 2, notStarted: 1, cancelled: 0, meanProgress: 50 },
    ]);
  });
});
