/**
 * Text typed into a cell, read as Sheets reads user input: numbers, percentages, dates and times become
 * values; the spreadsheet's locale decides the order of day and month. Sheets applies no Buddhist-era
 * offset when it reads a typed date, so `1/10/2568` in a Thai spreadsheet is 1 October of the year 2568 CE.
 */

/** Locales that write the month first (`3/1/2026` is 1 March). Every other locale puts the day first. */
const MONTH_FIRST = /^(en(_US)?|en_PH|fil)$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Milliseconds to add to UTC to get the wall clock of `timeZone` at `utc`. */
function zoneOffset(utc: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    era: 'short',
  }).formatToParts(new Date(utc));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const bc = parts.find((p) => p.type === 'era')?.value === 'BC';
  const wall = Date.UTC(
    bc ? 1 - get('year') : get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return wall - Math.floor(utc / 1000) * 1000;
}

/** The instant a wall-clock time in `timeZone` names. */
export function zonedDate(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hours = 0,
  minutes = 0,
  seconds = 0,
): Date {
  const wall = Date.UTC(year, month - 1, day, hours, minutes, seconds);
  const first = wall - zoneOffset(wall, timeZone);
  return new Date(wall - zoneOffset(first, timeZone));
}

function validDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Two-digit years as Sheets reads them: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

/** A date or a time typed as text, or null when Sheets would keep it as text. */
export function typedDate(text: string, locale: string, timeZone: string): Date | null {
  const t = text.trim();
  const iso = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(t);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[3]), Number(iso[4])];
    return validDate(year, month, day) ? zonedDate(timeZone, year, month, day) : null;
  }
  const local = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/.exec(t);
  if (local) {
    const monthFirst = MONTH_FIRST.test(locale);
    const month = Number(monthFirst ? local[1] : local[3]);
    const day = Number(monthFirst ? local[3] : local[1]);
    const year = fullYear(local[4]);
    return validDate(year, month, day) ? zonedDate(timeZone, year, month, day) : null;
  }
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (time) {
    const [h, m, s] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
    if (h > 23 || m > 59 || s > 59) return null;
    // A time alone is a time on Sheets' day zero, 30 December 1899.
    return zonedDate(timeZone, 1899, 12, 30, h, m, s);
  }
  return null;
}

/** A number typed as text (`12`, `-3.5`, `1,234.5`, `96.06%`), or null. */
export function typedNumber(text: string): number | null {
  const t = text.trim();
  if (/^[+-]?\d+(\.\d+)?$/.test(t) || /^[+-]?\d+\.$/.test(t) || /^[+-]?\.\d+$/.test(t)) return Number(t);
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^[+-]?\d+(\.\d+)?%$/.test(t)) return Number(t.slice(0, -1)) / 100;
  return null;
}
