import ExcelJS from 'exceljs';
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

/** Every worksheet as a rectangular grid from A1 to its last used cell. */
export function sheetsFromWorkbook(workbook: ExcelJS.Workbook): SheetData[] {
  return workbook.worksheets.map((ws) => {
    const rows = ws.actualRowCount === 0 ? 0 : ws.rowCount;
    const cols = ws.actualColumnCount === 0 ? 0 : ws.columnCount;
    const values: unknown[][] = [];
    for (let r = 1; r <= rows; r++) {
      const row = ws.getRow(r);
      const cells: unknown[] = [];
      for (let c = 1; c <= cols; c++) cells.push(cellValue(row.getCell(c).value));
      values.push(cells);
    }
    return { name: ws.name, values };
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
