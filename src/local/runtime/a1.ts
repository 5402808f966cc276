import { columnLetters } from '../../core/findings';
import { gasError } from './context';

export interface GridRef {
  sheet: string | null;
  row: number;
  column: number;
  /** null where the reference is unbounded (A:B runs to the last row of the sheet). */
  numRows: number | null;
  numColumns: number | null;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Parses A1 notation as Sheets does: `A1`, `A1:C3`, `A:C`, `2:5`, `Sheet1!B2`, `'My tab'!A1:B2`. */
export function parseA1(notation: string): GridRef {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^!']+))!)?(.+)$/.exec(notation.trim());
  if (!m) throw gasError(`Range not found`);
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
  const [start, end = start] = m[3].split(':');
  const cell = /^\$?([A-Za-z]*)\$?(\d*)$/;
  const a = cell.exec(start);
  const b = cell.exec(end);
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) throw gasError('Range not found');
  const c1 = a[1] ? columnNumber(a[1]) : 1;
  const c2 = b[1] ? columnNumber(b[1]) : null;
  const r1 = a[2] ? Number(a[2]) : 1;
  const r2 = b[2] ? Number(b[2]) : null;
  if (r1 < 1 || (r2 !== null && r2 < 1)) throw gasError('Range not found');
  const row = r2 === null ? r1 : Math.min(r1, r2);
  const column = c2 === null ? c1 : Math.min(c1, c2);
  return {
    sheet,
    row,
    column,
    numRows: r2 === null ? null : Math.abs(r2 - r1) + 1,
    numColumns: c2 === null ? null : Math.abs(c2 - c1) + 1,
  };
}

export function toA1(row: number, column: number, numRows = 1, numColumns = 1): string {
  const first = `${columnLetters(column - 1)}${row}`;
  if (numRows === 1 && numColumns === 1) return first;
  return `${first}:${columnLetters(column + numColumns - 2)}${row + numRows - 1}`;
}
