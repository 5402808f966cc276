import type { SheetData } from '../core/workbook/reader';

// A click is two server calls (docs/speed.md): the first reads and checks every tab and writes the
// measures tab, the second builds the report. The input tabs the first read are kept in the document cache
// for the second, so that it reads only the measures tab: the report is built from the data the first call
// checked. A cache may drop anything at any time ("You must be prepared to get back null from all reads"):
// the second call then reads every tab again.

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

/** Keeps the tabs for the click's second call; the token to give it, or null (no cache, or too large). */
export function keepTabs(sheets: readonly SheetData[]): string | null {
  const cache = CacheService.getDocumentCache();
  if (!cache) return null;
  const text = encode(sheets);
  const count = Math.ceil(text.length / CHUNK);
  if (count > MAX_CHUNKS) return null;
  const token = Utilities.getUuid();
  const values: Record<string, string> = { [`${PREFIX}${token}.n`]: String(count) };
  for (let i = 0; i < count; i++) values[`${PREFIX}${token}.${i}`] = text.slice(i * CHUNK, (i + 1) * CHUNK);
  cache.putAll(values, SECONDS);
  return token;
}

/** The tabs the first call kept, all of them, or null (an unknown or expired token, or a part dropped). */
export function takeTabs(token: unknown): SheetData[] | null {
  if (typeof token !== 'string' || !/^[\w-]{1,64}$/.test(token)) return null;
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
  try {
    return decode(parts.join(''));
  } catch (_e) {
    return null;
  }
}
