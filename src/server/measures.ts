import type { Analysis } from '../core/analysis/analyze';
import { followUpColumns, followUpRounds, roundColumn } from '../core/measures/follow-up';
import { generateMeasures, readUserLibrary } from '../core/measures/generate';
import {
  MEASURE_COLUMNS,
  MEASURES_TAB,
  type MeasuresPlan,
  measuresTabOf,
  planMeasures,
  STATUSES,
} from '../core/measures/tab';
import { clampCellText } from '../core/workbook/limits';
import type { SheetData } from '../core/workbook/reader';
import type { DocumentProps } from './document-props';
import { UserError } from './errors';
import { findSheet, type OpenWorkbook } from './sheets';

const FINGERPRINT_PREFIX = 'ita.m.';
/** Column widths in pixels, in the order of MEASURE_COLUMNS; the follow-up columns after them. */
const WIDTHS = [150, 70, 260, 380, 320, 150, 120, 120, 90, 200, 200, 170, 220, 220, 220, 220];
const FOLLOW_UP_WIDTHS = { percent: 110, text: 240 };

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
  workbook: OpenWorkbook,
  analysis: Analysis,
  sheets: readonly SheetData[],
  props: DocumentProps,
): MeasuresResult {
  const stored: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(props.all())) {
    if (k.startsWith(FINGERPRINT_PREFIX)) stored[k.slice(FINGERPRINT_PREFIX.length)] = JSON.parse(v);
  }
  let sheet = findSheet(workbook.tabs, 'measures');
  const tabName = sheet?.getName() ?? MEASURES_TAB;
  // Every row as it stands, blank ones included, so that row numbers stay true; formulas too, to keep them.
  const existing = measuresTabOf(sheets)?.values ?? [];
  const formulas =
    sheet && existing.length > 0
      ? sheet.getRange(1, 1, existing.length, existing[0].length).getFormulas()
      : [];
  const thai = analysis.workbook.settings?.thaiDigits ?? true;
  const generated = generateMeasures(analysis, readUserLibrary(sheets), thai);
  const planYear = (analysis.current?.year ?? 0) + 1;
  const rounds = followUpRounds(analysis.workbook.settings, planYear);
  const plan = clampPlanTexts(planMeasures(existing, formulas, stored, generated, followUpColumns(rounds)));
  if (plan.foreign && plan.headerBelow !== null) {
    throw new UserError(
      'measures-header-row',
      `แท็บ "${tabName}" มีหัวคอลัมน์ "รหัส" อยู่ที่แถว ${plan.headerBelow} แต่หัวคอลัมน์ต้องอยู่แถวที่ 1 โปรดลบแถวที่อยู่เหนือหัวคอลัมน์ (เช่น ชื่อตาราง) แล้วลองใหม่ ไม่มีการเขียนทับข้อมูล`,
      `The "${tabName}" tab has its "รหัส" header in row ${plan.headerBelow}, but the header must be in row 1: delete the rows above it (a title, say) and try again. Nothing was written`,
    );
  }
  if (plan.foreign) {
    throw new UserError(
      'foreign-measures-tab',
      `แท็บ "${tabName}" มีข้อมูลอยู่แล้วแต่ไม่มีคอลัมน์ "รหัส" จึงไม่เขียนทับ โปรดเปลี่ยนชื่อแท็บเดิมแล้วลองใหม่`,
      `The "${tabName}" tab already holds data without a "รหัส" column, so nothing is written over it; rename it and try again`,
    );
  }
  if (!sheet) sheet = workbook.spreadsheet.insertSheet(MEASURES_TAB);
  const width = plan.header.length;
  const lastRow = 1 + plan.existingRows + plan.newRows.length;
  if (lastRow > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), lastRow - sheet.getMaxRows());
  if (width > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  // A code such as 2568-3-1 would be read as a date: the รหัส column is plain text before anything is written.
  if (lastRow >= 2) sheet.getRange(2, plan.header.indexOf('รหัส') + 1, lastRow - 1, 1).setNumberFormat('@');
  if (plan.existingRows === 0) {
    sheet.getRange(1, 1, 1 + plan.newRows.length, width).setValues([plan.header, ...plan.newRows]);
  } else {
    if (plan.headerChanged) sheet.getRange(1, 1, 1, width).setValues([plan.header]);
    for (const block of plan.blocks) {
      sheet.getRange(2, block.column + 1, plan.existingRows, block.values[0].length).setValues(block.values);
    }
    if (plan.newRows.length > 0)
      sheet.getRange(2 + plan.existingRows, 1, plan.newRows.length, width).setValues(plan.newRows);
  }
  const percentColumns = ['ความคืบหน้า (%)', ...rounds.map(roundColumn)];
  formatMeasures(sheet, plan.header, lastRow, {
    fresh: plan.existingRows === 0 && existing.length === 0,
    percentColumns,
    own: new Set([...MEASURE_COLUMNS, ...followUpColumns(rounds)]),
  });
  const prints: Record<string, string> = {};
  for (const [id, list] of Object.entries(plan.fingerprints))
    prints[FINGERPRINT_PREFIX + id] = JSON.stringify(list);
  props.set(prints);
  return {
    sheetName: tabName,
    rows: lastRow - 1,
    summary: plan.summary,
    rowsById: Object.fromEntries(plan.rowsById),
  };
}

