import { cellText } from '../thai';
import { COLUMNS, matchesAlias } from './schema';

/** Whether a number format shows the value as a percentage ("0.00%", "0%"), ignoring quoted text and escapes. */
export function isPercentFormat(format: unknown): boolean {
  if (typeof format !== 'string') return false;
  const bare = format.replace(/"[^"]*"|\\./g, '');
  return bare.includes('%');
}

/**
 * The cells as the user sees them where a number is shown as a percentage: a score typed as 96.06% is
 * stored as 0.9606 and read as 96.06. Other cells are as given. `formats` is `Range.getNumberFormats()` of
 * the same range (missing rows or cells count as plain).
 */
export function readPercentAsShown(
  values: unknown[][],
  formats: readonly (readonly unknown[])[] | null,
): unknown[][] {
  if (!formats) return values;
  return values.map((row, r) => {
    const rowFormats = formats[r];
    if (!rowFormats?.some(isPercentFormat)) return row;
    return row.map((v, c) =>
      typeof v === 'number' && isPercentFormat(rowFormats[c]) ? Number((v * 100).toPrecision(15)) : v,
    );
  });
}

/** Headers of columns that hold ordinals, codes and years (a part, an indicator's number), never a score. */
const LABEL_HEADERS = [
  COLUMNS.totals.year,
  COLUMNS.indicators.indicator,
  COLUMNS.items.item,
  COLUMNS.items.part,
  COLUMNS.recommendations.items,
  COLUMNS.framework.key,
  COLUMNS.agencies.rank,
  COLUMNS.agencies.code,
];

/** Where the reader looks for a header (readTable): the first non-blank row or one of the five below it. */
const HEADER_ROWS = 6;

/** The columns headed as labels within the header rows, each with the row of its header. */
function labelColumns(values: readonly (readonly unknown[])[]): Map<number, number> {
  const first = values.findIndex((row) => row.some((v) => cellText(v) !== ''));
  const labels = new Map<number, number>();
  if (first < 0) return labels;
  values.slice(first, first + HEADER_ROWS).forEach((row, offset) => {
    row.forEach((cell, column) => {
      if (!labels.has(column) && LABEL_HEADERS.some((aliases) => matchesAlias(cell, aliases))) {
        labels.set(column, first + offset);
      }
    });
  });
  return labels;
}

/**
 * Whether a tab holds a number a percentage format could be showing as a score (96.06% is 0.9606, 100% is 1):
 * only then are its number formats worth a read. A number under a label header (part 1, indicator 1) is no
 * score.
 */
export function mayHoldPercentages(values: readonly (readonly unknown[])[]): boolean {
  const labels = labelColumns(values);
  const underLabel = (column: number, row: number) => (labels.get(column) ?? row) < row;
  return values.some((cells, r) =>
    cells.some((v, c) => typeof v === 'number' && v !== 0 && Math.abs(v) <= 1 && !underLabel(c, r)),
  );
}
