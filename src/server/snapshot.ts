import type { SheetData } from '../core/workbook/reader';

// A click is two server calls (docs/speed.md): the first reads and checks every tab and writes the
// measures tab, the second builds the report. The input tabs the first read are kept in the document cache
// for the second, so that it reads only the measures tab: the report is built from the data the first call
// checked. A cache may drop anything at any time ("You must be prepared to get back null from all reads"),
// and a call to it may fail like any service's: the second call then reads every tab again.

const PREFIX = 'ita.tabs.';
/** Characters a cache value: at most 90 KB in UTF-8 (a Thai letter is 3 bytes), under the 100 KB a value. */
const CHUNK = 30_000;
const MAX_CHUNKS = 40;
/** Ten minutes: far longer than between the two calls of a click. */
const SECONDS = 600;

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** JSON keeps a date cell as its time, so that it comes back a Date, as getValues gives it. */
function encode(sheets: readonly SheetData[]): string {
  return JSON.stringify(sheets, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    return isDate(raw) ? { $date: raw.getTime() } : value;
  });
}

function decode(text: string): SheetData[] {
  return JSON.parse(text, (_key, value) =>
    value && typeof value === 'object' && Object.keys(value).length === 1 && typeof value.$date === 'number'
      ? new Date(value.$date)
      : value,
  ) as SheetData[];
}

/**
 * `text` in parts of at most `size` UTF-16 units, none ending inside a surrogate pair: a cache stores each
 * part on its own (as UTF-8), and half a pair would not come back as it went.
 */
export function chunks(text: string, size: number): string[] {
  const parts: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(at + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && end - 1 > at && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(text.slice(at, end));
    at = end;
  }
  return parts;
}

/**
 * Keeps the tabs for the click's second call; the token to give it, or null (no cache, too large, or the
 * cache failed: the second call then reads the tabs itself).
 */
export function keepTabs(sheets: readonly SheetData[]): string | null {
  try {
    const cache = CacheService.getDocumentCache();
    if (!cache) return null;
    const parts = chunks(encode(sheets), CHUNK);
    if (parts.length > MAX_CHUNKS) return null;
    const token = Utilities.getUuid();
    const values: Record<string, string> = { [`${PREFIX}${token}.n`]: String(parts.length) };
    parts.forEach((part, i) => {
      values[`${PREFIX}${token}.${i}`] = part;
    });
    cache.putAll(values, SECONDS);
    return token;
  } catch (_e) {
    return null;
  }
}

/**
 * The tabs the first call kept, all of them, or null (an unknown or expired token, a part dropped, or the
 * cache failed): the caller then reads every tab.
 */
export function takeTabs(token: unknown): SheetData[] | null {
  if (typeof token !== 'string' || !/^[\w-]{1,64}$/.test(token)) return null;
  try {
    const cache = CacheService.getDocumentCache();
    if (!cache) return null;
    const keys = [
      `${PREFIX}${token}.n`,
      ...Array.from({ length: MAX_CHUNKS }, (_, i) => `${PREFIX}${token}.${i}`),
    ];
    const found = cache.getAll(keys) as Record<string, string | undefined>;
    const count = Number(found[keys[0]]);
    if (!Number.isInteger(count) || count < 1 || count > MAX_CHUNKS) return null;
    const parts = keys.slice(1, count + 1).map((k) => found[k]);
    if (parts.some((p) => typeof p !== 'string')) return null;
    return decode(parts.join(''));
  } catch (_e) {
    return null;
  }
}
