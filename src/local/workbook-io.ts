import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { writeFilesAtomically } from './atomic';
import { toA1 } from './runtime/a1';
import { gasError, isDate, type RuntimeContext } from './runtime/context';
import type { Runtime } from './runtime/index';
import {
  type CellValue,
  DataValidation,
  type FileCell,
  type SheetImpl,
  SpreadsheetImpl,
} from './runtime/spreadsheet';
import {
  cellValue,
  checkCellLimit,
  type FilledCell,
  filledCells,
  GOOGLE_CELL_LIMIT,
  loadXlsx,
  TooManyCellsError,
  UnreadableWorkbookError,
  unsavedFormula,
  WorkbookLimitError,
} from './xlsx';

/**
 * What a Google spreadsheet keeps that an .xlsx file has no place for (document properties, protections
 * with their editors, who may edit the file) travels in one very hidden sheet of this name.
 */
export const STATE_SHEET = '_ita_report_state';
const CHUNK = 30000;
const YIELD_ROWS = 2000;

interface SavedState {
  owner: string;
  editors: string[];
  viewers: string[];
  documentProperties: Record<string, string>;
  protections: {
    sheet: string;
    range: string | null;
    description: string;
    editors: string[] | null;
    warningOnly: boolean;
    domainEdit: boolean;
  }[];
}

const PX_PER_CHAR = 7;

/** The state sheet's JSON, or null with a note when it is not readable (it is then ignored, never fatal). */
function readState(workbook: ExcelJS.Workbook, notes: string[]): SavedState | null {
  const stateSheet = workbook.getWorksheet(STATE_SHEET);
  if (!stateSheet) return null;
  const text: string[] = [];
  stateSheet.eachRow((row) => {
    text.push(String(cellValue(row.getCell(1).value)));
  });
  try {
    const state = JSON.parse(text.join('')) as SavedState;
    if (typeof state !== 'object' || state === null || !Array.isArray(state.protections))
      throw new Error('not a state');
    if (typeof state.documentProperties !== 'object' || state.documentProperties === null)
      throw new Error('not a state');
    return state;
  } catch (_e) {
    notes.push(
      `แท็บ ${STATE_SHEET} เสียหาย จึงไม่ใช้ (การแก้ไขของผู้ใช้ที่บันทึกไว้จะถือว่าเป็นการแก้ไขทั้งหมด) / the ${STATE_SHEET} tab is damaged and is ignored: what the add-on wrote last time is unknown, so every cell is kept as a person's edit`,
    );
    return null;
  }
}

/** Loads an .xlsx workbook as the spreadsheet of a local runtime. `notes` says what could not be kept. */
export async function loadSpreadsheet(path: string, name = 'ita-report') {
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await loadXlsx(path);
  } catch (e) {
    if (e instanceof WorkbookLimitError) throw e;
    throw new UnreadableWorkbookError(e);
  }
  const notes: string[] = [];
  const state = readState(workbook, notes);
  const sheets = workbook.worksheets
    .filter((ws) => ws.name !== STATE_SHEET)
    .map((ws) => {
      const filled = filledCells(ws);
      checkCellLimit(ws, filled);
      for (const address of filled.dropped)
        notes.push(
          `${ws.name}!${address}: เว้นช่องที่มีแต่ช่องว่างหลังข้อมูล / a cell holding only spaces beyond the data is left out`,
        );
      return { ws, filled };
    });
  const cells = sheets.reduce((n, { filled }) => n + filled.rows * filled.columns, 0);
  if (cells > GOOGLE_CELL_LIMIT) {
    const n = cells.toLocaleString('en');
    const limit = GOOGLE_CELL_LIMIT.toLocaleString('en');
    throw new TooManyCellsError(
      `the tabs span ${n} cells, over the ${limit} cells a Google spreadsheet can hold`,
      `แท็บทั้งหมดรวมกันมี ${n} ช่อง เกิน ${limit} ช่องที่สเปรดชีตของ Google เก็บได้`,
      null,
      'too-many-cells',
    );
  }
  notes.push(...unkeptFeatures(sheets));
  // Formulas with no saved result read as '' here, where Sheets would calculate them: the findings about
  // these cells say so (explainUnsavedFormulas).
  const unsaved = sheets.map(({ ws, filled }) => ({
    name: ws.name,
    values: [],
    unsaved: filled.cells.filter(unsavedFormula).map((c): [number, number] => [c.row - 1, c.column - 1]),
  }));
  return {
    state,
    notes,
    unsaved,
    build: (context: RuntimeContext): SpreadsheetImpl => {
      const ss = SpreadsheetImpl._create(context, name, state?.owner ?? context.user);
      if (state) {
        ss._state.editors = [...state.editors];
        ss._state.viewers = [...state.viewers];
      }
      for (const { ws, filled } of sheets) loadSheet(context, ss.insertSheet(ws.name), ws, filled);
      if (ss._state.sheets.length === 0) ss.insertSheet('Sheet1');
      ss._state.activeSheet = ss._state.sheets[0];
      ss._state.fileDefinedNames = workbook.definedNames.model;
      for (const p of state?.protections ?? []) {
        const sheet = ss._state.sheets.find((s) => s._name === p.sheet);
        if (!sheet) continue;
        const protection = p.range ? sheet.getRange(p.range).protect() : sheet.protect();
        protection._description = p.description;
        protection._editors = p.editors;
        protection._warningOnly = p.warningOnly;
        protection._domainEdit = p.domainEdit;
      }
      return ss;
    },
  };
}

