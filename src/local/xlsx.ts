import { readFileSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { cellRef } from '../core/findings';
import { CELL_TEXT_LIMIT } from '../core/workbook/limits';
import { readPercentAsShown } from '../core/workbook/percent';
import type { SheetData } from '../core/workbook/reader';
import { checkXlsxLimits, WorkbookLimitError, XLSX_LIMITS } from './zip-limits';

export { WorkbookLimitError, XLSX_LIMITS };

/**
 * A cell as `Range.getValues()` gives it: numbers, strings, booleans and Dates as they are,
 * '' for an empty cell, the result of a formula, the text of a rich-text or hyperlink cell,
 * and an error such as `#N/A` as its text.
 */
export function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value)
      return cellValue((value as ExcelJS.CellFormulaValue).result);
    if ('hyperlink' in value) return cellValue((value as ExcelJS.CellHyperlinkValue).text);
    if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return String(value);
}

/**
 * Google Sheets holds at most this many cells in a spreadsheet. Google's Drive help ("Files you can store in
 * Google Drive"): "Up to 10 million cells or 18,278 columns (column ZZZ) for spreadsheets that are created
 * in or converted to Google Sheets."
 */
export const GOOGLE_CELL_LIMIT = 10_000_000;

/** A cell that holds something, 1-based. */
export interface FilledCell {
  row: number;
  column: number;
  cell: ExcelJS.Cell;
  value: unknown;
}

/** `Tab!A1` of a 1-based cell. */
const where = (ws: ExcelJS.Worksheet, row: number, column: number) => cellRef(ws.name, row - 1, column - 1);

/** A formula whose file saved no result (a program that does not calculate wrote it): its value is unknown. */
export function unsavedFormula(c: FilledCell): boolean {
  const v = c.cell.value as ExcelJS.CellFormulaValue | null;
  return (
    typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v) && v.result === undefined
  );
}

/** Refuses a cell of more characters than a Google Sheets cell holds, as it is read. */
function checkCellText(ws: ExcelJS.Worksheet, row: number, column: number, value: unknown): void {
  if (typeof value !== 'string' || value.length <= CELL_TEXT_LIMIT) return;
  const at = where(ws, row, column);
  const n = value.length.toLocaleString('en');
  throw new WorkbookLimitError(
    `${at} holds ${n} characters, more than the 50,000 a Google Sheets cell holds: shorten it and save again`,
    `${at} มี ${n} ตัวอักษร เกิน 50,000 ตัวอักษรที่ช่องหนึ่งของ Google Sheets เก็บได้ โปรดตัดให้สั้นลงแล้วบันทึกใหม่`,
    at,
    'cell-too-long',
  );
}

/**
 * The cells of a worksheet that hold a value or a formula, visited in time and memory proportional to their
 * number (never to the sheet's dimensions: a stray cell at XFD1048576 costs one cell). A cell that holds only
 * spaces beyond the last cell with content is left out and named in `dropped`: it is no data, and would make
 * a grid of every row and column up to it. A text over Google's cell limit is refused here.
 */
export function filledCells(ws: ExcelJS.Worksheet): {
  cells: FilledCell[];
  rows: number;
  columns: number;
  dropped: string[];
  /** The cells that set `rows` and `columns`: the farthest down and the farthest right. */
  farthest: { row: FilledCell | null; column: FilledCell | null };
} {
  const all: FilledCell[] = [];
  ws.eachRow((row, rowNumber) => {
    row.eachCell((cell, colNumber) => {
      const value = cellValue(cell.value);
      checkCellText(ws, rowNumber, colNumber, value);
      all.push({ row: rowNumber, column: colNumber, cell, value });
    });
  });
  const hasContent = (c: FilledCell) =>
    c.cell.formula !== undefined || !(typeof c.value === 'string' && c.value.trim() === '');
  const farthest: { row: FilledCell | null; column: FilledCell | null } = { row: null, column: null };
  for (const c of all) {
    if (!hasContent(c)) continue;
    if (!farthest.row || c.row > farthest.row.row) farthest.row = c;
    if (!farthest.column || c.column > farthest.column.column) farthest.column = c;
  }
  const rows = farthest.row?.row ?? 0;
  const columns = farthest.column?.column ?? 0;
  const cells: FilledCell[] = [];
  const dropped: string[] = [];
  for (const c of all) {
    if (c.row <= rows && c.column <= columns) cells.push(c);
    else if (c.value !== '') dropped.push(c.cell.address);
  }
  return { cells, rows, columns, dropped, farthest };
}

/**
 * Refuses a worksheet Google Sheets could not hold, before a grid of it is made, naming the cells that
 * stretch it (a stray value at XFD1048576 makes a grid of 17 billion cells).
 */
export function checkCellLimit(ws: ExcelJS.Worksheet, filled: ReturnType<typeof filledCells>): void {
  const { rows, columns, farthest } = filled;
  if (rows * columns <= GOOGLE_CELL_LIMIT) return;
  const cells = [farthest.row, farthest.column]
    .filter((c, i, list): c is FilledCell => c !== null && list.indexOf(c) === i)
    .map((c) => where(ws, c.row, c.column));
  const span = `${rows.toLocaleString('en')} × ${columns.toLocaleString('en')}`;
  const limit = GOOGLE_CELL_LIMIT.toLocaleString('en');
  throw new TooManyCellsError(
    `${cells.join(', ')}: the tab "${ws.name}" reaches that far, ${span} rows × columns, over the ${limit} cells a Google spreadsheet can hold; delete what is beyond the data and save again`,
    `${cells.join(', ')}: แท็บ "${ws.name}" มีข้อมูลไกลถึงช่องนี้ (${span} แถว × คอลัมน์) เกิน ${limit} ช่องที่สเปรดชีตของ Google เก็บได้ โปรดลบสิ่งที่อยู่เลยข้อมูลออกแล้วบันทึกใหม่`,
    cells[0] ?? null,
    'too-many-cells',
  );
}

