import {
  changeWord,
  fiscalYearPeriod,
  formatDelta,
  formatScore,
  parseYear,
  readNumber,
  thaiDigitsInText,
  thaiList,
  toArabicDigits,
  toThaiDigits,
} from '../../src/core/thai';

describe('Thai digits', () => {
  test('convert both ways', () => {
    expect(toThaiDigits('96.06')).toBe('๙๖.๐๖');
    expect(toArabicDigits('๙๖.๐๖')).toBe('96.06');
  });

  test('prose gets Thai digits but item ids, URLs and e-mail addresses stay as they are', () => {
    expect(thaiDigitsInText('ข้อ i1 และ e9 ได้ 96.77 คะแนน ส่วน o25 ปี 2569')).toBe(
      'ข้อ i1 และ e9 ได้ ๙๖.๗๗ คะแนน ส่วน o25 ปี ๒๕๖๙',
    );
    expect(thaiDigitsInText('ดู https://www.oie.go.th/ita2568 หรือ ita2568@oie.go.th ภายใน 30 วัน')).toBe(
      'ดู https://www.oie.go.th/ita2568 หรือ ita2568@oie.go.th ภายใน ๓๐ วัน',
    );
    expect(thaiDigitsInText('e1.2 ส่วนที่ 2')).toBe('e1.2 ส่วนที่ ๒');
  });

  test('scores, deltas and change words print as the reports do', () => {
    expect(formatScore(100)).toBe('๑๐๐');
    expect(formatScore(86.2)).toBe('๘๖.๒๐');
    expect(formatScore(86.2, false)).toBe('86.20');
    expect(formatDelta(2.13)).toBe('+๒.๑๓');
    expect(formatDelta(-0.61)).toBe('-๐.๖๑');
    expect(formatDelta(0, false)).toBe('0.00');
    expect([changeWord(1), changeWord(-1), changeWord(0)]).toEqual(['เพิ่มขึ้น', 'ลดลง', 'เท่าเดิม']);
  });
});

describe('years', () => {
  test.each([
    [2568, 2568],
    ['2568', 2568],
    ['๒๕๖๘', 2568],
    ['พ.ศ. 2568', 2568],
    ['ปี ๒๕๖๘', 2568],
    ['ปีงบประมาณ พ.ศ. ๒๕๖๘', 2568],
    ['FY 2568', 2568],
  ])('%p is fiscal year %p', (text, year) => {
    expect(parseYear(text)).toEqual({ year, fromCommonEra: false });
  });

  test('a Common-Era year is converted and said so', () => {
    expect(parseYear(2025)).toEqual({ year: 2568, fromCommonEra: true });
    expect(parseYear('ค.ศ. 2024')).toEqual({ year: 2567, fromCommonEra: true });
  });

  test.each([['68'], ['ปีหน้า'], [''], [new Date(2025, 0, 1)], [3000]])('%p is not a year', (text) => {
    expect(parseYear(text)).toBeNull();
  });

  test('the fiscal year after the assessed one is the measures period', () => {
    expect(fiscalYearPeriod(2569)).toBe('๑ ตุลาคม ๒๕๖๘ ถึง ๓๐ กันยายน ๒๕๖๙');
    expect(fiscalYearPeriod(2570, false)).toBe('1 ตุลาคม 2569 ถึง 30 กันยายน 2570');
  });
});

describe('score cells', () => {
  test.each([
    [96.06, '96.06'],
    ['๙๖.๐๖', '96.06'],
    ['96.06%', '96.06'],
    ['96.06 %', '96.06'],
    [' ๑๐๐ ', '100'],
    ['85', '85'],
  ])('%p reads as %p', (cell, value) => {
    expect(readNumber(cell)).toEqual({ kind: 'number', value });
  });

  test.each([[''], ['-'], ['–'], [null]])('%p is no value', (cell) => {
    expect(readNumber(cell)).toEqual({ kind: 'blank' });
  });

  test.each([['ดีมาก'], ['96,06'], ['9 9'], ['96. 06'], [true], [new Date()]])(
    '%p is not a number',
    (cell) => {
      expect(readNumber(cell)).toEqual({ kind: 'invalid' });
    },
  );
});

test('Thai lists put และ before the last item, with no commas', () => {
  expect(thaiList([])).toBe('');
  expect(thaiList(['IIT'])).toBe('IIT');
  expect(thaiList(['EIT ส่วนที่ 1', 'EIT ส่วนที่ 2', 'OIT'])).toBe('EIT ส่วนที่ 1 EIT ส่วนที่ 2 และ OIT');
  expect(thaiList(['ตัวชี้วัดที่ 9', 'ตัวชี้วัดที่ 10'])).toBe('ตัวชี้วัดที่ 9 และตัวชี้วัดที่ 10');
});
