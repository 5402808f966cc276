import { chartSvg } from '../../core/report/chart-svg';
import { parseA1, toA1 } from './a1';
import { Blob } from './blob';
import { gasError, isDate, type RuntimeContext, Service } from './context';
import { typedDate, typedNumber } from './typed-input';

export type CellValue = string | number | boolean | Date;

interface CellFormat {
  numberFormat?: string;
  fontWeight?: string;
  background?: string;
  fontColor?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
}

/**
 * What an .xlsx cell carries that the local services do not model but Sheets keeps (its full style, a note,
 * a hyperlink): held for the file as read, moved with inserted rows and columns, written back.
 */
export interface FileCell {
  style?: unknown;
  note?: unknown;
  hyperlink?: string;
  /** The cell (or its formula's result) was an error such as `#DIV/0!`: written back as one while it reads the same. */
  error?: string;
}

/** A merged block of cells, 1-based and inclusive. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Google Sheets' limits that a script can reach, with the messages Sheets gives. */
export const SHEETS_LIMITS = {
  cells: 10_000_000,
  cellsMessage:
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  cellText: 50_000,
  cellTextMessage: 'Your input contains more than the maximum of 50000 characters in a single cell.',
} as const;

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;
export const DataValidationCriteria = {
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
} as const;
export const WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' } as const;
export const ChartType = { COLUMN: 'COLUMN', BAR: 'BAR', LINE: 'LINE', PIE: 'PIE', COMBO: 'COMBO' } as const;

const key = (r: number, c: number) => `${r},${c}`;

/** Sets a 1-based cell of a sheet's rows, the rows and the cells before it filled as blank. */
function setIn(values: CellValue[][], row: number, col: number, value: CellValue): void {
  while (values.length < row) values.push([]);
  const line = values[row - 1];
  while (line.length < col - 1) line.push('');
  line[col - 1] = value;
}

/** Spreadsheet-wide state shared by its sheets, ranges and protections. */
export interface SpreadsheetState {
  id: string;
  name: string;
  owner: string;
  editors: string[];
  viewers: string[];
  timeZone: string;
  locale: string;
  sheets: SheetImpl[];
  protections: ProtectionImpl[];
  activeSheet: SheetImpl | null;
  activeRange: RangeImpl | null;
  /** The selection's ranges (RangeList.activate), the active range last. */
  activeRangeList: RangeImpl[];
  toasts: string[];
  /**
   * Shared with everyone in its owner's Workspace domain as editors (Drive's sharing with a domain): each of
   * them may edit, and a new protection lets them edit what it protects, as it lets the editors (it starts
   * with the spreadsheet's editors), until `setDomainEdit(false)`.
   */
  domainEdit?: boolean;
  /** The defined names of the .xlsx file it was read from, written back as they were. */
  fileDefinedNames?: unknown;
}

const MAYBE_TYPED = /^[\s\d+\-.=tfTF]/;

/** A value typed through setValue(s) is read as Sheets reads user input, in the spreadsheet's locale. */
function interpretInput(
  value: unknown,
  numberFormat: string | undefined,
  where: { locale: string; timeZone: string },
): { value: CellValue; formula?: string } {
  if (value === null || value === undefined) return { value: '' };
  if (typeof value === 'number' || typeof value === 'boolean') return { value };
  if (isDate(value)) return { value: new Date(value.getTime()) };
  const text = String(value);
  if (numberFormat === '@') return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  // A number, date, time, TRUE/FALSE or formula starts with one of these (after spaces): other text is text.
  if (!MAYBE_TYPED.test(text)) return { value: text };
  const number = typedNumber(text);
  if (number !== null) return { value: number };
  const date = typedDate(text, where.locale, where.timeZone);
  if (date) return { value: date };
  if (/^(true|false)$/i.test(text.trim())) return { value: text.trim().toLowerCase() === 'true' };
  if (text.startsWith('=') || (/^[+-]./.test(text) && !/^[+-]\s/.test(text))) {
    // A formula: the local runtime does not evaluate formulas; its result reads as an error value.
    return { value: '#ERROR!', formula: text.startsWith('=') ? text : `=${text}` };
  }
  return { value: text };
}

export class SpreadsheetImpl extends Service {
  constructor(
    rt: RuntimeContext,
    readonly _state: SpreadsheetState,
  ) {
    super(rt, 'Spreadsheet');
  }

  static _create(rt: RuntimeContext, name: string, owner: string): SpreadsheetImpl {
    const state: SpreadsheetState = {
      id: rt.newId('spreadsheet'),
      name,
      owner,
      editors: [],
      viewers: [],
      timeZone: rt.timeZone,
      locale: 'th',
      sheets: [],
      protections: [],
      activeSheet: null,
      activeRange: null,
      activeRangeList: [],
      toasts: [],
    };
    return new SpreadsheetImpl(rt, state);
  }

  getId() {
    return this._state.id;
  }
  getName() {
    return this._state.name;
  }
  rename(name: string) {
    this._state.name = name;
  }
  getUrl() {
    return `https://docs.google.com/spreadsheets/d/${this._state.id}/edit`;
  }
  getSpreadsheetTimeZone() {
    return this._state.timeZone;
  }
  getSpreadsheetLocale() {
    return this._state.locale;
  }
  getSheets() {
    return [...this._state.sheets];
  }
  getNumSheets() {
    return this._state.sheets.length;
  }
  getSheetByName(name: string) {
    return this._state.sheets.find((s) => s._name === name) ?? null;
  }
  getSheetById(id: number) {
    return this._state.sheets.find((s) => s._id === id) ?? null;
  }
  getActiveSheet() {
    return this._state.activeSheet ?? this._state.sheets[0] ?? null;
  }
  setActiveSheet(sheet: SheetImpl) {
    this._state.activeSheet = sheet;
    return sheet;
  }
  getActiveRange() {
    return this._state.activeRange;
  }
  setActiveRange(range: RangeImpl) {
    this._state.activeRange = range;
    this._state.activeRangeList = [range];
    this._state.activeSheet = range._sheet;
    return range;
  }