/**
 * What an .xlsx may hold that the local runtime does not keep in the workbook it writes: said on stdout
 * (and in the README), never dropped silently.
 */
function unkeptFeatures(
  sheets: { ws: ExcelJS.Worksheet; filled: ReturnType<typeof filledCells> }[],
): string[] {
  const notes: string[] = [];
  for (const { ws, filled } of sheets) {
    const lost: string[] = [];
    const model = ws as unknown as { conditionalFormattings?: unknown[] };
    if (model.conditionalFormattings?.length) lost.push('conditional formatting');
    if (ws.getImages().length) lost.push('images');
    if (ws.columns?.some((c) => c.hidden)) lost.push('hidden columns');
    if (filled.cells.some((c) => c.cell.row !== undefined && ws.getRow(c.row).hidden))
      lost.push('hidden rows');
    if (
      filled.cells.some(
        (c) => typeof c.cell.value === 'object' && c.cell.value !== null && 'richText' in c.cell.value,
      )
    )
      lost.push('the formatting inside rich-text cells (their text and cell style are kept)');
    if (
      hasValidations(ws) &&
      filled.cells.some((c) => c.cell.dataValidation && c.cell.dataValidation.type !== 'list')
    )
      lost.push('data validation other than lists');
    if (lost.length > 0)
      notes.push(`${ws.name}: เก็บไม่ได้ในไฟล์ที่เขียน / not kept in the written workbook: ${lost.join(', ')}`);
  }
  return notes;
}

/** A new sheet's 1000 × 26 grid around the data, where that stays small; the data's own size otherwise. */
function gridSize(rows: number, columns: number): { rows: number; columns: number } {
  const padded = { rows: Math.max(1000, rows), columns: Math.max(26, columns) };
  if (padded.rows * padded.columns <= 1_000_000) return padded;
  return { rows: Math.max(1, rows), columns: Math.max(1, columns) };
}

function loadSheet(
  context: RuntimeContext,
  sheet: SheetImpl,
  ws: ExcelJS.Worksheet,
  filled: ReturnType<typeof filledCells>,
) {
  const grid = gridSize(filled.rows, filled.columns);
  sheet._maxRows = grid.rows;
  sheet._maxColumns = grid.columns;
  const validations = hasValidations(ws);
  for (const c of filled.cells) loadCell(context, sheet, c, validations);
  // Styles of empty cells (a fill, a number format on a column of blanks) within the data.
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r > filled.rows) return;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (c > filled.columns || cell.value !== null) return;
      if (Object.keys(cell.style ?? {}).length) sheet._fileCells.set(`${r},${c}`, { style: cell.style });
    });
  });
  const view = ws.views?.[0] as { state?: string; ySplit?: number } | undefined;
  if (view?.state === 'frozen' && view.ySplit) sheet._frozenRows = view.ySplit;
  ws.columns?.forEach((column, i) => {
    if (column.width) sheet._columnWidths.set(i + 1, Math.round(column.width * PX_PER_CHAR));
  });
  if (ws.state === 'hidden' || ws.state === 'veryHidden') sheet._hidden = true;
  sheet._veryHidden = ws.state === 'veryHidden';
  sheet._autoFilter = ws.autoFilter ?? null;
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const [a, b] = range.split(':').map((ref) => ws.getCell(ref));
    sheet._merges.push({
      top: Number(a.row),
      left: Number(a.col),
      bottom: Number(b.row),
      right: Number(b.col),
    });
  }
}

