import type { Finding } from '../src/core/findings';
import { cellRanges, digits, groupFindings, messageOf, short } from '../src/ui/format';

const bad = (where: string, code = 'not-a-number', severity: Finding['severity'] = 'error'): Finding => ({
  severity,
  code,
  where,
  message: `${where}: "x" ไม่ใช่ตัวเลข`,
  message_en: `${where}: "x" is not a number`,
});

describe('findings as the sidebar groups them', () => {
  test('61 bad cells of one column are one group, read as one range', () => {
    const cells = Array.from({ length: 61 }, (_, i) => bad(`รายข้อ!D${i + 2}`));
    const groups = groupFindings([bad('คะแนนรวม!B3', 'out-of-range'), ...cells]);
    expect(groups.map((g) => [g.code, g.tab, g.findings.length])).toEqual([
      ['out-of-range', 'คะแนนรวม', 1],
      ['not-a-number', 'รายข้อ', 61],
    ]);
    expect(cellRanges(groups[1].findings.map((f) => f.where as string))).toBe('รายข้อ!D2:D62');
  });

  test('errors come before warnings, and one code in two tabs makes two groups', () => {
    const groups = groupFindings([
      bad('ตัวชี้วัด!C2', 'score-mismatch', 'warning'),
      bad('รายข้อ!D2'),
      bad('คะแนนรวม!B2'),
    ]);
    expect(groups.map((g) => `${g.severity} ${g.tab}`)).toEqual([
      'error รายข้อ',
      'error คะแนนรวม',
      'warning ตัวชี้วัด',
    ]);
  });

  test('cells apart are listed as runs, the rest counted', () => {
    expect(cellRanges(['T!B3', 'T!B4', 'T!C9', 'T!B7', 'T!AA1'])).toBe('T!B3:B4, T!B7, T!C9 +1');
  });

  test('a message loses its leading cell; Thai digits only in Thai and when asked', () => {
    expect(messageOf(bad('รายข้อ!D2'), 'th')).toBe('"x" ไม่ใช่ตัวเลข');
    expect(digits({ lang: 'th', thaiDigits: true }, '96.06')).toBe('๙๖.๐๖');
    expect(digits({ lang: 'th', thaiDigits: false }, '96.06')).toBe('96.06');
    expect(digits({ lang: 'en', thaiDigits: true }, '96.06')).toBe('96.06');
    expect(short('ก'.repeat(50), 10)).toBe(`${'ก'.repeat(9)}…`);
  });
});