/** Generated texts cut to what a Sheets cell holds: a longer one would make setValues throw. */
function clampPlanTexts(plan: MeasuresPlan): MeasuresPlan {
  const clampRows = (rows: unknown[][]) =>
    rows.map((row) => row.map((v) => (typeof v === 'string' ? clampCellText(v) : v)));
  return {
    ...plan,
    newRows: clampRows(plan.newRows) as MeasuresPlan['newRows'],
    blocks: plan.blocks.map((b) => ({ ...b, values: clampRows(b.values) as typeof b.values })),
  };
}

/** The runs of consecutive columns (1-based start, count) whose header is one of `own`. */
function ownRuns(header: readonly string[], own: ReadonlySet<string>): [number, number][] {
  const runs: [number, number][] = [];
  header.forEach((name, i) => {
    if (!own.has(name)) return;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === i + 1) last[1]++;
    else runs.push([i + 1, 1]);
  });
  return runs;
}

/** A column's width on a new measures tab, in pixels, by its header. */
function columnWidth(name: string): number {
  const known = (MEASURE_COLUMNS as readonly string[]).indexOf(name);
  if (known >= 0) return WIDTHS[known];
  return name.endsWith('(%)') ? FOLLOW_UP_WIDTHS.percent : FOLLOW_UP_WIDTHS.text;
}

/**
 * Header style, frozen row, the rules of the cells divisions fill (a status from the list, percentages
 * 0–100, evidence links); column widths only on a new tab (people resize columns).
 */
function formatMeasures(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  header: string[],
  lastRow: number,
  options: { fresh: boolean; percentColumns: readonly string[]; own: ReadonlySet<string> },
): void {
  const width = header.length;
  // The header style on the add-on's own columns only: a person's extra columns keep theirs.
  for (const [start, count] of ownRuns(header, options.own)) {
    sheet
      .getRange(1, start, 1, count)
      .setFontWeight('bold')
      .setBackground('#e8f0fe')
      .setVerticalAlignment('middle');
  }
  sheet.setFrozenRows(1);
  if (options.fresh) {
    // One call a run of columns of the same width.
    const widths = header.map(columnWidth);
    for (let start = 0; start < widths.length; ) {
      let end = start + 1;
      while (end < widths.length && widths[end] === widths[start]) end++;
      sheet.setColumnWidths(start + 1, end - start, widths[start]);
      start = end;
    }
  }
  if (lastRow < 2) return;
  const rows = lastRow - 1;
  sheet.getRange(2, 1, rows, width).setWrap(true).setVerticalAlignment('top');
  const status = SpreadsheetApp.newDataValidation()
    .requireValueInList([...STATUSES], true)
    .setAllowInvalid(false)
    .setHelpText(`เลือก ${STATUSES.join(' / ')}`)
    .build();
  sheet.getRange(2, header.indexOf('สถานะ') + 1, rows, 1).setDataValidation(status);
  const progress = SpreadsheetApp.newDataValidation()
    .requireNumberBetween(0, 100)
    .setAllowInvalid(false)
    .setHelpText('ร้อยละ 0–100')
    .build();
  for (const name of options.percentColumns)
    sheet.getRange(2, header.indexOf(name) + 1, rows, 1).setDataValidation(progress);
  // A warning, not a refusal: a cell may hold several links, one a line, which the URL rule does not read.
  const evidence = SpreadsheetApp.newDataValidation()
    .requireTextIsUrl()
    .setAllowInvalid(true)
    .setHelpText('ลิงก์หลักฐาน (ไฟล์ใน Google Drive หรือหน้าเว็บ) หลายลิงก์ให้ขึ้นบรรทัดใหม่ / evidence links, one a line')
    .build();
  sheet.getRange(2, header.indexOf('หลักฐาน') + 1, rows, 1).setDataValidation(evidence);
}