/** The error a cell holds (`#DIV/0!`), itself or as its formula's result, or null. */
function errorOf(value: ExcelJS.CellValue): string | null {
  if (typeof value !== 'object' || value === null) return null;
  if ('error' in value) return String(value.error);
  const result = (value as ExcelJS.CellFormulaValue).result;
  return typeof result === 'object' && result !== null && 'error' in result ? String(result.error) : null;
}

/** Whether a worksheet has any data validation (most have none: then no cell need look for one). */
function hasValidations(ws: ExcelJS.Worksheet): boolean {
  const model = (ws as unknown as { dataValidations?: { model?: object } }).dataValidations?.model;
  return model !== undefined && Object.keys(model).length > 0;
}

function loadCell(
  context: RuntimeContext,
  sheet: SheetImpl,
  { row: r, column: c, cell, value }: FilledCell,
  validations: boolean,
) {
  const k = `${r},${c}`;
  if (value !== '') sheet._set(r, c, value as CellValue);
  if (cell.formula) sheet._formulas.set(k, `=${cell.formula}`);
  const hyperlink = (cell.value as ExcelJS.CellHyperlinkValue | null)?.hyperlink;
  const note = cell.note;
  const error = errorOf(cell.value);
  const styled = Object.keys(cell.style ?? {}).length > 0;
  // Most cells of a large tab have nothing to keep: no entry for them (a third of the memory of the tab).
  if (styled || note || typeof hyperlink === 'string' || error)
    sheet._fileCells.set(k, {
      ...(styled ? { style: cell.style } : {}),
      ...(note ? { note } : {}),
      ...(typeof hyperlink === 'string' ? { hyperlink } : {}),
      ...(error ? { error } : {}),
    });
  if (cell.font?.bold) sheet._formats.set(k, { ...sheet._formats.get(k), fontWeight: 'bold' });
  if (cell.numFmt) sheet._formats.set(k, { ...sheet._formats.get(k), numberFormat: cell.numFmt });
  const dv = validations ? cell.dataValidation : undefined;
  if (dv?.type === 'list' && dv.formulae?.[0]) {
    const list = String(dv.formulae[0]).replace(/^"|"$/g, '').split(',');
    sheet._validations.set(
      k,
      new DataValidation(context, {
        criteria: 'VALUE_IN_LIST',
        values: [list, true],
        allowInvalid: !dv.showErrorMessage,
        helpText: dv.prompt ?? '',
      }),
    );
  }
}

/** Restores the document properties kept in the state sheet into a runtime. */
export function restoreProperties(runtime: Runtime, state: SavedState | null): void {
  for (const [k, v] of Object.entries(state?.documentProperties ?? {})) runtime.documentProperties.set(k, v);
}

/**
 * A formula keeps its last value (what the sheet showed) as the file's cached result. An error read from the
 * file (`#DIV/0!`) that still reads the same is written as an error, not as its text.
 */
function xlsxValue(
  value: CellValue | '',
  formula: string | undefined,
  kept: FileCell | undefined,
): ExcelJS.CellValue {
  const plain = value === '' ? null : isDate(value) ? new Date(value.getTime()) : value;
  const hyperlink = kept?.hyperlink;
  const error = kept?.error !== undefined && plain === kept.error ? { error: kept.error } : null;
  if (formula) {
    const result = error ?? (plain === null || plain === '#ERROR!' ? undefined : plain);
    return {
      formula: formula.slice(1),
      ...(result !== undefined ? { result } : {}),
    } as ExcelJS.CellFormulaValue;
  }
  if (error) return error as ExcelJS.CellErrorValue;
  if (hyperlink && typeof plain === 'string') return { text: plain, hyperlink };
  return plain;
}

