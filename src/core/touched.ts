import type { Analysis, Figure, YearAnalysis } from './analysis/analyze';
import { published } from './decimal';
import { errorFindings } from './findings';
import { cellText, parseYear, toArabicDigits } from './thai';
import { findTab, type SheetData } from './workbook/reader';
import { COLUMNS, matchesAlias, TABS } from './workbook/schema';

/**
 * How far the summary's figures can be trusted while the data has errors: each figure an error's cell feeds
 * (the cell's tab, its year, the indicator its item belongs to), with that finding's cell to go to; and each
 * figure given in the workbook that does not add up, with both values.
 */
export interface Trust {
  /** The error findings; while there are any, every figure is unconfirmed. */
  errors: number;
  /** Keyed `total`, a tool (`IIT`, `EIT1`…) or `i` and an indicator's number (`i2`). */
  marks: Record<string, FigureMark>;
}

export interface FigureMark {
  /** The cell of the first error that touches the figure, or null (a figure that only does not add up). */
  where: string | null;
  /** A given figure that its finer levels contradict: as given, and as computed. */
  given?: number;
  computed?: number;
}

const CELL = /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]+)(\d+)$/;

function parseCell(where: string): { tab: string; col: number; row: number } | null {
  const m = CELL.exec(where);
  if (!m) return null;
  const col = [...m[3]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { tab: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], col, row: Number(m[4]) - 1 };
}

/** The row of a tab holding one of `names` (the header), among its first ten. */
function headerRow(values: readonly unknown[][], names: readonly string[]): number {
  return values.slice(0, 10).findIndex((r) => r.some((c) => matchesAlias(c, names)));
}

/** The figures a cell feeds: the year it belongs to, and the figures by key (the total always). */
function fedBy(
  sheets: readonly SheetData[],
  cell: { tab: string; col: number; row: number },
  indicatorOf: (item: string) => number | null,
): { year: number; keys: string[] } | null {
  const sheet = sheets.find((s) => s.name === cell.tab);
  if (!sheet) return null;
  const at = (r: number, c: number) => sheet.values[r]?.[c];
  if (findTab([sheet], 'totals')) {
    const h = headerRow(sheet.values, COLUMNS.totals.year);
    const yearCol = (sheet.values[h] ?? []).findIndex((c) => matchesAlias(c, COLUMNS.totals.year));
    const year = parseYear(at(cell.row, yearCol))?.year;
    const tool = (Object.keys(COLUMNS.totals) as (keyof typeof COLUMNS.totals)[]).find(
      (k) =>
        k !== 'year' && k !== 'total' && k !== 'level' && matchesAlias(at(h, cell.col), COLUMNS.totals[k]),
    );
    return h < 0 || !year ? null : { year, keys: tool ? [tool, 'total'] : ['total'] };
  }
  const kind = findTab([sheet], 'indicators') ? 'indicators' : findTab([sheet], 'items') ? 'items' : null;
  if (!kind) return null;
  const keyNames = kind === 'indicators' ? COLUMNS.indicators.indicator : COLUMNS.items.item;
  const h = headerRow(sheet.values, keyNames);
  const keyCol = (sheet.values[h] ?? []).findIndex((c) => matchesAlias(c, keyNames));
  const year = parseYear(cellText(at(h, cell.col)).replace(/ส่วนที่\s*\S+|part\s*\S+/gi, ''))?.year;
  const key = toArabicDigits(cellText(at(cell.row, keyCol))).trim();
  const indicator = kind === 'indicators' ? Number.parseInt(key, 10) : indicatorOf(key.toLowerCase());
  if (h < 0 || !year) return null;
  return { year, keys: indicator ? [`i${indicator}`, 'total'] : ['total'] };
}

function mismatch(f: Figure | undefined): Pick<FigureMark, 'given' | 'computed'> | null {
  if (!f?.given || !f.computed) return null;
  const given = published(f.given.value);
  const computed = published(f.computed);
  return given !== null && computed !== null && Math.abs(given - computed) > 0.02
    ? { given, computed }
    : null;
}

/** The figures of the assessed year that do not add up, keyed as Trust's marks. */
function mismatches(y: YearAnalysis): Record<string, FigureMark> {
  const marks: Record<string, FigureMark> = {};
  const put = (key: string, f: Figure | undefined) => {
    const m = mismatch(f);
    if (m) marks[key] = { where: f?.given?.where ?? null, ...m };
  };
  put('total', y.total);
  for (const [k, f] of Object.entries(y.tools)) put(k, f);
  for (const [n, f] of y.indicators) put(`i${n}`, f);
  return marks;
}

/** What the summary must mark: the figures of the assessed year and the year before that errors touch. */
export function trustOf(analysis: Analysis, sheets: readonly SheetData[]): Trust {
  const cur = analysis.current;
  const marks: Record<string, FigureMark> = cur ? mismatches(cur) : {};
  const errors = errorFindings(analysis.findings);
  const years = new Set([cur?.year, analysis.previous?.year]);
  const indicatorOf = (item: string) =>
    cur?.framework.indicators.find((i) => i.items.includes(item.replace(/\.\d+$/, '')))?.number ?? null;
  for (const e of errors) {
    const cell = e.where ? parseCell(e.where) : null;
    const fed = cell && matchesAnyScoreTab(cell.tab) ? fedBy(sheets, cell, indicatorOf) : null;
    if (!fed || !years.has(fed.year)) continue;
    const tool = fed.keys[0].startsWith('i')
      ? cur?.framework.indicators.find((i) => `i${i.number}` === fed.keys[0])?.tool
      : undefined;
    for (const key of tool ? [...fed.keys, tool] : fed.keys) {
      marks[key] = { ...marks[key], where: marks[key]?.where ?? e.where };
    }
  }
  return { errors: errors.length, marks };
}

function matchesAnyScoreTab(tab: string): boolean {
  return [TABS.totals, TABS.indicators, TABS.items].some((names) => matchesAlias(tab, names));
}