  insertSheet(nameOrIndex?: string | number, index?: number) {
    let name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : index;
    if (name !== undefined && this._state.sheets.some((s) => s._name === name)) {
      throw gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    if (name === undefined) {
      let n = this._state.sheets.length + 1;
      while (this._state.sheets.some((s) => s._name === `Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const sheet = new SheetImpl(this.rt, this._self, name);
    this._checkCellCount(sheet._maxRows * sheet._maxColumns);
    this._state.sheets.splice(at ?? this._state.sheets.length, 0, sheet);
    this._state.activeSheet = sheet;
    return sheet;
  }

  /** The cells of every sheet's grid (values or not), as Google counts them toward its limit. */
  _cellCount(): number {
    return this._state.sheets.reduce((n, s) => n + s._maxRows * s._maxColumns, 0);
  }

  /** Throws Google's message if `more` cells would take the spreadsheet over its limit. */
  _checkCellCount(more: number): void {
    if (this._cellCount() + more > SHEETS_LIMITS.cells) throw gasError(SHEETS_LIMITS.cellsMessage);
  }

  deleteSheet(sheet: SheetImpl) {
    if (this._state.sheets.length === 1) {
      throw gasError("You can't remove all the sheets in a document.");
    }
    this._state.sheets = this._state.sheets.filter((s) => s._id !== sheet._id);
    this._state.protections = this._state.protections.filter((p) => p._sheet._id !== sheet._id);
  }

  getRange(a1Notation: string) {
    const ref = parseA1(a1Notation);
    const sheet = ref.sheet ? this.getSheetByName(ref.sheet) : this.getActiveSheet();
    if (!sheet) throw gasError('Range not found');
    return sheet._rangeFromRef(ref);
  }

  getProtections(type: string) {
    return this._state.protections.filter((p) => p._type === type);
  }

  getOwner() {
    return new User(this.rt, this._state.owner);
  }
  getEditors() {
    return [this._state.owner, ...this._state.editors].map((e) => new User(this.rt, e));
  }
  getViewers() {
    return [...this._state.viewers].map((e) => new User(this.rt, e));
  }
  /** Only someone who may edit the file changes who may see it. */
  _assertCanShare(): void {
    if (!this._isEditor(this.rt.user)) {
      throw gasError('You do not have permission to perform that action.');
    }
  }
  _isEditor(email: string): boolean {
    const e = email.toLowerCase();
    if (this._state.domainEdit && this._inDomain(e)) return true;
    return e === this._state.owner.toLowerCase() || this._state.editors.some((x) => x.toLowerCase() === e);
  }
  _inDomain(email: string): boolean {
    const domain = this._domain();
    return domain !== null && email.toLowerCase().endsWith(`@${domain}`);
  }
  addEditor(emailOrUser: string | User) {
    return this.addEditors([emailOrUser]);
  }
  /** "If any of the users were already on the list of viewers, this method promotes them out of the list of viewers." */
  addEditors(emails: (string | User)[]) {
    this._assertCanShare();
    const list = emails.map((e) => checkedEmail(e));
    for (const email of list) {
      this._state.viewers = this._state.viewers.filter((v) => v.toLowerCase() !== email.toLowerCase());
      if (this._isEditor(email)) continue;
      this._state.editors.push(email);
      // Google e-mails each person added: the reference gives no way to say otherwise.
      this.rt.mail.push({ to: email, fileId: this._state.id, by: 'Spreadsheet.addEditors' });
    }
    return this;
  }
  addViewer(emailOrUser: string | User) {
    return this.addViewers([emailOrUser]);
  }
  /** "If any of the users were already on the list of editors, this method has no effect for them." */
  addViewers(emails: (string | User)[]) {
    this._assertCanShare();
    const list = emails.map((e) => checkedEmail(e));
    for (const email of list) {
      if (this._isEditor(email) || this._state.viewers.some((v) => v.toLowerCase() === email.toLowerCase()))
        continue;
      this._state.viewers.push(email);
      this.rt.mail.push({ to: email, fileId: this._state.id, by: 'Spreadsheet.addViewers' });
    }
    return this;
  }
  removeEditor(emailOrUser: string | User) {
    this._assertCanShare();
    const email = checkedEmail(emailOrUser).toLowerCase();
    if (email === this._state.owner.toLowerCase()) throw gasError('The owner of a file cannot be removed.');
    this._state.editors = this._state.editors.filter((e) => e.toLowerCase() !== email);
    // "For Google Drive files, this also removes the user from the list of viewers."
    this._state.viewers = this._state.viewers.filter((e) => e.toLowerCase() !== email);
    return this;
  }
  removeViewer(emailOrUser: string | User) {
    this._assertCanShare();
    const email = checkedEmail(emailOrUser).toLowerCase();
    this._state.viewers = this._state.viewers.filter((e) => e.toLowerCase() !== email);
    return this;
  }

  toast(message: string) {
    this._state.toasts.push(String(message));
  }

  /** Who may edit a cell of `sheet` at (row, col): an editor of the spreadsheet whom no protection covering it shuts out. */
  _canEdit(user: string, sheet: SheetImpl, row: number, col: number): boolean {
    if (!this._isEditor(user)) return false;
    for (const p of this._state.protections) {
      if (p._sheet._id !== sheet._id || p._warningOnly || !p._covers(row, col)) continue;
      if (!p._allows(user)) return false;
    }
    return true;
  }

  /**
   * The Workspace domain that owns the spreadsheet (its owner's), or null for a consumer account: "Throws an
   * exception if the spreadsheet does not belong to a Google Workspace domain (that is, if it is owned by a
   * gmail.com account)" (Protection.setDomainEdit).
   */
  _domain(): string | null {
    const domain = this._state.owner.toLowerCase().split('@')[1] ?? '';
    return domain === '' || domain === 'gmail.com' || domain === 'googlemail.com' ? null : domain;
  }
}

/** An e-mail address as Apps Script's sharing methods take it: a malformed one is refused. */
export function checkedEmail(emailOrUser: string | User | { getEmail(): string }): string {
  const email = typeof emailOrUser === 'string' ? emailOrUser.trim() : emailOrUser.getEmail();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw gasError(`Invalid email: ${email}`);
  return email;
}

export class User extends Service {
  constructor(
    rt: RuntimeContext,
    private readonly email: string,
  ) {
    super(rt, 'User');
  }
  getEmail() {
    return this.email;
  }
  override toString() {
    return this.email;
  }
}

interface ChartSpec {
  type: string;
  ranges: RangeImpl[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
}

export class SheetImpl extends Service {
  static nextId = 1;
  readonly _id: number;
  _values: CellValue[][] = [];
  _formulas = new Map<string, string>();
  _formats = new Map<string, CellFormat>();
  _validations = new Map<string, DataValidation>();
  _maxRows = 1000;
  _maxColumns = 26;
  _frozenRows = 0;
  _frozenColumns = 0;
  _columnWidths = new Map<number, number>();
  _hidden = false;
  _charts: EmbeddedChart[] = [];
  /** Kept for the .xlsx file: per-cell style, note and link; merged blocks; the filter; the file's sheet state. */
  _fileCells = new Map<string, FileCell>();
  _merges: Merge[] = [];
  _autoFilter: unknown = null;
  _veryHidden = false;

  constructor(
    rt: RuntimeContext,
    readonly _parent: SpreadsheetImpl,
    public _name: string,
  ) {
    super(rt, 'Sheet');
    this._id = SheetImpl.nextId++;
  }

  _get(row: number, col: number): CellValue {
    return this._values[row - 1]?.[col - 1] ?? '';
  }

  _set(row: number, col: number, value: CellValue): void {
    setIn(this._values, row, col, value);
  }

  /** The values of a block, each as _get gives it (the sheet's values read once, not once a cell). */
  _block<T>(row: number, col: number, numRows: number, numCols: number, cell: (v: CellValue) => T): T[][] {
    const values = this._values;
    const out: T[][] = new Array(numRows);
    for (let r = 0; r < numRows; r++) {
      const line = values[row - 1 + r];
      const cells: T[] = new Array(numCols);
      for (let c = 0; c < numCols; c++) cells[c] = cell(line?.[col - 1 + c] ?? '');
      out[r] = cells;
    }
    return out;
  }

  _lastRow(): number {
    for (let r = this._values.length; r > 0; r--) {
      if (this._values[r - 1].some((v) => v !== '')) return r;
    }
    return 0;
  }

  _lastColumn(): number {
    let last = 0;
    for (const row of this._values) {
      for (let c = row.length; c > last; c--) {
        if (row[c - 1] !== '') {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  _rangeFromRef(ref: ReturnType<typeof parseA1>): RangeImpl {
    const numRows = ref.numRows ?? this._maxRows - ref.row + 1;
    const numColumns = ref.numColumns ?? this._maxColumns - ref.column + 1;
    return this.getRange(ref.row, ref.column, numRows, numColumns);
  }

  getName() {
    return this._name;
  }
  setName(name: string) {
    if (this._parent._state.sheets.some((s) => s._id !== this._id && s._name === name)) {
      throw gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this._name = name;
    return this;
  }
  getSheetId() {
    return this._id;
  }
  getIndex() {
    return this._parent._state.sheets.findIndex((s) => s._id === this._id) + 1;
  }
  getParent() {
    return this._parent;
  }
  getMaxRows() {
    return this._maxRows;
  }
  getMaxColumns() {
    return this._maxColumns;
  }
  getLastRow() {
    return this._lastRow();
  }
  getLastColumn() {
    return this._lastColumn();
  }
  activate() {
    this._parent._state.activeSheet = this._self;
    return this;
  }
  hideSheet() {
    this._hidden = true;
    return this;
  }
  showSheet() {
    this._hidden = false;
    return this;
  }
  isSheetHidden() {
    return this._hidden;
  }

  /**
   * "Returns the RangeList collection representing the ranges in the same sheet specified by a non-empty
   * list of A1 notations."
   */
  getRangeList(a1Notations: string[]) {
    if (!Array.isArray(a1Notations) || a1Notations.length === 0)
      throw gasError('Invalid argument: a1Notations');
    return new RangeListImpl(
      this.rt,
      a1Notations.map((a1) => this.getRange(a1)),
    );
  }

  getRange(rowOrA1: number | string, column?: number, numRows = 1, numColumns = 1): RangeImpl {
    if (typeof rowOrA1 === 'string') {
      const ref = parseA1(rowOrA1);
      if (ref.sheet && ref.sheet !== this._name) throw gasError('Range not found');
      return this._rangeFromRef(ref);
    }
    const row = rowOrA1;
    if (column === undefined)
      throw gasError("The parameters () don't match the method signature for Sheet.getRange.");
    if (![row, column, numRows, numColumns].every((n) => Number.isInteger(n))) {
      throw gasError("The parameters don't match the method signature for Sheet.getRange.");
    }
    if (numRows < 1) throw gasError('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw gasError('The number of columns in the range must be at least 1.');
    if (
      row < 1 ||
      column < 1 ||
      row + numRows - 1 > this._maxRows ||
      column + numColumns - 1 > this._maxColumns
    ) {
      throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new RangeImpl(this.rt, this._self, row, column, numRows, numColumns);
  }

  getDataRange() {
    return this.getRange(1, 1, Math.max(1, this._lastRow()), Math.max(1, this._lastColumn()));
  }

  insertRowsAfter(afterPosition: number, howMany: number) {
    this._shiftRows(afterPosition, howMany);
    return this;
  }
  insertRowAfter(afterPosition: number) {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowsBefore(beforePosition: number, howMany: number) {
    this._shiftRows(beforePosition - 1, howMany);
    return this;
  }

  /** Moves formulas, formats and validation rules to where inserted rows or columns push their cells. */
  _moveCells(to: (row: number, column: number) => [number, number]): void {
    const maps = [this._formulas, this._formats, this._validations, this._fileCells] as Map<
      string,
      unknown
    >[];
    for (const map of maps) {
      const moved = [...map].map(([k, v]) => {
        const [r, c] = k.split(',').map(Number);
        return [key(...to(r, c)), v] as const;
      });
      map.clear();
      for (const [k, v] of moved) map.set(k, v);
    }
  }

  _shiftRows(after: number, howMany: number): void {
    if (after < 0 || after > this._maxRows) throw gasError('Those rows are out of bounds.');
    this._parent._checkCellCount(howMany * this._maxColumns);
    if (after < this._values.length) {
      this._values.splice(after, 0, ...Array.from({ length: howMany }, () => [] as CellValue[]));
    }
    this._moveCells((r, c) => [r > after ? r + howMany : r, c]);
    for (const m of this._merges) {
      if (m.top > after) m.top += howMany;
      if (m.bottom > after) m.bottom += howMany;
    }
    for (const p of this._parent._state.protections) {
      if (p._sheet._id === this._id && p._range && p._range.row > after) p._range.row += howMany;
    }
    this._maxRows += howMany;
  }

  /** New columns move what is right of them, with its formulas, formats, validation and protections. */
  insertColumnsAfter(afterPosition: number, howMany: number) {
    if (afterPosition < 0 || afterPosition > this._maxColumns)
      throw gasError('Those columns are out of bounds.');
    this._parent._checkCellCount(howMany * this._maxRows);
    for (const row of this._values) {
      if (row.length > afterPosition) row.splice(afterPosition, 0, ...Array(howMany).fill(''));
    }
    this._moveCells((r, c) => [r, c > afterPosition ? c + howMany : c]);
    for (const m of this._merges) {
      if (m.left > afterPosition) m.left += howMany;
      if (m.right > afterPosition) m.right += howMany;
    }
    for (const p of this._parent._state.protections) {
      if (p._sheet._id === this._id && p._range && p._range.column > afterPosition)
        p._range.column += howMany;
    }
    this._maxColumns += howMany;
    return this;
  }
  insertColumnAfter(afterPosition: number) {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnsBefore(beforePosition: number, howMany: number) {
    return this.insertColumnsAfter(beforePosition - 1, howMany);
  }

  deleteRows(rowPosition: number, howMany: number) {
    if (rowPosition < 1 || rowPosition + howMany - 1 > this._maxRows)
      throw gasError('Those rows are out of bounds.');
    this._values.splice(rowPosition - 1, howMany);
    this._maxRows -= howMany;
  }

  appendRow(rowContents: unknown[]) {
    const row = this._lastRow() + 1;
    if (row > this._maxRows) this._parent._checkCellCount(this._maxColumns);
    if (row > this._maxRows) this._maxRows = row;
    if (rowContents.length > this._maxColumns) this._maxColumns = rowContents.length;
    this.getRange(row, 1, 1, rowContents.length).setValues([rowContents]);
    return this;
  }

  clear() {
    this._values = [];
    this._formulas.clear();
    this._formats.clear();
    return this;
  }
  clearContents() {
    this._values = [];
    this._formulas.clear();
    return this;
  }
  clearFormats() {
    this._formats.clear();
    return this;
  }

  setFrozenRows(rows: number) {
    this._frozenRows = rows;
  }
  getFrozenRows() {
    return this._frozenRows;
  }
  setFrozenColumns(columns: number) {
    this._frozenColumns = columns;
  }
  getFrozenColumns() {
    return this._frozenColumns;
  }
  setColumnWidth(columnPosition: number, width: number) {
    this._columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number) {
    for (let c = startColumn; c < startColumn + numColumns; c++) this._columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(columnPosition: number) {
    return this._columnWidths.get(columnPosition) ?? 100;
  }
  autoResizeColumns(startColumn: number, numColumns: number) {
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      const longest = Math.max(...this._values.map((row) => String(row[c - 1] ?? '').length), 4);
      this._columnWidths.set(c, Math.min(500, longest * 8 + 16));
    }
    return this;
  }

  /** "If the sheet is already protected, this method returns an object representing the existing protection settings." */
  protect() {
    const existing = this._parent._state.protections.find(
      (p) => p._sheet._id === this._id && p._type === ProtectionType.SHEET,
    );
    if (existing) return existing;
    const protection = new ProtectionImpl(this.rt, this._self, null);
    this._parent._state.protections.push(protection);
    return protection;
  }
  getProtections(type: string) {
    return this._parent._state.protections.filter((p) => p._sheet._id === this._id && p._type === type);
  }

  newChart() {
    return new EmbeddedChartBuilder(this.rt, this._self, null);
  }
  /**
   * The sheet keeps a chart of its own, with an id; the built object stays outside the spreadsheet
   * (EmbeddedChart.getChartId: "null if the chart is not in a spreadsheet"): find the inserted one with getCharts.
   */
  insertChart(chart: EmbeddedChart) {
    if (chart._id !== null) throw gasError('The chart is already on a sheet; use updateChart.');
    this._charts.push(chart._placed(this.rt.newId('chart')));
  }
  updateChart(chart: EmbeddedChart) {
    const i = this._charts.findIndex((c) => c._id === chart._id);
    if (i < 0) throw gasError('The chart is not on this sheet.');
    this._charts[i] = chart;
  }
  getCharts() {
    return [...this._charts];
  }
  removeChart(chart: EmbeddedChart) {
    if (chart._id === null || !this._charts.some((c) => c._id === chart._id)) {
      throw gasError('The chart could not be found on this sheet. It may have been removed already.');
    }
    this._charts = this._charts.filter((c) => c._id !== chart._id);
  }
}

export class RangeImpl extends Service {
  constructor(
    rt: RuntimeContext,
    readonly _sheet: SheetImpl,
    readonly _row: number,
    readonly _col: number,
    readonly _numRows: number,
    readonly _numCols: number,
  ) {
    super(rt, 'Range');
  }

  _cells(): [number, number][] {
    const out: [number, number][] = [];
    for (let r = 0; r < this._numRows; r++)
      for (let c = 0; c < this._numCols; c++) out.push([this._row + r, this._col + c]);
    return out;
  }

  _grid<T>(cell: (row: number, col: number) => T): T[][] {
    return Array.from({ length: this._numRows }, (_, r) =>
      Array.from({ length: this._numCols }, (_, c) => cell(this._row + r, this._col + c)),
    );
  }

  _checkShape(data: unknown, what = 'data'): asserts data is unknown[][] {
    if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) {
      throw gasError(
        `The parameters (${typeof data}) don't match the method signature for Range.set${what}.`,
      );
    }
    if (data.length !== this._numRows) {
      throw gasError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this._numRows}.`,
      );
    }
    for (const row of data) {
      if (row.length !== this._numCols) {
        throw gasError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._numCols}.`,
        );
      }
    }
  }

  /** Every cell of the range must be editable by the user (SpreadsheetImpl._canEdit, for each cell). */
  _checkEditable(): void {
    if (this._numRows <= 0 || this._numCols <= 0) return;
    const refuse = () =>
      gasError(
        `You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.`,
      );
    const ss = this._sheet._parent;
    const user = this.rt.user;
    if (!ss._isEditor(user)) throw refuse();
    // The protections _canEdit would weigh for this sheet, found once for the whole range.
    const id = this._sheet._id;
    const guards = ss._state.protections.filter((p) => p._sheet._id === id && !p._warningOnly);
    if (guards.length === 0) return;
    for (const [r, c] of this._cells()) {
      for (const p of guards) if (p._covers(r, c) && !p._allows(user)) throw refuse();
    }
  }

  _write(values: unknown[][]): void {
    this._checkEditable();
    const sheet = this._sheet;
    const ss = sheet._parent;
    // The sheet's maps and values taken once: the sheet is a service, each property read a proxy call.
    const [formats, validations, formulas, cells] = [
      sheet._formats,
      sheet._validations,
      sheet._formulas,
      sheet._values,
    ];
    const where = { locale: ss._state.locale, timeZone: ss._state.timeZone };
    const keyed = formats.size > 0 || validations.size > 0 || formulas.size > 0;
    const writes: { r: number; c: number; k: string; input: { value: CellValue; formula?: string } }[] = [];
    values.forEach((row, i) => {
      row.forEach((raw, j) => {
        const r = this._row + i;
        const c = this._col + j;
        // A cell's key only where some map has entries (a new tab has none).
        const k = keyed ? key(r, c) : '';
        const input = interpretInput(raw, formats.size > 0 ? formats.get(k)?.numberFormat : undefined, where);
        const text = input.formula ?? input.value;
        if (typeof text === 'string' && text.length > SHEETS_LIMITS.cellText)
          throw gasError(SHEETS_LIMITS.cellTextMessage);
        const rule = validations.size > 0 ? validations.get(k) : undefined;
        if (rule && !rule._allowInvalid && input.value !== '' && !rule._accepts(input.value)) {
          throw gasError(
            `The data you entered in cell ${toA1(r, c)} violates the data validation rules set on this cell.`,
          );
        }
        writes.push({ r, c, k, input });
      });
    });
    for (const { r, c, k, input } of writes) {
      // The same formula written again (as the add-on writes back a person's formula) keeps the value it
      // had when the file was read: the nearest this runtime, which evaluates no formula, comes to Sheets.
      const same = input.formula !== undefined && formulas.get(k || key(r, c)) === input.formula;
      if (!same) setIn(cells, r, c, input.value);
      if (input.formula) formulas.set(k || key(r, c), input.formula);
      else if (formulas.size > 0) formulas.delete(k || key(r, c));
    }
  }

  _setFormat(row: number, column: number, field: keyof CellFormat, value: unknown): void {
    const f = this._sheet._formats.get(key(row, column)) ?? {};
    (f as Record<string, unknown>)[field] = value;
    this._sheet._formats.set(key(row, column), f);
  }

  _format(field: keyof CellFormat, value: unknown): void {
    for (const [r, c] of this._cells()) this._setFormat(r, c, field, value);
  }

  _formatGrid(field: keyof CellFormat, grid: unknown[][]): void {
    this._checkShape(grid, field);
    for (const [i, row] of grid.entries()) {
      for (const [j, value] of row.entries()) this._setFormat(this._row + i, this._col + j, field, value);
    }
  }

  getSheet() {
    return this._sheet;
  }
  getRow() {
    return this._row;
  }
  getColumn() {
    return this._col;
  }
  getNumRows() {
    return this._numRows;
  }
  getNumColumns() {
    return this._numCols;
  }
  getLastRow() {
    return this._row + this._numRows - 1;
  }
  getLastColumn() {
    return this._col + this._numCols - 1;
  }
  getA1Notation() {
    return toA1(this._row, this._col, this._numRows, this._numCols);
  }
  getCell(row: number, column: number) {
    if (row < 1 || column < 1 || row > this._numRows || column > this._numCols) {
      throw gasError('Cell reference out of range');
    }
    return new RangeImpl(this.rt, this._sheet, this._row + row - 1, this._col + column - 1, 1, 1);
  }
  offset(rowOffset: number, columnOffset: number, numRows = this._numRows, numColumns = this._numCols) {
    return this._sheet.getRange(this._row + rowOffset, this._col + columnOffset, numRows, numColumns);
  }
  activate() {
    this._sheet._parent.setActiveRange(this._self);
    return this;
  }
  isBlank() {
    return this._cells().every(([r, c]) => this._sheet._get(r, c) === '');
  }

  getValue() {
    const v = this._sheet._get(this._row, this._col);
    return isDate(v) ? new Date(v.getTime()) : v;
  }
  getValues() {
    return this._sheet._block(this._row, this._col, this._numRows, this._numCols, (v) =>
      isDate(v) ? new Date(v.getTime()) : v,
    );
  }
  getDisplayValue() {
    return this.getDisplayValues()[0][0];
  }
  getDisplayValues() {
    return this._grid((r, c) => {
      const v = this._sheet._get(r, c);
      if (isDate(v)) return v.toISOString().slice(0, 10);
      return typeof v === 'boolean' ? String(v).toUpperCase() : String(v);
    });
  }
  getFormula() {
    return this._sheet._formulas.get(key(this._row, this._col)) ?? '';
  }
  getFormulas() {
    return this._grid((r, c) => this._sheet._formulas.get(key(r, c)) ?? '');
  }
  setValue(value: unknown) {
    this._write(this._grid(() => value));
    return this;
  }
  setValues(values: unknown[][]) {
    this._checkShape(values, 'Values');
    this._write(values);
    return this;
  }
  setFormula(formula: string) {
    return this.setValue(formula.startsWith('=') ? formula : `=${formula}`);
  }
  clearContent() {
    this._checkEditable();
    for (const [r, c] of this._cells()) {
      this._sheet._set(r, c, '');
      this._sheet._formulas.delete(key(r, c));
    }
    return this;
  }
  clearFormat() {
    for (const [r, c] of this._cells()) this._sheet._formats.delete(key(r, c));
    return this;
  }
  clear() {
    this.clearContent();
    return this.clearFormat();
  }

  getNumberFormat() {
    return this._sheet._formats.get(key(this._row, this._col))?.numberFormat ?? 'General';
  }
  getNumberFormats() {
    return this._grid((r, c) => this._sheet._formats.get(key(r, c))?.numberFormat ?? 'General');
  }
  setNumberFormat(format: string) {
    this._format('numberFormat', format);
    return this;
  }
  setNumberFormats(formats: string[][]) {
    this._formatGrid('numberFormat', formats);
    return this;
  }
  getFontWeight() {
    return this._sheet._formats.get(key(this._row, this._col))?.fontWeight ?? 'normal';
  }
  getFontWeights() {
    return this._grid((r, c) => this._sheet._formats.get(key(r, c))?.fontWeight ?? 'normal');
  }
  setFontWeight(weight: string | null) {
    this._format('fontWeight', weight ?? 'normal');
    return this;
  }
  setFontWeights(weights: string[][]) {
    this._formatGrid('fontWeight', weights);
    return this;
  }
  getBackground() {
    return this._sheet._formats.get(key(this._row, this._col))?.background ?? '#ffffff';
  }
  getBackgrounds() {
    return this._grid((r, c) => this._sheet._formats.get(key(r, c))?.background ?? '#ffffff');
  }
  setBackground(color: string | null) {
    this._format('background', color ?? '#ffffff');
    return this;
  }
  setBackgrounds(colors: string[][]) {
    this._formatGrid('background', colors);
    return this;
  }
  setFontColor(color: string | null) {
    this._format('fontColor', color ?? '#000000');
    return this;
  }
  getFontColor() {
    return this._sheet._formats.get(key(this._row, this._col))?.fontColor ?? '#000000';
  }
  setWrap(wrap: boolean) {
    this._format('wrap', wrap);
    return this;
  }
  getWrap() {
    return this._sheet._formats.get(key(this._row, this._col))?.wrap ?? false;
  }
  setWrapStrategy(strategy: string) {
    this._format('wrap', strategy === WrapStrategy.WRAP);
    return this;
  }
  setHorizontalAlignment(alignment: string | null) {
    this._format('horizontalAlignment', alignment ?? 'general');
    return this;
  }
  setVerticalAlignment(alignment: string | null) {
    this._format('verticalAlignment', alignment ?? 'bottom');
    return this;
  }
  getVerticalAlignment() {
    return this._sheet._formats.get(key(this._row, this._col))?.verticalAlignment ?? 'bottom';
  }

  getDataValidation() {
    return this._sheet._validations.get(key(this._row, this._col)) ?? null;
  }
  getDataValidations() {
    return this._grid((r, c) => this._sheet._validations.get(key(r, c)) ?? null);
  }
  setDataValidation(rule: DataValidation | null) {
    for (const [r, c] of this._cells()) {
      if (rule) this._sheet._validations.set(key(r, c), rule);
      else this._sheet._validations.delete(key(r, c));
    }
    return this;
  }
  clearDataValidations() {
    return this.setDataValidation(null);
  }

  protect() {
    const protection = new ProtectionImpl(this.rt, this._sheet, {
      row: this._row,
      column: this._col,
      numRows: this._numRows,
      numColumns: this._numCols,
    });
    this._sheet._parent._state.protections.push(protection);
    return protection;
  }
}

