import type { SheetData } from '../core/workbook/reader';

/** Every tab of the open spreadsheet, read with one getValues() call each. */
export function readAllTabs(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SheetData[] {
  return spreadsheet.getSheets().map((sheet) => ({
    name: sheet.getName(),
    values: sheet.getDataRange().getValues(),
  }));
}
