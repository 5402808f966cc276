export { analyze } from '../core/analysis/analyze';
export { MEASURE_COLUMNS } from '../core/measures/tab';
export { chartSvg } from '../core/report/chart-svg';
export { runBuild } from './build';
export { loadBundle } from './bundle';
export { docToHtml } from './doc-html';
export { runRollup } from './rollup';
export { svgToPng } from './runtime/blob';
export { createRuntime } from './runtime/index';
export { SpreadsheetImpl } from './runtime/spreadsheet';
export { saveSpreadsheet } from './workbook-io';
export { notAWorkbook, readXlsx, readXlsxFile, workbookFromSheets } from './xlsx';

import type { SheetData } from '../core/workbook/reader';
import type { RuntimeContext } from './runtime/context';
import { type CellValue, SpreadsheetImpl } from './runtime/spreadsheet';

/** A spreadsheet factory for createRuntime from tabs as getValues() gives them. */
export function spreadsheetFromSheets(sheets: readonly SheetData[], owner = 'owner@local.example') {
  return (context: RuntimeContext): SpreadsheetImpl => {
    const ss = SpreadsheetImpl._create(context, 'ita-report', owner);
    for (const tab of sheets) {
      const sheet = ss.insertSheet(tab.name);
      sheet._maxRows = Math.max(1000, tab.values.length);
      sheet._maxColumns = Math.max(26, ...tab.values.map((r) => r.length));
      tab.values.forEach((row, r) => {
        row.forEach((value, c) => {
          if (value !== '' && value !== null && value !== undefined)
            sheet._set(r + 1, c + 1, value as CellValue);
        });
      });
    }
    ss._state.activeSheet = ss._state.sheets[0] ?? null;
    return ss;
  };
}