export class ProtectionImpl extends Service {
  _description = '';
  _warningOnly = false;
  /** Whether the owning domain's users may edit what it protects: as the spreadsheet is shared, at first. */
  _domainEdit: boolean;
  /** null until a script changes the editors: until then the protection mirrors the spreadsheet's own editors. */
  _editors: string[] | null = null;

  constructor(
    rt: RuntimeContext,
    readonly _sheet: SheetImpl,
    public _range: { row: number; column: number; numRows: number; numColumns: number } | null,
  ) {
    super(rt, 'Protection');
    this._domainEdit = _sheet._parent._state.domainEdit === true;
  }

  get _type() {
    return this._range ? ProtectionType.RANGE : ProtectionType.SHEET;
  }

  _covers(row: number, col: number): boolean {
    const r = this._range;
    if (!r) return true;
    return row >= r.row && row < r.row + r.numRows && col >= r.column && col < r.column + r.numColumns;
  }

  _editorsList(): string[] {
    const state = this._sheet._parent._state;
    const base = this._editors ?? [...state.editors];
    return [state.owner, ...base.filter((e) => e !== state.owner)];
  }

  getProtectionType() {
    return this._type;
  }
  getRange() {
    const r = this._range;
    return r
      ? this._sheet.getRange(r.row, r.column, r.numRows, r.numColumns)
      : this._sheet.getRange(1, 1, this._sheet._maxRows, this._sheet._maxColumns);
  }
  getDescription() {
    return this._description;
  }
  /**
   * Only an editor of a protection may read its editors or change it ("Determines whether the user has
   * permission to edit the protected range or sheet"; the owner always may).
   */
  _assertEditor(): void {
    if (!this.canEdit()) {
      throw gasError(
        'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
      );
    }
  }
  setDescription(description: string) {
    this._assertEditor();
    this._description = description;
    return this;
  }
  isWarningOnly() {
    return this._warningOnly;
  }
  setWarningOnly(warningOnly: boolean) {
    this._assertEditor();
    if (warningOnly && this._editors !== null) {
      throw gasError('You cannot set a protection to warning-only after editors have been set.');
    }
    this._warningOnly = warningOnly;
    return this;
  }
  /**
   * "Determines whether all users in the domain that owns the spreadsheet have permission to edit the
   * protected range or sheet. Throws an exception if the user does not have permission to edit the protected
   * range or sheet." A spreadsheet outside a Workspace domain has no domain to edit.
   */
  canDomainEdit() {
    this._assertEditor();
    return this._domainEdit && this._sheet._parent._domain() !== null;
  }
  /**
   * "Sets whether all users in the domain that owns the spreadsheet have permission to edit the protected
   * range or sheet. Note that any users who have explicit edit permission can edit the protected area
   * regardless of this setting. Throws an exception if the spreadsheet does not belong to a Google Workspace
   * domain (that is, if it is owned by a gmail.com account)."
   */
  setDomainEdit(editable: boolean) {
    this._assertEditor();
    if (this._sheet._parent._domain() === null)
      throw gasError('Domain editing is only available for spreadsheets in a Google Workspace domain.');
    this._domainEdit = editable;
    return this;
  }
  /** Whether `user` may edit what this protects: an editor of it, or of the owning domain while domain edit is on. */
  _allows(user: string): boolean {
    const email = user.toLowerCase();
    if (this._editorsList().some((e) => e.toLowerCase() === email)) return true;
    return this._domainEdit && this._sheet._parent._inDomain(email);
  }
  /** "Determines whether the user has permission to edit the protected range or sheet." */
  canEdit() {
    if (this._warningOnly) return this._sheet._parent._isEditor(this.rt.user);
    return this._allows(this.rt.user);
  }
  getEditors() {
    this._assertEditor();
    return this._editorsList().map((e) => new User(this.rt, e));
  }
  addEditor(emailOrUser: string | User) {
    return this.addEditors([emailOrUser]);
  }
  addEditors(emails: (string | User)[]) {
    this._assertEditor();
    const list = this._editorsList();
    for (const email of emails.map((e) => checkedEmail(e))) {
      if (!list.includes(email)) list.push(email);
    }
    this._editors = list;
    return this;
  }
  removeEditor(emailOrUser: string | User) {
    return this.removeEditors([emailOrUser]);
  }
  /** The owner, and the user running the script, always stay editors (Protection reference). */
  removeEditors(emails: (string | User)[]) {
    this._assertEditor();
    const drop = new Set(emails.map((e) => (typeof e === 'string' ? e : e.getEmail())));
    const keep = [this._sheet._parent._state.owner, this.rt.user];
    this._editors = this._editorsList().filter((e) => !drop.has(e) || keep.includes(e));
    return this;
  }
  remove() {
    this._assertEditor();
    const state = this._sheet._parent._state;
    state.protections = state.protections.filter((p) => p._uid !== this._uid);
  }
}

