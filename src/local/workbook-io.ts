import ExcelJS from 'exceljs';
import { writeFilesAtomically } from './atomic';
import { toA1 } from './runtime/a1';
import { gasError, isDate, type RuntimeContext } from './runtime/context';
import type { Runtime } from './runtime/index';
import { type CellValue, DataValidation, SpreadsheetImpl } from './runtime/spreadsheet';
import { cellValue } from './xlsx';

/**
 * What a Google spreadsheet keeps that an .xlsx file has no place for (document properties, protections
 * with their editors, who may edit the file) travels in one very hidden sheet of this name.
 */
export const STATE_SHEET = '_ita_report_state';
const CHUNK = 30000;

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

/** Loads an .xlsx workbook as the spreadsheet of a local runtime. */
export async function loadSpreadsheet(path: string, name = 'ita-report') {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (e) {
    throw new Error(`cannot read ${path} as an .xlsx workbook (${(e as Error).message})`);
  }
  let state: SavedState | null = null;
  const stateSheet = workbook.getWorksheet(STATE_SHEET);
  if (stateSheet) {
    const text: string[] = [];
    stateSheet.eachRow((row) => {
      text.push(String(cellValue(row.getCell(1).value)));
    });
    state = JSON.parse(text.join('')) as SavedState;
  }
  return {
    state,
    build: (context: RuntimeContext): SpreadsheetImpl => {
      const ss = SpreadsheetImpl._create(context, name, state?.owner ?? context.user);
      if (state) {
        ss._state.editors = [...state.editors];
        ss._state.viewers = [...state.viewers];
      }
      for (const ws of workbook.worksheets) {
        if (ws.name === STATE_SHEET) continue;
        const sheet = ss.insertSheet(ws.name);
        const rows = ws.actualRowCount === 0 ? 0 : ws.rowCount;
        const cols = ws.actualColumnCount === 0 ? 0 : ws.columnCount;
        sheet._maxRows = Math.max(1000, rows);
        sheet._maxColumns = Math.max(26, cols);
        for (let r = 1; r <= rows; r++) {
          const row = ws.getRow(r);
          for (let c = 1; c <= cols; c++) {
            const cell = row.getCell(c);
            const value = cellValue(cell.value);
            if (value !== '') sheet._set(r, c, value as CellValue);
            const formula = (cell.value as ExcelJS.CellFormulaValue | null)?.formula;
            if (formula) sheet._formulas.set(`${r},${c}`, `=${formula}`);
            if (cell.font?.bold)
              sheet._formats.set(`${r},${c}`, { ...sheet._formats.get(`${r},${c}`), fontWeight: 'bold' });
            if (cell.numFmt === '@')
              sheet._formats.set(`${r},${c}`, { ...sheet._formats.get(`${r},${c}`), numberFormat: '@' });
            const dv = cell.dataValidation;
            if (dv?.type === 'list' && dv.formulae?.[0]) {
              const list = String(dv.formulae[0]).replace(/^"|"$/g, '').split(',');
              sheet._validations.set(
                `${r},${c}`,
                new DataValidation(context, {
                  criteria: 'VALUE_IN_LIST',
                  values: [list, true],
                  allowInvalid: !dv.showErrorMessage,
                  helpText: dv.prompt ?? '',
                }),
              );
            }
          }
        }
        const view = ws.views?.[0] as { state?: string; ySplit?: number } | undefined;
        if (view?.state === 'frozen' && view.ySplit) sheet._frozenRows = view.ySplit;
        ws.columns?.forEach((column, i) => {
          if (column.width) sheet._columnWidths.set(i + 1, Math.round(column.width * PX_PER_CHAR));
        });
        if (ws.state === 'hidden') sheet._hidden = true;
      }
      if (ss._state.sheets.length === 0) ss.insertSheet('Sheet1');
      ss._state.activeSheet = ss._state.sheets[0];
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

/** Restores the document properties kept in the state sheet into a runtime. */
export function restoreProperties(runtime: Runtime, state: SavedState | null): void {
  for (const [k, v] of Object.entries(state?.documentProperties ?? {})) runtime.documentProperties.set(k, v);
}

function xlsxValue(value: CellValue | '', formula: string | undefined): ExcelJS.CellValue {
  if (formula) return { formula: formula.slice(1) } as ExcelJS.CellFormulaValue;
  if (value === '') return null;
  return isDate(value) ? new Date(value.getTime()) : value;
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

/** The runtime's spreadsheet as the bytes of an .xlsx workbook, its state in the hidden state sheet. */
export async function spreadsheetToXlsx(runtime: Runtime): Promise<Buffer> {
  const ss = runtime.spreadsheet;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ita-report';
  for (const sheet of ss._state.sheets) {
    const ws = workbook.addWorksheet(sheet._name, {
      views: sheet._frozenRows ? [{ state: 'frozen', ySplit: sheet._frozenRows }] : [],
      state: sheet._hidden ? 'hidden' : 'visible',
    });
    const rows = sheet._lastRow();
    const cols = sheet._lastColumn();
    for (let r = 1; r <= Math.max(rows, 1); r++) {
      const row = ws.getRow(r);
      for (let c = 1; c <= Math.max(cols, 1); c++) {
        const k = `${r},${c}`;
        const cell = row.getCell(c);
        cell.value = xlsxValue(sheet._get(r, c), sheet._formulas.get(k));
        const format = sheet._formats.get(k);
        if (format?.fontWeight === 'bold') cell.font = { bold: true };
        if (format?.background && format.background !== '#ffffff') {
          cell.fill = {
            type: 'pattern',
            pattern: 'solid',
            fgColor: { argb: `FF${format.background.slice(1)}` },
          };
        }
        if (format?.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
        if (format?.numberFormat === '@') cell.numFmt = '@';
      }
    }
    for (const [k, rule] of sheet._validations) {
      const [r, c] = k.split(',').map(Number);
      if (rule._spec.criteria !== 'VALUE_IN_LIST') continue;
      const list = (rule._spec.values[0] as string[]).join(',');
      ws.getCell(toA1(r, c)).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list}"`],
        showErrorMessage: !rule._spec.allowInvalid,
        prompt: rule._spec.helpText || undefined,
      };
    }
    for (const [c, px] of sheet._columnWidths)
      ws.getColumn(c).width = Math.round((px / PX_PER_CHAR) * 10) / 10;
  }
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
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
