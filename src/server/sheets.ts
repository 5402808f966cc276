import { mayHoldPercentages, readPercentAsShown } from '../core/workbook/percent';
import type { SheetData } from '../core/workbook/reader';
import { matchesAlias, TABS, type TabKey } from '../core/workbook/schema';

const KNOWN = Object.values(TABS);

/**
 * The tabs of the workbook format in the open spreadsheet, each read with one getValues() call, and one
 * getNumberFormats() call where a number could be a percentage (a score typed as 96.06% is stored as
 * 0.9606: it is read as shown). Other tabs (the agency's own data, however large) are not read: the
 * analysis ignores them anyway.
 */
export function readAllTabs(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  only: readonly (readonly string[])[] = KNOWN,
): SheetData[] {
  return spreadsheet
    .getSheets()
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

/** The sheet of one tab of the workbook format, by any of its names (`มาตรการ` or `Measures`), or null. */
export function findSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: TabKey,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  return spreadsheet.getSheets().find((sheet) => matchesAlias(sheet.getName(), TABS[key])) ?? null;
}