/** A list of ranges of one sheet (Sheet.getRangeList). */
export class RangeListImpl extends Service {
  constructor(
    rt: RuntimeContext,
    private readonly ranges: RangeImpl[],
  ) {
    super(rt, 'RangeList');
  }
  getRanges() {
    return [...this.ranges];
  }
  /** "Selects the list of Range instances. The last range in the list is set as the active range." */
  activate() {
    const state = this.ranges[0]._sheet._parent._state;
    state.activeSheet = this.ranges[0]._sheet;
    state.activeRange = this.ranges[this.ranges.length - 1];
    state.activeRangeList = [...this.ranges];
    return this._self;
  }
}

export class DataValidationBuilder extends Service {
  constructor(
    rt: RuntimeContext,
    private spec: { criteria: string; values: unknown[]; allowInvalid: boolean; helpText: string },
  ) {
    super(rt, 'DataValidationBuilder');
  }
  static _new(rt: RuntimeContext) {
    return new DataValidationBuilder(rt, { criteria: '', values: [], allowInvalid: true, helpText: '' });
  }
  requireValueInList(values: string[], showDropdown = true) {
    this.spec = {
      ...this.spec,
      criteria: DataValidationCriteria.VALUE_IN_LIST,
      values: [[...values], showDropdown],
    };
    return this;
  }
  requireNumberBetween(start: number, end: number) {
    this.spec = { ...this.spec, criteria: DataValidationCriteria.NUMBER_BETWEEN, values: [start, end] };
    return this;
  }
  /** "Sets the data validation rule to require that the input is in the form of a URL." */
  requireTextIsUrl() {
    this.spec = { ...this.spec, criteria: DataValidationCriteria.TEXT_IS_VALID_URL, values: [] };
    return this;
  }
  setAllowInvalid(allowInvalid: boolean) {
    this.spec.allowInvalid = allowInvalid;
    return this;
  }
  setHelpText(helpText: string) {
    this.spec.helpText = helpText;
    return this;
  }
  build() {
    if (!this.spec.criteria) throw gasError('A data validation rule needs a criterion.');
    return new DataValidation(this.rt, { ...this.spec });
  }
}

