import { MEASURE_COLUMNS } from './measures/tab';
import { cellText } from './thai';
import type { SheetData } from './workbook/reader';
import { findTab } from './workbook/reader';
import { matchesAlias, normalizeName, ROUND_KEY, SETTING_KEYS, TABS, type TabKey } from './workbook/schema';

/**
 * What a report printed, as small fingerprints by tab and by part (a column by its header, a setting by
 * its name), so that the sidebar can say later not only that something changed but what: "ตั้งค่า:
 * วันที่รายงานผล", "รายข้อ: 2568". Each report covers only what it prints (docs/report.md): adding the
 * results report's date to the settings leaves the o25 report current.
 */
export type Parts = Record<string, Record<string, string>>;

/** One tab that changed, and its parts (columns or settings) that did, when the tab is known part by part. */
export interface Change {
  tab: string;
  parts: string[];
}

export type ReportKind = 'plan' | 'results';

/** A tab with more parts than this is kept as one fingerprint: a property value holds at most 9 KB. */
const MAX_PARTS = 40;
/** The part that holds a tab's cells no column or setting names (the rows above a header, say). */
export const WHOLE = '';

/**
 * 64 bits of FNV-1a (two seeds) over the texts one after the other, as over their concatenation. Taken in
 * pieces, not concatenated: reading a concatenated string character by character is several times slower
 * in V8 (a cons string), which tens of thousands of rows made the slowest step of a build.
 */
export function hash(...texts: string[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ texts.reduce((n, t) => n + t.length, 0);
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    }
  }
  return a.toString(36) + b.toString(36);
}

/** A cell as the fingerprints read it: its type and text, a date by its time. */
export function cellKey(value: unknown): string {
  if (Object.prototype.toString.call(value) === '[object Date]') return `d${(value as Date).getTime()}`;
  return `${typeof value}:${String(value)}`;
}

const rowsText = (rows: readonly unknown[][]) => rows.map((r) => r.map(cellKey).join('\u0001')).join('\n');

/** A table's parts: one a column, named by its header (row `header`); what is above the header in WHOLE. */
function columnParts(
  values: readonly unknown[][],
  header: number,
  keep?: (name: string) => boolean,
): Record<string, string> {
  const names = (values[header] ?? []).map((c) => cellText(c));
  const width = Math.max(0, ...values.map((r) => r.length));
  const parts: Record<string, string> = {};
  const body = values.slice(header + 1);
  for (let c = 0; c < width; c++) {
    const name = names[c] || `#${c + 1}`;
    if (keep && !keep(name)) continue;
    const column = body.map((r) => cellKey(r[c] ?? ''));
    parts[name] = hash(parts[name] ?? '', '\u0002', column.join('\u0001'));
  }
  if (header > 0) parts[WHOLE] = hash(rowsText(values.slice(0, header)));
  return Object.keys(parts).length > MAX_PARTS ? { [WHOLE]: hash(rowsText(values)) } : parts;
}

const isResultsSetting = (key: string) =>
  matchesAlias(key, SETTING_KEYS.resultsDate) || ROUND_KEY.test(normalizeName(key));

/** The settings a report reads, one part a setting (its whole row); the header row is WHOLE. */
function settingParts(values: readonly unknown[][], kind: ReportKind): Record<string, string> {
  const parts: Record<string, string> = {};
  values.forEach((row, i) => {
    const key = cellText(row[0]);
    if (i === 0 || key === '') {
      if (row.some((c) => cellText(c) !== '')) parts[WHOLE] = hash(parts[WHOLE] ?? '', '\n', rowsText([row]));
      return;
    }
    if (kind === 'plan' && isResultsSetting(key)) return;
    parts[key] = hash(parts[key] ?? '', '\n', rowsText([row]));
  });
  return parts;
}

/** The measures tab's columns the o25 report prints (the plan); the results report prints them all. */
const PLAN_COLUMNS = new Set<string>([...MEASURE_COLUMNS.slice(0, 7), ...MEASURE_COLUMNS.slice(12, 16)]);

function measuresParts(values: readonly unknown[][], kind: ReportKind): Record<string, string> {
  const header = values.slice(0, 10).findIndex((r) => r.some((c) => cellText(c) === MEASURE_COLUMNS[0]));
  if (header < 0) return { [WHOLE]: hash(rowsText(values)) };
  return columnParts(values, header, kind === 'plan' ? (name) => PLAN_COLUMNS.has(name) : undefined);
}

/** The tabs each report is built from (besides the settings and the measures tab). */
const PLAN_TABS = (Object.keys(TABS) as TabKey[]).filter((k) => k !== 'measures' && k !== 'settings');

/** The fingerprints of what a report of `kind` prints, tab by tab and part by part. */
export function reportParts(sheets: readonly SheetData[], kind: ReportKind): Parts {
  const parts: Parts = {};
  const settings = findTab(sheets, 'settings');
  if (settings) parts[settings.name] = settingParts(settings.values, kind);
  const measures = findTab(sheets, 'measures');
  if (measures) parts[measures.name] = measuresParts(measures.values, kind);
  if (kind === 'plan') {
    for (const key of PLAN_TABS) {
      const tab = findTab(sheets, key);
      if (tab) parts[tab.name] = columnParts(tab.values, 0);
    }
  }
  return parts;
}

/** What differs between two sets of fingerprints: each tab that changed, with the parts that did. */
export function changesBetween(before: Parts, now: Parts): Change[] {
  const changes: Change[] = [];
  for (const tab of new Set([...Object.keys(before), ...Object.keys(now)])) {
    const a = before[tab];
    const b = now[tab];
    if (!a || !b) {
      changes.push({ tab, parts: [] });
      continue;
    }
    const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]);
    if (names.length === 0) continue;
    // A change only outside the named parts (above a header, a blank key) names none.
    changes.push({ tab, parts: names.filter((n) => n !== WHOLE) });
  }
  return changes;
}

/** The measures tab among the changed tabs. */
export const isMeasuresTab = (tab: string) => matchesAlias(tab, TABS.measures);
