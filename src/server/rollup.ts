import { errorFindings, errorLines } from '../core/findings';
import type { Rollup } from '../core/rollup/analyze';
import { OVERVIEW_TAB } from '../core/rollup/report';
import { clampCellText } from '../core/workbook/limits';
import { UserError } from './errors';
import type { OpenWorkbook } from './sheets';

/** The roll-up needs the settings and the assessed year's rows of the agencies tab. */
export function requireRollup(rollup: Rollup, force: boolean): void {
  if (!rollup.ok) {
    const first = rollup.findings.find((f) => f.severity === 'error');
    throw new UserError(
      'not-analysable',
      `สรุปภาพรวมไม่ได้: ${first?.message ?? 'ไม่มีแท็บตั้งค่าหรือแท็บผลหน่วยงาน'}`,
      `Cannot roll up: ${first?.message_en ?? 'no settings or agencies tab'}`,
    );
  }
  const errors = errorFindings(rollup.findings);
  if (errors.length === 0 || force) return;
  throw new UserError(
    'data-errors',
    `ข้อมูลมีข้อผิดพลาด ${errors.length} รายการ จึงยังไม่สร้าง: ${errorLines(errors, 'th').join('; ')}`,
    `The data has ${errors.length} error(s), so nothing was built: ${errorLines(errors, 'en').join('; ')}`,
  );
}

/**
 * Writes the `ภาพรวมหน่วยงาน` tab (every agency, which the report points to) in one setValues, whatever the
 * number of agencies: the tab is the add-on's and is rewritten whole on each build.
 */
export function writeOverviewTab(
  workbook: OpenWorkbook,
  rows: (string | number)[][],
): { sheetName: string; rows: number } {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const grid = rows.map((r) => [
    ...r.map((v) => (typeof v === 'string' ? clampCellText(v) : v)),
    ...Array(width - r.length).fill(''),
  ]);
  let sheet = workbook.tabs.find((s) => s.getName() === OVERVIEW_TAB) ?? null;
  if (!sheet) sheet = workbook.spreadsheet.insertSheet(OVERVIEW_TAB);
  else sheet.clearContents();
  if (sheet.getMaxRows() < grid.length)
    sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
  if (sheet.getMaxColumns() < width)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  if (grid.length > 0) {
    sheet.getRange(1, 1, grid.length, width).setValues(grid);
    sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground('#e8f0fe');
    sheet.setFrozenRows(1);
  }
  return { sheetName: OVERVIEW_TAB, rows: Math.max(0, grid.length - 1) };
}
