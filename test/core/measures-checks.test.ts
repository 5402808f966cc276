import { analyze } from '../../src/core/analysis/analyze';
import { followUp, followUpByDivision } from '../../src/core/measures/follow-up';
import {
  MEASURE_COLUMNS,
  measureChecksOf,
  progressSummary,
  readMeasureRows,
} from '../../src/core/measures/tab';
import { sampleSheets } from '../helpers/workbook';

/** A measures tab row: code, indicator, title, owners, status, progress, notes (the other cells filled). */
function row(
  id: string,
  indicator: unknown,
  title: string,
  owners: string,
  status: string,
  progress: unknown,
  notes = '',
): unknown[] {
  const cells: unknown[] = MEASURE_COLUMNS.map(() => '');
  const put = (name: (typeof MEASURE_COLUMNS)[number], value: unknown) => {
    cells[MEASURE_COLUMNS.indexOf(name)] = value;
  };
  put('รหัส', id);
  put('ตัวชี้วัดที่', indicator);
  put('มาตรการ/โครงการ/กิจกรรม', title);
  put('ช่วงระยะเวลา', '1 ตุลาคม 2568 ถึง 30 กันยายน 2569');
  put('ผู้รับผิดชอบ', owners);
  put('สถานะ', status);
  put('ความคืบหน้า (%)', progress);
  put('หมายเหตุ', notes);
  return cells;
}

const TAB = [
  [...MEASURE_COLUMNS],
  row('m-1', 1, 'ก', 'สล.', 'กำลังดำเนินการ', 40),
  row('m-1', 2, 'ข', 'สล.', 'เสร็จสิ้น', 150), // row 3: the code again, progress 150
  row('m-3', 'ไม่ใช่ตัวเลข', 'ค', 'สล., กพร., สล.', 'รออนุมัติ', 'abc'), // row 4
  row('m-4', 11, 'ง', 'กพร.', 'ยกเลิก', 20), // row 5: cancelled without a reason; no indicator 11
  row('m-5', 3, 'จ', 'กพร.', 'ยกเลิก', 10, 'งบประมาณถูกตัด'), // row 6: cancelled, with its reason
  row('m-6', 4, 'ฉ', 'กพร.', 'กำลังดำเนินการ', 60),
];

function analysed() {
  return analyze([...sampleSheets(), { name: 'มาตรการ', values: TAB.map((r) => [...r]) }]);
}

describe('the measures tab checked like the scores', () => {
  test('each wrong cell is one warning naming it, in Thai and English', () => {
    const found = analysed()
      .findings.filter((f) => f.where?.startsWith('มาตรการ!'))
      .map((f) => [f.where, f.code, f.severity]);
    expect(found).toEqual([
      ['มาตรการ!A3', 'duplicate-measure-id', 'warning'],
      ['มาตรการ!I3', 'bad-progress', 'warning'],
      ['มาตรการ!B4', 'unknown-indicator', 'warning'],
      ['มาตรการ!H4', 'bad-status', 'warning'],
      ['มาตรการ!G4', 'duplicate-owner', 'warning'],
      ['มาตรการ!I4', 'bad-progress', 'warning'],
      ['มาตรการ!B5', 'unknown-indicator', 'warning'],
      ['มาตรการ!K5', 'cancelled-without-reason', 'warning'],
    ]);
    const messages = analysed().findings.filter((f) => f.where === 'มาตรการ!I3');
    expect(messages.map((f) => [f.message, f.message_en])).toEqual([
      [
        'มาตรการ!I3: ความคืบหน้า "150" ไม่ใช่ตัวเลข 0–100 จึงไม่นำมาใช้',
        'มาตรการ!I3: progress "150" is not a number from 0 to 100; it is not used',
      ],
    ]);
  });

  test('the values flagged are not used: no code twice, no progress 150 or "abc", no status outside the list', () => {
    const rows = readMeasureRows(TAB, [], measureChecksOf(analysed()));
    expect(rows.map((r) => [r.id, r.indicator, r.responsible, r.status, r.progress])).toEqual([
      ['m-1', 1, 'สล.', 'กำลังดำเนินการ', 40],
      ['', 2, 'สล.', 'เสร็จสิ้น', null],
      ['m-3', null, 'สล., กพร.', '', null],
      ['m-4', null, 'กพร.', '', 20],
      ['m-5', 3, 'กพร.', 'ยกเลิก', 10],
      ['m-6', 4, 'กพร.', 'กำลังดำเนินการ', 60],
    ]);
  });

  test('no average uses them, nor a cancelled measure', () => {
    const rows = readMeasureRows(TAB, [], measureChecksOf(analysed()));
    const summary = progressSummary(rows, ['สล.', 'กพร.']);
    // สล.: 40 alone (150 and "abc" left out). กพร.: 20 and 60 (m-5 is cancelled; m-3's "abc" left out).
    expect(summary.byDivision).toEqual([
      { division: 'สล.', total: 3, done: 1, inProgress: 1, notStarted: 1, cancelled: 0, meanProgress: 40 },
      { division: 'กพร.', total: 4, done: 0, inProgress: 1, notStarted: 2, cancelled: 1, meanProgress: 40 },
    ]);
    expect(summary.byStatus).toEqual({ ยังไม่เริ่ม: 2, กำลังดำเนินการ: 2, เสร็จสิ้น: 1, ยกเลิก: 1 });
  });

  test('a cancelled measure with its reason is neither late nor pending; one without a reason is followed up', () => {
    const rows = readMeasureRows(TAB, [], measureChecksOf(analysed()));
    // 1 October 2569: every period has ended.
    const items = followUp(rows, new Date(2026, 9, 1), 2569);
    expect(items.map((x) => [x.measure.title, x.state])).toEqual([
      ['ก', 'late'],
      ['ข', 'done'],
      ['ค', 'late'],
      ['ง', 'late'],
      ['จ', 'cancelled'],
      ['ฉ', 'late'],
    ]);
    const [, psd] = followUpByDivision(
      items,
      analysed().workbook.divisions.filter((d) => d.code !== 'สส.'),
    );
    expect([psd.code, psd.total, psd.late, psd.notStarted, psd.cancelled]).toEqual(['กพร.', 4, 3, 0, 1]);
    expect(psd.lateMeasures.map((m) => m.title)).toEqual(['ค', 'ง', 'ฉ']);
  });

  test('a tab without findings to report is read the same (the values cleaned, nothing said)', () => {
    expect(readMeasureRows(TAB).map((r) => r.progress)).toEqual([40, null, null, 20, 10, 60]);
  });
});
