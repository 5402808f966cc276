import type { Analysis } from '../core/analysis/analyze';
import { generateMeasures, readUserLibrary } from '../core/measures/generate';
import {
  MEASURE_COLUMNS,
  MEASURES_TAB,
  type MeasuresPlan,
  ORIGIN_COLUMN,
  planMeasures,
  STATUSES,
} from '../core/measures/tab';
import type { SheetData } from '../core/workbook/reader';

const FINGERPRINT_PREFIX = 'ita.m.';
/** Column widths in pixels, in the order of MEASURE_COLUMNS. */
const WIDTHS = [150, 70, 260, 380, 320, 150, 120, 120, 90, 200, 200, 170];

export interface MeasuresResult {
  sheetName: string;
  rows: number;
  summary: MeasuresPlan['summary'];
  rowsById: Record<string, number>;
}

/**
 * Writes the `มาตรการ` tab in a few batched calls whatever its size: the generated columns of the existing
 * rows in one block, their `ที่มา` in another, the new rows in a third.
 */
export function writeMeasures(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  analysis: Analysis,
  sheets: readonly SheetData[],
): MeasuresResult {
  const props = PropertiesService.getDocumentProperties();
  const all = props.getProperties();
  const stored: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(all)) {
    if (k.startsWith(FINGERPRINT_PREFIX)) stored[k.slice(FINGERPRINT_PREFIX.length)] = JSON.parse(v);
  }
  const existingTab = sheets.find((s) => s.name === MEASURES_TAB);
  const existing = existingTab?.values.filter((row) => row.some((c) => c !== '')) ?? [];
  const thai = analysis.workbook.settings?.thaiDigits ?? true;
  const generated = generateMeasures(analysis, readUserLibrary(sheets), thai);
  const plan = planMeasures(existing, stored, generated);
  const width = MEASURE_COLUMNS.length;
  let sheet = spreadsheet.getSheetByName(MEASURES_TAB);
  const fresh = !sheet || existing.length === 0;
  if (!sheet) sheet = spreadsheet.insertSheet(MEASURES_TAB);
  const existingRows = fresh ? 0 : plan.existingGenerated.length;
  const lastRow = 1 + existingRows + plan.newRows.length;
  if (lastRow > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), lastRow - sheet.getMaxRows());
  if (width > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  if (fresh) {
    sheet.getRange(1, 1, 1 + plan.newRows.length, width).setValues([plan.header, ...plan.newRows]);
  } else {
    if (existingRows > 0) {
      sheet.getRange(2, 2, existingRows, plan.existingGenerated[0].length).setValues(plan.existingGenerated);
      sheet.getRange(2, ORIGIN_COLUMN + 1, existingRows, 1).setValues(plan.existingOrigin);
    }
    if (plan.newRows.length > 0)
      sheet.getRange(2 + existingRows, 1, plan.newRows.length, width).setValues(plan.newRows);
  }
  formatMeasures(sheet, lastRow);
  const prints: Record<string, string> = {};
  for (const [id, list] of Object.entries(plan.fingerprints))
    prints[FINGERPRINT_PREFIX + id] = JSON.stringify(list);
  props.setProperties(prints);
  return {
    sheetName: MEASURES_TAB,
    rows: lastRow - 1,
    summary: plan.summary,
    rowsById: Object.fromEntries(plan.rowsById),
  };
}

function formatMeasures(sheet: GoogleAppsScript.Spreadsheet.Sheet, lastRow: number): void {
  const width = MEASURE_COLUMNS.length;
  sheet
    .getRange(1, 1, 1, width)
    .setFontWeight('bold')
    .setBackground('#e8f0fe')
    .setVerticalAlignment('middle');
  sheet.setFrozenRows(1);
  WIDTHS.forEach((px, i) => {
    sheet.setColumnWidth(i + 1, px);
  });
  if (lastRow < 2) return;
  const rows = lastRow - 1;
  sheet.getRange(2, 1, rows, width).setWrap(true).setVerticalAlignment('top');
  const status = SpreadsheetApp.newDataValidation()
    .requireValueInList([...STATUSES], true)
    .setAllowInvalid(false)
    .setHelpText(`เลือก ${STATUSES.join(' / ')}`)
    .build();
  sheet.getRange(2, 8, rows, 1).setDataValidation(status);
  const progress = SpreadsheetApp.newDataValidation()
    .requireNumberBetween(0, 100)
    .setAllowInvalid(false)
    .setHelpText('ร้อยละ 0–100')
    .build();
  sheet.getRange(2, 9, rows, 1).setDataValidation(progress);
}
