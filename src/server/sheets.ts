import { mayHoldPercentages, readPercentAsShown } from '../core/workbook/percent';
import type { SheetData } from '../core/workbook/reader';
import { matchesAlias, TABS, type TabKey } from '../core/workbook/schema';

const KNOWN = Object.values(TABS);

/** The open spreadsheet and its sheets, listed once a server call. */
export interface OpenWorkbook {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  tabs: GoogleAppsScript.Spreadsheet.Sheet[];
}

export function openWorkbook(): OpenWorkbook {
  const spreadsheet = SpreadsheetApp.getActive();
  return { spreadsheet, tabs: spreadsheet.getSheets() };
}

/**
 * The tabs of the workbook format in the open spreadsheet, each read with one getValues() call, and one
 * getNumberFormats() call where a number could be a percentage (a score typed as 96.06% is stored as
 * 0.9606: it is read as shown). Other tabs (the agency's own data, however large) are not read: the
 * analysis ignores them anyway.
 */
export function readAllTabs(
  tabs: readonly GoogleAppsScript.Spreadsheet.Sheet[],
  only: readonly (readonly string[])[] = KNOWN,
): SheetData[] {
  return tabs
    .map((sheet) => ({ sheet, name: sheet.getName() }))
    .filter(({ name }) => only.some((aliases) => matchesAlias(name, aliases)))
    .map(({ sheet, name }) => {
      const range = sheet.getDataRange();
      const values = range.getValues();
      return {
        name,
        values: mayHoldPercentages(values) ? readPercentAsShown(values, range.getNumberFormats()) : values,
      };
    });
}

/**
 * The sheet of one tab of the workbook format, by any of its names (`มาตรการ` or `Measures`), or null; from
 * the list of sheets the call already has (getSheets is a round trip).
 */
export function findSheet(
  tabs: readonly GoogleAppsScript.Spreadsheet.Sheet[],
  key: TabKey,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  return tabs.find((sheet) => matchesAlias(sheet.getName(), TABS[key])) ?? null;
}
