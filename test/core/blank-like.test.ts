import { isBlankLike } from '../../src/core/workbook/reader';

describe('isBlankLike: what people type for "no figure"', () => {
  test('dashes of any kind and length, n/a, ไม่มี, ไม่มีข้อมูล, ไม่ได้ประเมิน, ไม่ได้รับการประเมิน, spaced or not', () => {
    const blank = ['-', ' — ', '----', '–', '‐', '−', 'n/a', 'N/A', ' NA ', 'na', 'ไม่มี', 'ไม่มีข้อมูล'];
    blank.push('ไม่ได้ประเมิน', 'ไม่ ได้ รับการประเมิน', 'N / A'.replace(/ /g, ''), '- - -');
    for (const text of blank) expect([text, isBlankLike(text)]).toEqual([text, true]);
  });

  test('names, words, numbers and empty cells are not', () => {
    const other: unknown[] = ['nan', 'None', 'name', 'ไม่ทราบ', 'ไม่มีคะแนน', 'x-', '-5', '96.06', 'ดีมาก'];
    other.push(0, 96.06, -1, Number.NaN, '', null, undefined, true, new Date(Date.UTC(2025, 0, 1)));
    for (const value of other) expect([value, isBlankLike(value)]).toEqual([value, false]);
  });
});
