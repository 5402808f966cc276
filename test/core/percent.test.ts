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

  test('a fraction under a percent format reads as the percentage; the same under a plain format stays', () => {
    const values = [[0.9606, 0.9606, 'x']];
    expect(readPercentAsShown(values, [['0.00%', '0.00', '0%']])).toEqual([[96.06, 0.9606, 'x']]);
  });
});
