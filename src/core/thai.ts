const THAI_ZERO = 0x0e50;

export function toArabicDigits(text: string): string {
  return text.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO));
}

export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + Number(d)));
}

/**
 * Thai digits for prose, leaving alone what must stay Latin: item ids (i1, e9, o25, e1.2),
 * URLs, e-mail addresses, Latin words with digits in them and measure codes (`2568-7-e-service`), which
 * must read as the `รหัส` column of the measures tab does.
 */
export function thaiDigitsInText(text: string): string {
  const keep =
    /(https?:\/\/\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[a-zA-Z][\w.-]*\d[\w.-]*|\b\d{4}-\d+-[\w-]*[a-zA-Z][\w-]*)/g;
  let out = '';
  let last = 0;
  for (let m = keep.exec(text); m !== null; m = keep.exec(text)) {
    out += toThaiDigits(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + toThaiDigits(text.slice(last));
}

export const THAI_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;

export const BE_OFFSET = 543;

/** "๑ ตุลาคม ๒๕๖๘" for 1 October 2025 (a Buddhist-era date with the month in full). */
export function thaiDate(day: number, month: number, yearBE: number, thaiDigits = true): string {
  const text = `${day} ${THAI_MONTHS[month - 1]} ${yearBE}`;
  return thaiDigits ? toThaiDigits(text) : text;
}

/** A Thai fiscal year runs from 1 October of the year before to 30 September; it is named by its end. */
export function fiscalYearPeriod(fiscalYearBE: number, thaiDigits = true): string {
  return `${thaiDate(1, 10, fiscalYearBE - 1, thaiDigits)} ถึง ${thaiDate(30, 9, fiscalYearBE, thaiDigits)}`;
}

export interface YearReading {
  year: number;
  /** true when the text was a Common-Era year that was converted (+543). */
  fromCommonEra: boolean;
}

/**
 * Reads a fiscal year: 2568, "๒๕๖๘", "พ.ศ. 2568", "ปี ๒๕๖๘", "ปีงบประมาณ พ.ศ. ๒๕๖๘", "FY 2568".
 * A Common-Era year (1900–2100) is converted. Anything else gives null.
 */
export function parseYear(value: unknown): YearReading | null {
  // A whole number of four digits is its own text (the usual year column): no words to strip.
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999)
    return yearReading(value);
  let text: string;
  if (typeof value === 'number') text = String(value);
  else if (typeof value === 'string') text = toArabicDigits(value);
  else return null;
  text = text
    .replace(/ปีงบประมาณ|ปีงบ|ปี|พ\.\s*ศ\.?|ค\.\s*ศ\.?|fiscal\s*year|fy|year|b\.?e\.?|c\.?e\.?/gi, ' ')
    .trim();
  if (!/^\d{4}(\.0+)?$/.test(text)) return null;
  return yearReading(Number(text));
}

function yearReading(year: number): YearReading | null {
  if (year >= 1900 && year <= 2100) return { year: year + BE_OFFSET, fromCommonEra: true };
  if (year >= 2400 && year <= 2700) return { year, fromCommonEra: false };
  return null;
}

export type NumberReading = { kind: 'blank' } | { kind: 'number'; value: string } | { kind: 'invalid' };

/**
 * A score cell as getValues() gives it: a number, or text in Arabic or Thai digits with an optional
 * trailing %; blank, "-" or "–" mean no value. The value comes back as a decimal string so that no
 * precision is lost before exact arithmetic.
 */
export function readNumber(value: unknown): NumberReading {
  if (value === '' || value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { kind: 'number', value: String(value) } : { kind: 'invalid' };
  }
  if (typeof value !== 'string') return { kind: 'invalid' };
  // Spaces around the figure go; spaces inside it ("9 9") make it no number rather than a guess.
  const text = toArabicDigits(value)
    .replace(/\u200b/g, '')
    .trim()
    .replace(/\s*%$/, '')
    .replace(/^\+\s*/, '');
  if (text === '' || /^[-–—]$/.test(text)) return { kind: 'blank' };
  if (/^-?\d+(\.\d+)?$/.test(text) || /^-?\.\d+$/.test(text)) return { kind: 'number', value: text };
  return { kind: 'invalid' };
}

/** Cell text as a person reads it: trimmed, with runs of white space folded. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  // Not instanceof: in Apps Script and in the local vm context, Dates may come from another realm.
  if (Object.prototype.toString.call(value) === '[object Date]')
    return (value as Date).toISOString().slice(0, 10);
  return String(value).replace(/\s+/g, ' ').trim();
}

/** A published score as the reports print it: 96.06, 86.20, 100 (no decimals for a whole number). */
export function formatScore(value: number | null, thaiDigits = true): string {
  if (value === null) return '–';
  const text = Number.isInteger(value) ? String(value) : value.toFixed(2);
  return thaiDigits ? toThaiDigits(text) : text;
}

/** A score with two decimals always (100.00), as one table prints every number. */
export function formatFixed(value: number | null, thaiDigits = true): string {
  if (value === null) return '–';
  const text = value.toFixed(2);
  return thaiDigits ? toThaiDigits(text) : text;
}

/** A signed change: +2.13, -0.61, 0.00. */
export function formatDelta(value: number | null, thaiDigits = true): string {
  if (value === null) return '–';
  const text = `${value > 0 ? '+' : ''}${value.toFixed(2)}`;
  return thaiDigits ? toThaiDigits(text) : text;
}

/** The change word of the reports. */
export function changeWord(value: number | null): string {
  if (value === null) return '–';
  return value > 0 ? 'เพิ่มขึ้น' : value < 0 ? 'ลดลง' : 'เท่าเดิม';
}

/** A Thai list: "ก", "ก และ ข", "ก ข และ ค". */
export function thaiList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1];
  // และ joins a Thai word directly, a Latin one with a space.
  return `${items.slice(0, -1).join(' ')} และ${/^[A-Za-z0-9]/.test(last) ? ' ' : ''}${last}`;
}