/** Every worksheet as a rectangular grid from A1 to its last cell with content, percentages as shown. */
export function sheetsFromWorkbook(workbook: ExcelJS.Workbook): SheetData[] {
  return workbook.worksheets.map((ws) => {
    const filled = filledCells(ws);
    checkCellLimit(ws, filled);
    const { cells, rows, columns } = filled;
    const values: unknown[][] = Array.from({ length: rows }, () => new Array(columns).fill(''));
    const formats: string[][] = Array.from({ length: rows }, () => []);
    for (const c of cells) {
      values[c.row - 1][c.column - 1] = c.value;
      if (c.cell.numFmt) formats[c.row - 1][c.column - 1] = c.cell.numFmt;
    }
    const unsaved = cells.filter(unsavedFormula).map((c): [number, number] => [c.row - 1, c.column - 1]);
    return {
      name: ws.name,
      values: readPercentAsShown(values, formats),
      ...(unsaved.length > 0 ? { unsaved } : {}),
    };
  });
}

/**
 * An .xlsx file or its bytes as an exceljs workbook, once its zip has passed the ceilings of `zip-limits.ts`
 * (a file larger than every part together may be is refused before it is read).
 */
export async function loadXlsx(source: string | Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  if (typeof source === 'string' && statSync(source).size > XLSX_LIMITS.totalBytes) {
    throw new WorkbookLimitError(
      `the file is larger than the ${XLSX_LIMITS.totalBytes / 1024 / 1024} MB ita-report reads`,
      `ไฟล์ใหญ่กว่า ${XLSX_LIMITS.totalBytes / 1024 / 1024} MB ที่ ita-report อ่านได้`,
    );
  }
  const data =
    typeof source === 'string'
      ? readFileSync(source)
      : Buffer.isBuffer(source)
        ? source
        : Buffer.from(source);
  await checkXlsxLimits(data);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

export async function readXlsx(data: Buffer | ArrayBuffer): Promise<SheetData[]> {
  return sheetsFromWorkbook(await loadXlsx(data));
}

export async function readXlsxFile(path: string): Promise<SheetData[]> {
  return sheetsFromWorkbook(await loadXlsx(path));
}

/** A plain workbook of values: one worksheet per tab, the first row bold and frozen. */
export function workbookFromSheets(sheets: readonly SheetData[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    for (const row of sheet.values) ws.addRow(row.map((v) => (v === '' ? null : v)));
    if (sheet.values.length > 0) ws.getRow(1).font = { bold: true };
    ws.columns.forEach((column, i) => {
      const longest = Math.max(...sheet.values.map((row) => String(row[i] ?? '').length), 4);
      column.width = Math.min(60, longest + 2);
    });
  }
  return workbook;
}

/** A file that is not a workbook exceljs can read; `why` is what exceljs said. */
export class UnreadableWorkbookError extends Error {
  readonly why: string;
  constructor(cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`cannot read the file as an .xlsx workbook (${why})`);
    this.why = why;
  }
}

/** A workbook too large for Google Sheets: it cannot be analysed (exit 1), whatever the command. */
export class TooManyCellsError extends WorkbookLimitError {}

/**
 * What a file is when it is not an .xlsx workbook (an .xlsx is a zip file), in Thai and English, or null
 * when it starts as a zip file does.
 */
export function notAWorkbook(head: Buffer): { th: string; en: string } | null {
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return null;
  if (head.length === 0) return { th: 'ไฟล์ว่าง', en: 'the file is empty' };
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return head.includes(Buffer.from('EncryptedPackage', 'utf16le'))
      ? {
          th: 'ไฟล์ถูกตั้งรหัสผ่าน: เปิดใน Excel หรือ Sheets แล้วบันทึกเป็น .xlsx ที่ไม่มีรหัสผ่าน',
          en: 'the file is encrypted (password-protected): save it as an .xlsx without a password',
        }
      : { th: 'เป็นไฟล์ .xls แบบเก่า: บันทึกเป็น .xlsx', en: 'it is an old .xls file: save it as .xlsx' };
  }
  const text = head.toString('utf8');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: binary bytes are what tells text from not
  if (!/[\u0000-\u0008\u000e-\u001f]/.test(text) && /[,;\t]/.test(text)) {
    return {
      th: 'เป็นไฟล์ข้อความ (CSV) ไม่ใช่ .xlsx: เปิดใน Sheets หรือ Excel แล้วบันทึกเป็น .xlsx',
      en: 'it is a text (CSV) file, not an .xlsx: open it in Sheets or Excel and save it as .xlsx',
    };
  }
  return { th: 'ไม่ใช่ไฟล์ .xlsx (ไม่ใช่ไฟล์ zip)', en: 'it is not an .xlsx workbook (not a zip file)' };
}
