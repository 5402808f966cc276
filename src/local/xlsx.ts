import ExcelJS from 'exceljs';
import { readPercentAsShown } from '../core/workbook/percent';
import type { SheetData } from '../core/workbook/reader';

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

/** Google Sheets holds at most this many cells in a spreadsheet. */
export const GOOGLE_CELL_LIMIT = 10_000_000;

/** A cell that holds something, 1-based. */
export interface FilledCell {
  row: number;
  column: number;
  cell: ExcelJS.Cell;
  value: unknown;
}

/**
 * The cells of a worksheet that hold a value or a formula, visited in time and memory proportional to their
 * number (never to the sheet's dimensions: a stray cell at XFD1048576 costs one cell). A cell that holds only
 * spaces beyond the last cell with content is left out and named in `dropped`: it is no data, and would make
 * a grid of every row and column up to it.
 */
export function filledCells(ws: ExcelJS.Worksheet): {
  cells: FilledCell[];
  rows: number;
  columns: number;
  dropped: string[];
} {
  const all: FilledCell[] = [];
  ws.eachRow((row, rowNumber) => {
    row.eachCell((cell, colNumber) => {
      all.push({ row: rowNumber, column: colNumber, cell, value: cellValue(cell.value) });
    });
  });
  const hasContent = (c: FilledCell) =>
    c.cell.formula !== undefined || !(typeof c.value === 'string' && c.value.trim() === '');
  let rows = 0;
  let columns = 0;
  for (const c of all) {
    if (!hasContent(c)) continue;
    rows = Math.max(rows, c.row);
    columns = Math.max(columns, c.column);
  }
  const cells: FilledCell[] = [];
  const dropped: string[] = [];
  for (const c of all) {
    if (c.row <= rows && c.column <= columns) cells.push(c);
    else if (c.value !== '') dropped.push(c.cell.address);
  }
  return { cells, rows, columns, dropped };
}

/** Refuses a worksheet Google Sheets could not hold, before a grid of it is made. */
export function checkCellLimit(name: string, rows: number, columns: number): void {
  if (rows * columns > GOOGLE_CELL_LIMIT) {
    throw new TooManyCellsError(
      `tab "${name}" spans ${rows.toLocaleString('en')} rows × ${columns.toLocaleString('en')} columns, over the ${GOOGLE_CELL_LIMIT.toLocaleString('en')} cells a Google spreadsheet can hold`,
    );
  }
}

/** Every worksheet as a rectangular grid from A1 to its last cell with content, percentages as shown. */
export function sheetsFromWorkbook(workbook: ExcelJS.Workbook): SheetData[] {
  return workbook.worksheets.map((ws) => {
    const { cells, rows, columns } = filledCells(ws);
    checkCellLimit(ws.name, rows, columns);
    const values: unknown[][] = Array.from({ length: rows }, () => new Array(columns).fill(''));
    const formats: string[][] = Array.from({ length: rows }, () => []);
    for (const c of cells) {
      values[c.row - 1][c.column - 1] = c.value;
      if (c.cell.numFmt) formats[c.row - 1][c.column - 1] = c.cell.numFmt;
    }
    return { name: ws.name, values: readPercentAsShown(values, formats) };
  });
}

export async function readXlsx(data: Buffer | ArrayBuffer): Promise<SheetData[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  return sheetsFromWorkbook(workbook);
}

export async function readXlsxFile(path: string): Promise<SheetData[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return sheetsFromWorkbook(workbook);
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

/** A workbook too large for Google Sheets: it cannot be analysed (exit 1), whatever the command. */
export class TooManyCellsError extends Error {}

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