/** Writes the runtime's spreadsheet as an .xlsx workbook (atomically: the whole file or the old one). */
export async function saveSpreadsheet(runtime: Runtime, path: string): Promise<void> {
  const data = await spreadsheetToXlsx(runtime);
  try {
    writeFilesAtomically([{ path, data }]);
  } catch (e) {
    throw gasError(`cannot write ${path}: ${(e as Error).message}`);
  }
}

/**
 * The cells that hold a value, a formula or something kept for the file, by row in order (the streaming
 * writer takes rows in order), each row's columns in order: never the grid up to the last one. Rows are made
 * one at a time, so that a large tab's list of cells never exists whole.
 */
function* cellsToWrite(sheet: SheetImpl): Generator<[number, number[]]> {
  const extra = new Map<number, number[]>();
  let lastRow = sheet._values.length;
  for (const map of [sheet._formulas, sheet._formats, sheet._fileCells]) {
    for (const k of map.keys()) {
      const comma = k.indexOf(',');
      const r = Number(k.slice(0, comma));
      const columns = extra.get(r);
      if (columns) columns.push(Number(k.slice(comma + 1)));
      else extra.set(r, [Number(k.slice(comma + 1))]);
      if (r > lastRow) lastRow = r;
    }
  }
  for (let r = 1; r <= lastRow; r++) {
    const columns: number[] = extra.get(r) ?? [];
    sheet._values[r - 1]?.forEach((v, c) => {
      if (v !== '') columns.push(c + 1);
    });
    if (columns.length > 0) yield [r, [...new Set(columns)].sort((a, b) => a - b)];
  }
}

type CellFormat = ReturnType<SheetImpl['_formats']['get']>;

/**
 * The style a written cell gets: the file's own, with the add-on's formats over it. Cells alike share one
 * object: exceljs then finds the cell's style entry by that object, where it would otherwise build the entry
 * again for every cell (a second of a large tab). Alike includes the kind of value, because exceljs gives
 * a style with no number format of its own a date's or a number's default by the first cell it sees with it.
 */
class CellStyles {
  private readonly byFileStyle = new WeakMap<object, Map<string, Partial<ExcelJS.Style>>>();
  private readonly plain = new Map<string, Partial<ExcelJS.Style>>();

  of(kept: FileCell | undefined, format: CellFormat, value: ExcelJS.CellValue): Partial<ExcelJS.Style> {
    const base = kept?.style && Object.keys(kept.style).length > 0 ? (kept.style as object) : null;
    const key = `${valueKind(value)}|${format?.fontWeight ?? ''}|${format?.background ?? ''}|${format?.wrap ?? ''}|${format?.numberFormat ?? ''}`;
    let alike = base ? this.byFileStyle.get(base) : this.plain;
    if (!alike) {
      alike = new Map();
      this.byFileStyle.set(base as object, alike);
    }
    let style = alike.get(key);
    if (!style) {
      style = composeStyle(base, format);
      alike.set(key, style);
    }
    return style;
  }
}

/** A date, a number, or anything else, a formula by its result: what exceljs's default number format follows. */
function valueKind(value: ExcelJS.CellValue): 'date' | 'number' | 'other' {
  const shown =
    typeof value === 'object' && value !== null && 'formula' in value
      ? (value as ExcelJS.CellFormulaValue).result
      : value;
  if (shown instanceof Date) return 'date';
  return typeof shown === 'number' ? 'number' : 'other';
}