export class DataValidation extends Service {
  constructor(
    rt: RuntimeContext,
    readonly _spec: { criteria: string; values: unknown[]; allowInvalid: boolean; helpText: string },
  ) {
    super(rt, 'DataValidation');
  }
  get _allowInvalid() {
    return this._spec.allowInvalid;
  }
  _accepts(value: CellValue): boolean {
    if (this._spec.criteria === DataValidationCriteria.VALUE_IN_LIST) {
      return (this._spec.values[0] as string[]).map(String).includes(String(value));
    }
    // One URL and nothing else: a second link, or a label before it, is not "in the form of a URL".
    if (this._spec.criteria === DataValidationCriteria.TEXT_IS_VALID_URL)
      return typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value.trim());
    const [min, max] = this._spec.values as number[];
    return typeof value === 'number' && value >= min && value <= max;
  }
  getCriteriaType() {
    return this._spec.criteria;
  }
  getCriteriaValues() {
    return [...this._spec.values];
  }
  getAllowInvalid() {
    return this._spec.allowInvalid;
  }
  getHelpText() {
    return this._spec.helpText;
  }
}

export class EmbeddedChartBuilder extends Service {
  private spec: ChartSpec = {
    type: ChartType.COLUMN,
    ranges: [],
    options: {},
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
  };

