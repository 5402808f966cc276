import type { Finding } from '../src/core/findings';
import { cellRanges, digits, groupFindings, messageOf, proseDigits, short } from '../src/ui/format';

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
    expect(short('ก'.repeat(50), 10)).toMatch(/^ก{1,9}…$/);
  });

  test('one digit style: Arabic digits in Thai prose become Thai, Thai ones Arabic when the settings say so', () => {
    const th = { lang: 'th' as const, thaiDigits: true };
    expect(proseDigits(th, 'คะแนน 0 ถึง 100 ที่ รายข้อ!D9 (ข้อ e5, a@b.go.th)')).toBe(
      'คะแนน ๐ ถึง ๑๐๐ ที่ รายข้อ!D9 (ข้อ e5, a@b.go.th)',
    );
    expect(proseDigits({ lang: 'th', thaiDigits: false }, 'ใช้เวลา ๑–๒ นาที')).toBe('ใช้เวลา 1–2 นาที');
  });
});

describe('names cut for a 300 px line', () => {
  const topic = 'การเปิดโอกาสให้บุคคลภายนอกมีส่วนร่วมในการดำเนินงานตามภารกิจของหน่วยงาน';

  test('at a word boundary, never after a leading vowel (U+0E40–U+0E44) nor before a mark', () => {
    for (let max = 6; max < [...topic].length; max++) {
      const cut = short(topic, max);
      expect(cut.endsWith('…')).toBe(true);
      const kept = cut.slice(0, -1);
      expect([...kept].length).toBeLessThan(max);
      expect(kept).not.toMatch(/[\u0e40-\u0e44]$/);
      // The next character of the name is not a mark (a vowel sign or tone above or below): no half syllable.
      expect(topic.slice(kept.length)).not.toMatch(/^[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/);
      expect(topic.startsWith(kept)).toBe(true);
    }
    // The name at the summary's 38 characters: a cut of graphemes ended "…มีส่วนร่วมใ…".
    expect(short(topic)).toBe('การเปิดโอกาสให้บุคคลภายนอกมีส่วนร่วม…');
  });

  test('a name that fits is left whole; an opening bracket or dash is not left at the end', () => {
    expect(short(topic, 200)).toBe(topic);
    expect(short('การให้บริการผ่านช่องทางออนไลน์ (E-Service) ของหน่วยงาน', 36)).not.toMatch(/[(-]…$/);
  });
});
