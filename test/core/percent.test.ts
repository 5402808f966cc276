import { mayHoldPercentages, readPercentAsShown } from '../../src/core/workbook/percent';

describe('scores shown as percentages', () => {
  test('a tab is worth reading formats for only when a number could be a percentage of a score', () => {
    expect(
      mayHoldPercentages([
        ['ปี', 'คะแนน'],
        [2568, 96.06],
      ]),
    ).toBe(false);
    expect(
      mayHoldPercentages([
        ['ปี', 'คะแนน'],
        [2568, 0],
      ]),
    ).toBe(false);
    expect(
      mayHoldPercentages([
        ['ปี', 'คะแนน'],
        [2568, 0.9606],
      ]),
    ).toBe(true);
    expect(
      mayHoldPercentages([
        ['ปี', 'คะแนน'],
        [2568, 1],
      ]),
    ).toBe(true); // 100%
  });

  test('a number under a header that names an ordinal or a year (part, indicator, item) is no score', () => {
    // The sample's รายข้อ tab: the part column holds 1 and 2, never a percentage.
    expect(
      mayHoldPercentages([
        ['ข้อ', 'ส่วนที่', 'ประเด็น', '2568'],
        ['e1', 1, 'การปฏิบัติงาน', 96.5],
      ]),
    ).toBe(false);
    expect(
      mayHoldPercentages([
        ['ตัวชี้วัดที่', 'ชื่อตัวชี้วัด', 'ปีงบประมาณ พ.ศ. ๒๕๖๘'],
        [1, 'การปฏิบัติหน้าที่', 0.9606],
      ]),
    ).toBe(true);
    // Under a title row, as the reader finds the header.
    expect(mayHoldPercentages([['ผลรายข้อ ปี ๒๕๖๘'], ['ข้อ', 'Part', '2568'], ['e1', 1, 96.5]])).toBe(false);
    // The same words further down, in the data, do not make a column a label column.
    const rows: unknown[][] = [['ข้อ', 'คะแนน']];
    for (let i = 0; i < 8; i++) rows.push([`i${i + 1}`, 90]);
    rows.push(['หมายเหตุ', 'ส่วนที่'], ['i9', 1]);
    expect(mayHoldPercentages(rows)).toBe(true);
  });

  test('a fraction under a percent format reads as the percentage; the same under a plain format stays', () => {
    const values = [[0.9606, 0.9606, 'x']];
    expect(readPercentAsShown(values, [['0.00%', '0.00', '0%']])).toEqual([[96.06, 0.9606, 'x']]);
  });
});