  constructor(
    rt: RuntimeContext,
    private readonly sheet: SheetImpl,
    private readonly id: string | null,
    from?: ChartSpec,
  ) {
    super(rt, 'EmbeddedChartBuilder');
    if (from) this.spec = { ...from, ranges: [...from.ranges], options: { ...from.options } };
  }
  setChartType(type: string) {
    this.spec.type = type;
    return this;
  }
  addRange(range: RangeImpl) {
    this.spec.ranges.push(range);
    return this;
  }
  clearRanges() {
    this.spec.ranges = [];
    return this;
  }
  setNumHeaders(headers: number) {
    this.spec.options.numHeaders = headers;
    return this;
  }
  setOption(option: string, value: unknown) {
    this.spec.options[option] = value;
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number) {
    this.spec.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }
  asColumnChart() {
    return this.setChartType(ChartType.COLUMN);
  }
  asLineChart() {
    return this.setChartType(ChartType.LINE);
  }
  asBarChart() {
    return this.setChartType(ChartType.BAR);
  }
  build() {
    if (this.spec.ranges.length === 0)
      throw gasError('The chart has no data. Please add a range to the chart.');
    return new EmbeddedChart(this.rt, this.sheet, this.id, this.spec);
  }
}

/** ContainerInfo: "Access the chart's position within a sheet." */
export class ContainerInfo extends Service {
  constructor(
    rt: RuntimeContext,
    private readonly position: ChartSpec['position'],
  ) {
    super(rt, 'ContainerInfo');
  }
  getAnchorColumn() {
    return this.position.column;
  }
  getAnchorRow() {
    return this.position.row;
  }
  getOffsetX() {
    return this.position.offsetX;
  }
  getOffsetY() {
    return this.position.offsetY;
  }
}