function composeStyle(base: object | null, format: CellFormat): Partial<ExcelJS.Style> {
  const style = (base ? JSON.parse(JSON.stringify(base)) : {}) as Partial<ExcelJS.Style>;
  if (format?.fontWeight === 'bold') style.font = { ...style.font, bold: true };
  if (format?.background && format.background !== '#ffffff') {
    style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${format.background.slice(1)}` } };
  }
  if (format?.wrap) style.alignment = { ...style.alignment, wrapText: true, vertical: 'top' };
  if (format?.numberFormat) style.numFmt = format.numberFormat;
  return style;
}

function writeCell(sheet: SheetImpl, row: ExcelJS.Row, r: number, c: number, styles: CellStyles): void {
  const k = `${r},${c}`;
  const cell = row.getCell(c);
  const kept = sheet._fileCells.get(k);
  const value = xlsxValue(sheet._get(r, c), sheet._formulas.get(k), kept);
  cell.style = styles.of(kept, sheet._formats.get(k), value);
  cell.value = value;
  if (kept?.note) cell.note = kept.note as ExcelJS.Comment;
}

/** The list rules of a sheet, as the file writes them. */
function writeValidations(sheet: SheetImpl, ws: ExcelJS.Worksheet): void {
  for (const [k, rule] of sheet._validations) {
    const [r, c] = k.split(',').map(Number);
    if (rule._spec.criteria !== 'VALUE_IN_LIST') continue;
    const list = (rule._spec.values[0] as string[]).join(',');
    (
      ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add(toA1(r, c), {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list}"`],
      showErrorMessage: !rule._spec.allowInvalid,
      prompt: rule._spec.helpText || undefined,
    });
  }
}

/**
 * One sheet, row by row: each row is written out (and let go) once its cells are set; the rows down to the
 * last merge's bottom are held until their cells are set and the merges made (merged after the values, as
 * the whole-workbook writer did), since a row written out can no longer be merged.
 */
async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: SheetImpl): Promise<void> {
  const ws = workbook.addWorksheet(sheet._name, {
    views: sheet._frozenRows ? [{ state: 'frozen', ySplit: sheet._frozenRows }] : [],
    state: sheet._veryHidden && sheet._hidden ? 'veryHidden' : sheet._hidden ? 'hidden' : 'visible',
  });
  for (const [c, px] of sheet._columnWidths) ws.getColumn(c).width = Math.round((px / PX_PER_CHAR) * 10) / 10;
  const mergedTo = sheet._merges.reduce((last, m) => Math.max(last, m.bottom), 0);
  let merged = sheet._merges.length === 0;
  let written = 0;
  const styles = new CellStyles();
  for (const [r, columns] of cellsToWrite(sheet)) {
    if (!merged && r > mergedTo) {
      mergeAll(sheet, ws);
      merged = true;
    }
    const row = ws.getRow(r);
    for (const c of columns) writeCell(sheet, row, r, c, styles);
    if (merged) row.commit();
    // The zip compresses what was written only when the event loop turns: let it, or the rows pile up.
    if (++written % YIELD_ROWS === 0) await new Promise(setImmediate);
  }
  if (!merged) mergeAll(sheet, ws);
  writeValidations(sheet, ws);
  if (sheet._autoFilter) ws.autoFilter = sheet._autoFilter as ExcelJS.AutoFilter;
  ws.commit();
}

function mergeAll(sheet: SheetImpl, ws: ExcelJS.Worksheet): void {
  for (const m of sheet._merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
}

/** The runtime's spreadsheet as the bytes of an .xlsx workbook, its state in the hidden state sheet. */
export async function spreadsheetToXlsx(runtime: Runtime): Promise<Buffer> {
  const ss = runtime.spreadsheet;
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = 'ita-report';
  for (const sheet of ss._state.sheets) await writeSheet(workbook, sheet);
  if (ss._state.fileDefinedNames) workbook.definedNames.model = ss._state.fileDefinedNames as never;
  const state: SavedState = {
    owner: ss._state.owner,
    editors: ss._state.editors,
    viewers: ss._state.viewers,
    documentProperties: Object.fromEntries(runtime.documentProperties),
    protections: ss._state.protections.map((p) => ({
      sheet: p._sheet._name,
      range: p._range ? toA1(p._range.row, p._range.column, p._range.numRows, p._range.numColumns) : null,
      description: p._description,
      editors: p._editors,
      warningOnly: p._warningOnly,
      domainEdit: p._domainEdit,
    })),
  };
  const json = JSON.stringify(state);
  const stateSheet = workbook.addWorksheet(STATE_SHEET, { state: 'veryHidden' });
  for (let i = 0; i * CHUNK < json.length || i === 0; i++)
    stateSheet.getCell(i + 1, 1).value = json.slice(i * CHUNK, (i + 1) * CHUNK);
  stateSheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
