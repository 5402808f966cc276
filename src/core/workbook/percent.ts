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

/**
 * Whether a tab holds a number a percentage format could be showing as a score (96.06% is 0.9606, 100% is 1):
 * only then are its number formats worth a read.
 */
export function mayHoldPercentages(values: readonly (readonly unknown[])[]): boolean {
  return values.some((row) => row.some((v) => typeof v === 'number' && v !== 0 && Math.abs(v) <= 1));
}