export class EmbeddedChart extends Service {
  constructor(
    rt: RuntimeContext,
    private readonly sheet: SheetImpl,
    /** null until the chart is inserted in a sheet. */
    readonly _id: string | null,
    readonly _spec: ChartSpec,
  ) {
    super(rt, 'EmbeddedChart');
  }
  /** The chart a sheet holds once this one is inserted: same spec, an id of its own. */
  _placed(id: string): EmbeddedChart {
    return new EmbeddedChart(this.rt, this.sheet, id, this._spec);
  }
  getChartId() {
    return this._id;
  }
  getRanges() {
    return [...this._spec.ranges];
  }
  /** Where the chart sits on its sheet, as setPosition placed it. */
  getContainerInfo() {
    return new ContainerInfo(this.rt, this._spec.position);
  }
  getOptions() {
    return { get: (option: string) => this._spec.options[option] ?? null };
  }
  modify() {
    return new EmbeddedChartBuilder(this.rt, this.sheet, this._id, this._spec);
  }
  /** The chart as an image. Locally it is drawn from its data ranges and options as SVG. */
  getAs(contentType: string): Blob {
    return this.getBlob()._as(contentType);
  }
  getBlob(): Blob {
    const [rows] = this._spec.ranges.map((r) => r._grid((row, col) => r._sheet._get(row, col)));
    const svg = chartSvg(this._spec.type, rows ?? [], this._spec.options);
    return new Blob(this.rt, Buffer.from(svg, 'utf8'), 'image/svg+xml', 'chart.svg');
  }
}
