import { Exact } from '../decimal';
import { cellRef, type Findings } from '../findings';
import type { ToolKey } from '../frameworks/types';
import { DEFAULT_REPORT_FONT, reportFont } from '../report/fonts';
import { cellText, parseYear, readNumber, THAI_MONTHS, toArabicDigits } from '../thai';
import { readEmailCell } from './emails';
import {
  AGENCY_TYPE_ABBREVIATIONS,
  COLUMNS,
  INDICATOR_COLUMN,
  matchesAlias,
  normalizeName,
  ROUND_KEY,
  SETTING_KEYS,
  TABS,
  type TabKey,
} from './schema';

/** One tab as `Range.getValues()` returns it: rows of numbers, strings, booleans, Dates, '' for empty. */
export interface SheetData {
  name: string;
  values: unknown[][];
  /**
   * Cells (0-based row, column) holding a formula the file saved no result of, read as ''. Only a file
   * written by a program that does not calculate has them (Sheets calculates every formula).
   */
  unsaved?: [number, number][];
}

/** A figure typed in the workbook, with the cell it came from. */
export interface Given {
  value: Exact;
  where: string;
}

export interface Settings {
  agency: string;
  /** What a coordinator's workbook covers ("จังหวัดภูเก็ต", "กระทรวงอุตสาหกรรม"); '' for one agency's. */
  scope: string;
  abbreviation: string;
  parent: string;
  year: number;
  framework: string | null;
  preparedBy: string;
  thaiDigits: boolean;
  weakThreshold: Exact | null;
  /** A fall from the year before by at least this many points is a deficiency (default 1). */
  dropMargin: number;
  /** The report's font (a Google font) and body size in points. */
  font: string;
  fontSize: number;
  /** The governance team: they alone may edit the score tabs. */
  team: string[];
  /** Who proposes the report and who approves it (the head of the agency); '' leaves a line to sign on. */
  signOff: SignOff;
  /** The date the agency gives the report (for its title and signatures), or null. */
  reportDate: ThaiDay | null;
  /** The as-of date of the results report (what was done by then; which measures are late), or null. */
  resultsDate: ThaiDay | null;
  /** The follow-up rounds' dates, in round order (settings `รอบติดตามผลที่ N`); empty: the defaults. */
  rounds: ThaiDay[];
}

/** A calendar day with its Buddhist-era year. */
export interface ThaiDay {
  day: number;
  month: number;
  yearBE: number;
}

export interface SignOff {
  /** The person who prepared the report (`ผู้จัดทำ` is the preparing unit). */
  preparer: string;
  preparerPosition: string;
  proposer: string;
  proposerPosition: string;
  approver: string;
  approverPosition: string;
}

export interface YearTotals {
  year: number;
  figures: Partial<Record<ToolKey | 'total', Given>>;
  level: { text: string; where: string } | null;
}

export interface GivenItem extends Given {
  year: number;
  id: string;
  part: number | null;
}

export interface Recommendation {
  year: number | null;
  tool: 'IIT' | 'EIT' | 'OIT' | null;
  part: number | null;
  items: string[];
  text: string;
  where: string;
}

export interface Comment {
  year: number | null;
  tool: 'IIT' | 'EIT' | null;
  topic: string;
  text: string;
  where: string;
}

export interface Peer {
  agency: string;
  score: Exact | null;
  level: string;
  year: number | null;
  where: string;
}

/** One row of a table of agencies (`ผลหน่วยงาน` or `หน่วยงานในสังกัด`): an agency's figures of one year. */
export interface AgencyRow {
  agency: string;
  code: string;
  /** As typed, the common abbreviations (อบจ., ทน., ทม., ทต., อบต.) read as their full names. */
  type: string;
  group: string;
  /** null: no year column, or a blank year cell (the assessed year of the settings, then). */
  year: number | null;
  total: Given | null;
  tools: Partial<Record<ToolKey, Given>>;
  indicators: { indicator: number; value: Exact; where: string }[];
  level: { text: string; where: string } | null;
  emails: string[];
  /** The agency's name cell. */
  where: string;
  /** 0-based row in the tab. */
  row: number;
}

export interface Division {
  code: string;
  name: string;
  emails: string[];
  where: string;
}

export interface ParsedWorkbook {
  /** The tab names as the user wrote them, for the tabs found. */
  tabs: Partial<Record<TabKey, string>>;
  settings: Settings | null;
  totals: YearTotals[];
  indicators: { year: number; indicator: number; value: Exact; where: string }[];
  indicatorNames: Map<number, string>;
  items: GivenItem[];
  itemTopics: Map<string, string>;
  recommendations: Recommendation[];
  comments: Comment[];
  peers: Peer[];
  /** The `ผลหน่วยงาน` tab of a coordinator's workbook: one row an agency and year. */
  agencies: AgencyRow[];
  divisions: Division[];
  /** Every fiscal year that has a score somewhere. */
  years: number[];
}

export function findTab(sheets: readonly SheetData[], key: TabKey): SheetData | undefined {
  return sheets.find((sheet) => matchesAlias(sheet.name, TABS[key]));
}

interface Table {
  sheet: SheetData;
  headerRow: number;
  columns: Record<string, number | undefined>;
  /** Columns headed by a year; `part` when the header also names an EIT part ("2568 ส่วนที่ 1"). */
  yearColumns: { year: number; column: number; part: number | null }[];
  /** Data rows below the header: their 0-based index in the sheet and their cells. */
  rows: { index: number; cells: unknown[] }[];
}

function isBlankRow(cells: readonly unknown[]): boolean {
  return cells.every((c) => cellText(c) === '');
}

function readTable(
  sheet: SheetData,
  spec: Record<string, readonly string[]>,
  findings: Findings,
  options: { required?: string[]; yearColumns?: boolean } = {},
): Table | null {
  const firstRow = sheet.values.findIndex((row) => !isBlankRow(row));
  if (firstRow < 0) {
    findings.warning(
      'empty-tab',
      cellRef(sheet.name, 0, 0),
      `แท็บ "${sheet.name}" ว่างเปล่า`,
      `Tab "${sheet.name}" is empty`,
    );
    return null;
  }
  // The header is the first non-empty row; a title typed above it is passed over when a row just below
  // has the required headers (people put a title in A1).
  const required = options.required ?? [];
  const hasRequired = (row: unknown[]) =>
    required.every((k) => row.some((cell) => matchesAlias(cell, spec[k])));
  let headerRow = firstRow;
  if (required.length > 0 && !hasRequired(sheet.values[firstRow])) {
    const below = sheet.values.slice(firstRow + 1, firstRow + 6).findIndex(hasRequired);
    if (below >= 0) {
      headerRow = firstRow + 1 + below;
      findings.info(
        'header-below-title',
        cellRef(sheet.name, headerRow, 0),
        `แท็บ "${sheet.name}": ใช้แถว ${headerRow + 1} เป็นหัวตาราง (แถวบนเป็นชื่อเรื่อง)`,
        `Tab "${sheet.name}": row ${headerRow + 1} is read as the header (the rows above as a title)`,
      );
    }
  }
  const header = sheet.values[headerRow];
  const columns: Record<string, number | undefined> = {};
  const yearColumns: Table['yearColumns'] = [];
  header.forEach((cell, column) => {
    const key = Object.keys(spec).find((k) => columns[k] === undefined && matchesAlias(cell, spec[k]));
    if (key) {
      columns[key] = column;
      return;
    }
    if (!options.yearColumns) return;
    const withPart = /^(.*?)[\s(]*(?:ส่วนที่|part)\s*(\d)\s*\)?$/i.exec(toArabicDigits(cellText(cell)));
    const year = parseYear(cell) ?? (withPart ? parseYear(withPart[1]) : null);
    const part = parseYear(cell) ? null : withPart ? Number(withPart[2]) : null;
    if (!year) return;
    if (year.fromCommonEra) {
      findings.warning(
        'common-era-year',
        cellRef(sheet.name, headerRow, column),
        `หัวคอลัมน์ "${cellText(cell)}" เป็นปี ค.ศ. จึงอ่านเป็นปี พ.ศ. ${year.year}`,
        `Column header "${cellText(cell)}" is a Common-Era year; read as B.E. ${year.year}`,
      );
    }
    yearColumns.push({ year: year.year, column, part });
  });
  let ok = true;
  for (const key of options.required ?? []) {
    if (columns[key] === undefined) {
      ok = false;
      findings.error(
        'missing-column',
        cellRef(sheet.name, headerRow, 0),
        `แท็บ "${sheet.name}" ไม่มีคอลัมน์ "${spec[key][0]}" ในแถวหัวตาราง (แถว ${headerRow + 1})`,
        `Tab "${sheet.name}" has no "${spec[key][1] ?? spec[key][0]}" column in its header row (row ${headerRow + 1})`,
      );
    }
  }
  if (!ok) return null;
  const rows: Table['rows'] = [];
  for (let index = headerRow + 1; index < sheet.values.length; index++) {
    const cells = sheet.values[index];
    if (!isBlankRow(cells)) rows.push({ index, cells });
  }
  return { sheet, headerRow, columns, yearColumns, rows };
}

/** A cell's name or a label, made only when a finding needs it (a tab of thousands of rows has few). */
type Lazy = string | (() => string);
const made = (text: Lazy): string => (typeof text === 'string' ? text : text());

/** The addresses of an e-mail cell (emails.ts); each thing that is not an addr-spec is a finding. */
function emailsOf(value: unknown, lazyWhere: Lazy, findings: Findings): string[] {
  const { addresses, refused } = readEmailCell(cellText(value));
  for (const text of refused) {
    const where = made(lazyWhere);
    const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    findings.warning(
      'bad-email',
      where,
      `${where}: "${shown}" ไม่ใช่อีเมลที่ถูกต้อง จึงไม่นำไปใช้และไม่แชร์ให้`,
      `${where}: "${shown}" is not a valid e-mail address; it is not used nor shared with`,
    );
  }
  return addresses;
}

const BLANK_START = /^[-–—‐−nNไ]/;

/** What people type for "no figure": a dash of any length, n/a, N/A, ไม่มี, ไม่มีข้อมูล, ไม่ได้ประเมิน. */
export function isBlankLike(value: unknown): boolean {
  // A number or an empty cell is never one (the common cells of a tab of thousands of rows).
  if (typeof value === 'number' || value === '' || value === null || value === undefined) return false;
  const shown = cellText(value);
  // Each form starts with a dash, n or ไ: a name or a word does not, and is not lowered and searched.
  if (!BLANK_START.test(shown)) return false;
  const text = shown.toLowerCase().replace(/\s+/g, '');
  return /^(?:[-–—‐−]+|n\/?a|ไม่มี(?:ข้อมูล)?|ไม่ได้ประเมิน|ไม่ได้รับการประเมิน)$/.test(text);
}

const HUNDRED = Exact.of(BigInt(100));

/**
 * The exact figure of a number cell and whether it lies within 0–100, made once for each number: a tab of
 * thousands of scores holds few distinct ones (two decimals within 0–100). Exact is immutable, so one serves
 * every cell. Bounded, for a long-lived process.
 */
const NUMBER_CELLS = new Map<number, { score: Exact; inRange: boolean }>();

/** Any other cell as readNumber reads it: its figure and whether it lies within 0–100, or why none. */
function textCell(value: unknown): { score: Exact; inRange: boolean } | 'blank' | 'invalid' {
  const reading = readNumber(value);
  if (reading.kind !== 'number') return reading.kind;
  const score = Exact.parse(reading.value);
  return { score, inRange: score.compare(Exact.ZERO) >= 0 && score.compare(HUNDRED) <= 0 };
}

function numberCell(value: number): { score: Exact; inRange: boolean } {
  let cell = NUMBER_CELLS.get(value);
  if (!cell) {
    if (NUMBER_CELLS.size >= 100000) NUMBER_CELLS.clear();
    const score = Exact.parse(String(value));
    cell = { score, inRange: score.compare(Exact.ZERO) >= 0 && score.compare(HUNDRED) <= 0 };
    NUMBER_CELLS.set(value, cell);
  }
  return cell;
}

/** Reads a score cell; reports text and out-of-range values. Returns null for blank or bad cells. */
function readScore(value: unknown, where: string, findings: Findings, lazyLabel: Lazy): Exact | null {
  if (isBlankLike(value)) return null;
  // A finite number reads as itself (readNumber gives its text): its figure is looked up, not parsed.
  const cell = typeof value === 'number' && Number.isFinite(value) ? numberCell(value) : textCell(value);
  if (cell === 'blank') return null;
  if (cell === 'invalid') {
    findings.error(
      'not-a-number',
      where,
      `${where}: "${cellText(value)}" ไม่ใช่ตัวเลข (${made(lazyLabel)}) จึงไม่นำมาคำนวณ`,
      `${where}: "${cellText(value)}" is not a number (${made(lazyLabel)}); it is left out of the analysis`,
    );
    return null;
  }
  const score = cell.score;
  if (!cell.inRange) {
    findings.error(
      'out-of-range',
      where,
      `${where}: คะแนน ${cellText(value)} อยู่นอกช่วง 0–100 (${made(lazyLabel)}) จึงไม่นำมาคำนวณ`,
      `${where}: score ${cellText(value)} is outside 0–100 (${made(lazyLabel)}); it is left out of the analysis`,
    );
    return null;
  }
  if (typeof value === 'number' && value > 0 && value < 1) {
    // Sheets stores "96.06%" typed into a cell as the number 0.9606.
    findings.warning(
      'looks-like-fraction',
      where,
      `${where}: คะแนน ${value} ต่ำกว่า 1 อาจเป็นค่าร้อยละที่ Sheets เก็บเป็นทศนิยม (เช่น 96.06% เป็น 0.9606) โปรดพิมพ์เป็น 96.06`,
      `${where}: score ${value} is below 1; it may be a percentage Sheets stored as a fraction (96.06% as 0.9606); type 96.06 instead`,
    );
  }
  return score;
}

function readYearCell(value: unknown, lazyWhere: Lazy, findings: Findings): number | null {
  if (cellText(value) === '') return null;
  const year = parseYear(value);
  if (year && !year.fromCommonEra) return year.year;
  const where = made(lazyWhere);
  if (!year) {
    findings.error(
      'bad-year',
      where,
      `${where}: "${cellText(value)}" ไม่ใช่ปีงบประมาณ (เช่น 2568 หรือ ๒๕๖๘)`,
      `${where}: "${cellText(value)}" is not a fiscal year (e.g. 2568)`,
    );
    return null;
  }
  if (year.fromCommonEra) {
    findings.warning(
      'common-era-year',
      where,
      `${where}: ${cellText(value)} เป็นปี ค.ศ. จึงอ่านเป็นปี พ.ศ. ${year.year}`,
      `${where}: ${cellText(value)} is a Common-Era year; read as B.E. ${year.year}`,
    );
  }
  return year.year;
}

/** `i1`, `I1`, `ข้อ i๑`, `O25`, `o01`, `e1.2` (item e1, part 2). */
export function parseItemId(value: unknown): { id: string; part: number | null } | null {
  const text = toArabicDigits(cellText(value))
    .replace(/^(ข้อ|item)\s*/i, '')
    .replace(/\s+/g, '');
  const m = /^([ieoIEO])0*(\d+)(?:[.\-/(](\d)\)?)?$/.exec(text);
  if (!m) return null;
  return { id: `${m[1].toLowerCase()}${m[2]}`, part: m[3] ? Number(m[3]) : null };
}

function badItemId(value: unknown, where: string, findings: Findings): void {
  const text = toArabicDigits(cellText(value)).replace(/^ข้อ\s*/, '');
  const zeroForO = /^0(\d+)$/.exec(text);
  const hint = zeroForO ? ` (o${Number(zeroForO[1])}?)` : '';
  findings.error(
    'bad-item-id',
    where,
    `${where}: "${cellText(value)}" ไม่ใช่รหัสข้อคำถาม เช่น i1, e9, o25${hint}`,
    `${where}: "${cellText(value)}" is not an item id such as i1, e9, o25${hint}`,
  );
}

function readPart(value: unknown): number | null {
  const text = toArabicDigits(cellText(value));
  const m = /(\d)/.exec(text);
  if (m) return Number(m[1]);
  // ITAS names the parts EIT Public (answered by service users) and EIT Survey (collected by assessors).
  return /public/i.test(text) ? 1 : /survey/i.test(text) ? 2 : null;
}

function readTool(value: unknown): { tool: 'IIT' | 'EIT' | 'OIT'; part: number | null } | null {
  const text = toArabicDigits(cellText(value)).toUpperCase();
  const m = /(IIT|EIT|OIT)\s*(?:ส่วนที่|PART)?\s*(\d)?/.exec(text);
  return m ? { tool: m[1] as 'IIT' | 'EIT' | 'OIT', part: m[2] ? Number(m[2]) : null } : null;
}

function readSettings(sheet: SheetData, findings: Findings): Settings | null {
  const table = readTable(sheet, COLUMNS.settings, findings, { required: ['key', 'value'] });
  if (!table) return null;
  const keyCol = table.columns.key as number;
  const valueCol = table.columns.value as number;
  const found: Partial<Record<keyof typeof SETTING_KEYS, { value: unknown; where: string }>> = {};
  const rounds: { n: number; value: unknown; where: string }[] = [];
  for (const { index, cells } of table.rows) {
    const round = ROUND_KEY.exec(normalizeName(cells[keyCol]));
    if (round)
      rounds.push({
        n: Number(round[1]),
        value: cells[valueCol],
        where: cellRef(sheet.name, index, valueCol),
      });
    const key = (Object.keys(SETTING_KEYS) as (keyof typeof SETTING_KEYS)[]).find((k) =>
      matchesAlias(cells[keyCol], SETTING_KEYS[k]),
    );
    if (key && !found[key])
      found[key] = { value: cells[valueCol], where: cellRef(sheet.name, index, valueCol) };
  }
  const tabRef = cellRef(sheet.name, table.headerRow, 0);
  const agency = cellText(found.agency?.value);
  if (!agency) {
    findings.error(
      'missing-setting',
      found.agency?.where ?? tabRef,
      `แท็บ "${sheet.name}" ไม่มีชื่อหน่วยงาน (รายการ "หน่วยงาน")`,
      `Tab "${sheet.name}" has no agency name (key "agency")`,
    );
  }
  const year = found.year ? readYearCell(found.year.value, found.year.where, findings) : null;
  if (year === null) {
    findings.error(
      'missing-setting',
      found.year?.where ?? tabRef,
      `แท็บ "${sheet.name}" ไม่มีปีงบประมาณที่ประเมิน (รายการ "ปีงบประมาณที่ประเมิน")`,
      `Tab "${sheet.name}" has no assessed fiscal year (key "year")`,
    );
  }
  let thaiDigits = true;
  if (found.thaiDigits && cellText(found.thaiDigits.value) !== '') {
    const text = normalizeName(found.thaiDigits.value);
    if (['ไม่ใช่', 'ไม่', 'no', 'n', 'false', '0', 'ไม่ใช้'].includes(text)) thaiDigits = false;
    else if (!['ใช่', 'ใช้', 'yes', 'y', 'true', '1'].includes(text)) {
      findings.warning(
        'bad-setting',
        found.thaiDigits.where,
        `${found.thaiDigits.where}: "${cellText(found.thaiDigits.value)}" ไม่ใช่ ใช่/ไม่ใช่ จึงใช้เลขไทย`,
        `${found.thaiDigits.where}: "${cellText(found.thaiDigits.value)}" is not yes/no; Thai digits are used`,
      );
    }
  }
  const weakThreshold = found.weakThreshold
    ? readScore(found.weakThreshold.value, found.weakThreshold.where, findings, 'เกณฑ์ข้อที่ต้องพัฒนา')
    : null;
  let fontSize = DEFAULT_FONT_SIZE;
  if (found.fontSize && cellText(found.fontSize.value) !== '') {
    const reading = readNumber(found.fontSize.value);
    const size = reading.kind === 'number' ? Number(reading.value) : Number.NaN;
    if (size >= 8 && size <= 24) fontSize = size;
    else {
      findings.warning(
        'bad-setting',
        found.fontSize.where,
        `${found.fontSize.where}: ขนาดตัวอักษร "${cellText(found.fontSize.value)}" ต้องอยู่ระหว่าง 8 ถึง 24 จึงใช้ ${DEFAULT_FONT_SIZE}`,
        `${found.fontSize.where}: font size "${cellText(found.fontSize.value)}" must be 8 to 24; ${DEFAULT_FONT_SIZE} is used`,
      );
    }
  }
  const font = readFont(found.font, findings);
  const team = found.team ? emailsOf(found.team.value, found.team.where, findings) : [];
  if (!agency || year === null) return null;
  return {
    agency,
    scope: cellText(found.scope?.value),
    abbreviation: cellText(found.abbreviation?.value),
    parent: cellText(found.parent?.value),
    year,
    framework: cellText(found.framework?.value) || null,
    preparedBy: cellText(found.preparedBy?.value),
    thaiDigits,
    weakThreshold,
    font,
    fontSize,
    team,
    dropMargin: readDropMargin(found.dropMargin, findings),
    signOff: {
      preparer: cellText(found.preparer?.value),
      preparerPosition: cellText(found.preparerPosition?.value),
      proposer: cellText(found.proposer?.value),
      proposerPosition: cellText(found.proposerPosition?.value),
      approver: cellText(found.approver?.value),
      approverPosition: cellText(found.approverPosition?.value),
    },
    reportDate: found.reportDate
      ? readDateSetting(found.reportDate.value, found.reportDate.where, findings, 'วันที่รายงาน', 'report date')
      : null,
    resultsDate: found.resultsDate
      ? readDateSetting(
          found.resultsDate.value,
          found.resultsDate.where,
          findings,
          'วันที่รายงานผล',
          'results report date',
        )
      : null,
    rounds: rounds
      .sort((a, b) => a.n - b.n)
      .map((r) => readDateSetting(r.value, r.where, findings, `รอบติดตามผลที่ ${r.n}`, `follow-up round ${r.n}`))
      .filter((d): d is ThaiDay => d !== null),
  };
}

/**
 * A date setting: a date cell, `15/10/2568` (day/month/year, B.E. or C.E.), `2025-10-15`, or
 * `15 ตุลาคม 2568` in Arabic or Thai digits. Anything else is a warning, and the date is left out.
 */
function readDateSetting(
  value: unknown,
  where: string,
  findings: Findings,
  name: string,
  nameEn: string,
): ThaiDay | null {
  if (cellText(value) === '') return null;
  const beYear = (y: number) => (y < 2400 ? y + 543 : y);
  const valid = (day: number, month: number, year: number) =>
    day >= 1 && day <= 31 && month >= 1 && month <= 12 && year > 1900
      ? { day, month, yearBE: beYear(year) }
      : null;
  let date: ThaiDay | null = null;
  // A Date from another realm (the local runtime's) fails instanceof, so its tag is checked.
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const d = value as Date;
    if (!Number.isNaN(d.getTime())) date = valid(d.getDate(), d.getMonth() + 1, d.getFullYear());
  } else {
    const text = toArabicDigits(cellText(value));
    const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    const named = /^(\d{1,2})\s+(\S+)\s+(?:พ\.ศ\.\s*)?(\d{4})$/.exec(text);
    if (dmy) date = valid(Number(dmy[1]), Number(dmy[2]), Number(dmy[3]));
    else if (iso) date = valid(Number(iso[3]), Number(iso[2]), Number(iso[1]));
    else if (named)
      date = valid(
        Number(named[1]),
        (THAI_MONTHS as readonly string[]).indexOf(named[2]) + 1,
        Number(named[3]),
      );
  }
  if (!date) {
    findings.warning(
      'bad-setting',
      where,
      `${where}: ${name} "${cellText(value)}" อ่านไม่ได้ (ใช้รูปแบบ ๑๕ ตุลาคม ๒๕๖๘ หรือ 15/10/2568) จึงไม่ใช้วันที่นี้`,
      `${where}: ${nameEn} "${cellText(value)}" cannot be read (write 15 ตุลาคม 2568 or 15/10/2568); this date is not used`,
    );
  }
  return date;
}

/** The drop margin setting: a number of points above 0 and up to 100; otherwise 1, with a warning. */
function readDropMargin(cell: { value: unknown; where: string } | undefined, findings: Findings): number {
  if (!cell || cellText(cell.value) === '') return 1;
  const reading = readNumber(cell.value);
  const value = reading.kind === 'number' ? Number(reading.value) : Number.NaN;
  if (value > 0 && value <= 100) return value;
  findings.warning(
    'bad-setting',
    cell.where,
    `${cell.where}: เกณฑ์คะแนนลดลง "${cellText(cell.value)}" ต้องเป็นตัวเลขมากกว่า 0 ถึง 100 จึงใช้ 1`,
    `${cell.where}: drop margin "${cellText(cell.value)}" must be a number above 0 up to 100; 1 is used`,
  );
  return 1;
}

/** The font setting, if it names a font of the known list; otherwise Sarabun, with a warning. */
function readFont(cell: { value: unknown; where: string } | undefined, findings: Findings): string {
  const text = cellText(cell?.value);
  if (!cell || text === '') return DEFAULT_REPORT_FONT;
  const font = reportFont(text);
  if (font) return font;
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  findings.warning(
    'bad-setting',
    cell.where,
    `${cell.where}: ไม่รู้จักแบบอักษร "${shown}" (ใช้ได้ เช่น Sarabun, Kanit, Prompt, Noto Sans Thai) จึงใช้ ${DEFAULT_REPORT_FONT}`,
    `${cell.where}: unknown font "${shown}" (known ones include Sarabun, Kanit, Prompt, Noto Sans Thai); ${DEFAULT_REPORT_FONT} is used`,
  );
  return DEFAULT_REPORT_FONT;
}

/** Google's Sarabun at 12 pt reads about as large as TH Sarabun New at 16 pt (ita-framework-notes §6). */
export const DEFAULT_FONT_SIZE = 12;

const TOTAL_FIGURES: (ToolKey | 'total')[] = ['IIT', 'EIT', 'EIT1', 'EIT2', 'OIT', 'total'];

function readTotals(sheet: SheetData, findings: Findings): YearTotals[] {
  const table = readTable(sheet, COLUMNS.totals, findings, { required: ['year'] });
  if (!table) return [];
  const out: YearTotals[] = [];
  const seen = new Set<number>();
  for (const { index, cells } of table.rows) {
    const yearCol = table.columns.year as number;
    const year = readYearCell(cells[yearCol], cellRef(sheet.name, index, yearCol), findings);
    if (year === null) continue;
    if (seen.has(year)) {
      duplicate(findings, cellRef(sheet.name, index, yearCol), `ปี ${year}`, `year ${year}`);
      continue;
    }
    seen.add(year);
    const totals: YearTotals = { year, figures: {}, level: null };
    for (const key of TOTAL_FIGURES) {
      const col = table.columns[key];
      if (col === undefined) continue;
      const where = cellRef(sheet.name, index, col);
      const value = readScore(cells[col], where, findings, `${key} ${year}`);
      if (value) totals.figures[key] = { value, where };
    }
    const levelCol = table.columns.level;
    if (levelCol !== undefined && cellText(cells[levelCol]) !== '' && !isBlankLike(cells[levelCol])) {
      totals.level = { text: cellText(cells[levelCol]), where: cellRef(sheet.name, index, levelCol) };
    }
    out.push(totals);
  }
  return out;
}

function duplicate(findings: Findings, where: string, th: string, en: string): void {
  findings.warning(
    'duplicate',
    where,
    `${where}: ${th} ซ้ำกับแถวก่อนหน้า จึงใช้แถวแรก`,
    `${where}: ${en} repeats an earlier row; the first one is used`,
  );
}

function noYearColumns(table: Table, findings: Findings): boolean {
  if (table.yearColumns.length > 0) return false;
  findings.error(
    'no-year-columns',
    cellRef(table.sheet.name, table.headerRow, 0),
    `แท็บ "${table.sheet.name}" ไม่มีคอลัมน์ปี (หัวคอลัมน์ต้องเป็นปี เช่น 2568)`,
    `Tab "${table.sheet.name}" has no year columns (headers must be years such as 2568)`,
  );
  return true;
}

function readIndicators(sheet: SheetData, findings: Findings, names: Map<number, string>) {
  const out: ParsedWorkbook['indicators'] = [];
  const table = readTable(sheet, COLUMNS.indicators, findings, {
    required: ['indicator'],
    yearColumns: true,
  });
  if (!table || noYearColumns(table, findings)) return out;
  const col = table.columns.indicator as number;
  // Year and indicator already read: a map, not a scan of `out` (a tab may have many thousand rows).
  const seen = new Set<string>();
  for (const { index, cells } of table.rows) {
    const where = cellRef(sheet.name, index, col);
    const m = /^(?:ตัวชี้วัดที่|indicator)?\s*(\d+)(?:\.0+)?$/i.exec(toArabicDigits(cellText(cells[col])));
    if (!m) {
      findings.error(
        'bad-indicator',
        where,
        `${where}: "${cellText(cells[col])}" ไม่ใช่หมายเลขตัวชี้วัด (1–10)`,
        `${where}: "${cellText(cells[col])}" is not an indicator number (1–10)`,
      );
      continue;
    }
    const indicator = Number(m[1]);
    const nameCol = table.columns.name;
    if (nameCol !== undefined && cellText(cells[nameCol]) && !names.has(indicator)) {
      names.set(indicator, cellText(cells[nameCol]));
    }
    for (const { year, column } of table.yearColumns) {
      const cell = cellRef(sheet.name, index, column);
      const value = readScore(cells[column], cell, findings, `ตัวชี้วัดที่ ${indicator} ปี ${year}`);
      if (!value) continue;
      if (seen.has(`${year} ${indicator}`)) {
        duplicate(findings, cell, `ตัวชี้วัดที่ ${indicator} ปี ${year}`, `indicator ${indicator}, ${year}`);
        continue;
      }
      seen.add(`${year} ${indicator}`);
      out.push({ year, indicator, value, where: cell });
    }
  }
  return out;
}

function readItems(sheet: SheetData, findings: Findings, topics: Map<string, string>): GivenItem[] {
  const out: GivenItem[] = [];
  const table = readTable(sheet, COLUMNS.items, findings, { required: ['item'], yearColumns: true });
  if (!table || noYearColumns(table, findings)) return out;
  const col = table.columns.item as number;
  // Year, item and part already read: a map, not a scan of `out` (50,000 rows stay linear).
  const seen = new Set<string>();
  for (const { index, cells } of table.rows) {
    const where = cellRef(sheet.name, index, col);
    const parsed = parseItemId(cells[col]);
    if (!parsed) {
      badItemId(cells[col], where, findings);
      continue;
    }
    const partCol = table.columns.part;
    const rowPart = parsed.part ?? (partCol !== undefined ? readPart(cells[partCol]) : null);
    const topicCol = table.columns.topic;
    if (topicCol !== undefined && cellText(cells[topicCol]) && !topics.has(parsed.id)) {
      topics.set(parsed.id, cellText(cells[topicCol]));
    }
    for (const { year, column, part: columnPart } of table.yearColumns) {
      const part = columnPart ?? rowPart;
      const cell = cellRef(sheet.name, index, column);
      const label = `ข้อ ${parsed.id}${part ? ` ส่วนที่ ${part}` : ''} ปี ${year}`;
      const value = readScore(cells[column], cell, findings, label);
      if (!value) continue;
      const key = `${year} ${parsed.id} ${part}`;
      if (seen.has(key)) {
        duplicate(findings, cell, label, `item ${parsed.id}${part ? `.${part}` : ''}, ${year}`);
        continue;
      }
      seen.add(key);
      out.push({ year, id: parsed.id, part, value, where: cell });
    }
  }
  return out;
}

function readRecommendations(sheet: SheetData, findings: Findings): Recommendation[] {
  const table = readTable(sheet, COLUMNS.recommendations, findings, { required: ['recommendation'] });
  if (!table) return [];
  const c = table.columns;
  const out: Recommendation[] = [];
  for (const { index, cells } of table.rows) {
    const text = cellText(cells[c.recommendation as number]);
    if (!text) continue;
    const where = cellRef(sheet.name, index, c.recommendation as number);
    const tool = c.tool !== undefined ? readTool(cells[c.tool]) : null;
    const items: string[] = [];
    if (c.items !== undefined) {
      // "i1, i2", "e๔ และ e๕", "ข้อ i1 ข้อ i2", and ranges "i1–i3".
      const raw = toArabicDigits(cellText(cells[c.items])).replace(/\s*[-–]\s*/g, '-');
      for (const token of raw.split(/[,;、\s]+|และ|and/).filter((t) => t && t !== 'ข้อ')) {
        const range = /^([ieo])(\d+)-\1?(\d+)$/i.exec(token);
        if (range && Number(range[3]) > Number(range[2]) && Number(range[3]) - Number(range[2]) < 50) {
          for (let n = Number(range[2]); n <= Number(range[3]); n++)
            items.push(`${range[1].toLowerCase()}${n}`);
          continue;
        }
        const id = parseItemId(token);
        if (id) items.push(id.id);
        else badItemId(token, cellRef(sheet.name, index, c.items), findings);
      }
    }
    out.push({
      year:
        c.year !== undefined
          ? readYearCell(cells[c.year], cellRef(sheet.name, index, c.year), findings)
          : null,
      tool: tool?.tool ?? inferTool(items),
      part: (c.part !== undefined ? readPart(cells[c.part]) : null) ?? tool?.part ?? null,
      items,
      text,
      where,
    });
  }
  return out;
}

function inferTool(items: readonly string[]): 'IIT' | 'EIT' | 'OIT' | null {
  const letter = items[0]?.[0];
  return letter === 'i' ? 'IIT' : letter === 'e' ? 'EIT' : letter === 'o' ? 'OIT' : null;
}

function readComments(sheet: SheetData, findings: Findings): Comment[] {
  const table = readTable(sheet, COLUMNS.comments, findings, { required: ['comment'] });
  if (!table) return [];
  const c = table.columns;
  const out: Comment[] = [];
  for (const { index, cells } of table.rows) {
    const text = cellText(cells[c.comment as number]);
    if (!text) continue;
    const tool = c.tool !== undefined ? readTool(cells[c.tool])?.tool : undefined;
    out.push({
      year:
        c.year !== undefined
          ? readYearCell(cells[c.year], cellRef(sheet.name, index, c.year), findings)
          : null,
      tool: tool === 'IIT' || tool === 'EIT' ? tool : null,
      topic: c.topic !== undefined ? cellText(cells[c.topic]) : '',
      text,
      where: cellRef(sheet.name, index, c.comment as number),
    });
  }
  return out;
}

/** An agency type as typed, an abbreviation (`ทต.`, `อบต`) read as its full name. */
export function agencyType(text: string): string {
  const bare = text.replace(/\s+/g, '');
  for (const [abbr, full] of ABBREVIATIONS) {
    if (bare === abbr || bare === abbr.replace(/\.$/, '')) return full;
  }
  return text;
}

const ABBREVIATIONS = Object.entries(AGENCY_TYPE_ABBREVIATIONS);

const AGENCY_TOOLS: ToolKey[] = ['IIT', 'EIT', 'EIT1', 'EIT2', 'OIT'];

/**
 * A table of agencies, one row an agency and year: the `ผลหน่วยงาน` tab of a coordinator and the
 * `หน่วยงานในสังกัด` (peers) tab of one agency go through this one reader. Read as the score tabs are: Thai
 * digits, "96.06%", C.E. years, blanks and dashes, a title above the header.
 */
export function readAgencyRows(sheet: SheetData, findings: Findings): AgencyRow[] {
  const spec = COLUMNS.agencies;
  const table = readTable(sheet, spec, findings, { required: ['agency', 'total'] });
  if (!table) return [];
  const c = table.columns;
  const indicatorColumns: { indicator: number; column: number; label: string }[] = [];
  table.sheet.values[table.headerRow].forEach((cell, column) => {
    const m = INDICATOR_COLUMN.exec(normalizeName(cell));
    if (!m || Object.values(c).includes(column)) return;
    indicatorColumns.push({ indicator: Number(m[1]), column, label: `ตัวชี้วัดที่ ${Number(m[1])}` });
  });
  const text = (cells: unknown[], key: keyof typeof spec) =>
    c[key] !== undefined && !isBlankLike(cells[c[key] as number]) ? cellText(cells[c[key] as number]) : '';
  const out: AgencyRow[] = [];
  for (const { index, cells } of table.rows) {
    const agency = text(cells, 'agency');
    if (!agency) continue;
    const ref = (column: number) => cellRef(sheet.name, index, column);
    const score = (column: number, label: string): Given | null => {
      const where = ref(column);
      const value = readScore(cells[column], where, findings, () => `${agency} ${label}`);
      return value ? { value, where } : null;
    };
    const tools: AgencyRow['tools'] = {};
    for (const key of AGENCY_TOOLS) {
      const given = c[key] !== undefined ? score(c[key] as number, key) : null;
      if (given) tools[key] = given;
    }
    const indicators: AgencyRow['indicators'] = [];
    for (const { indicator, column, label } of indicatorColumns) {
      const given = score(column, label);
      if (given) indicators.push({ indicator, value: given.value, where: given.where });
    }
    const level = text(cells, 'level');
    out.push({
      agency,
      code: text(cells, 'code'),
      type: agencyType(text(cells, 'type')),
      group: text(cells, 'group'),
      year: c.year !== undefined ? readYearCell(cells[c.year], () => ref(c.year as number), findings) : null,
      total: score(c.total as number, 'คะแนนรวม'),
      tools,
      indicators,
      level: level ? { text: level, where: ref(c.level as number) } : null,
      emails: c.email !== undefined ? emailsOf(cells[c.email], () => ref(c.email as number), findings) : [],
      where: ref(c.agency as number),
      row: index,
    });
  }
  return out;
}

/** The peers tab: the same reader as the agencies tab, each row as the agency's report ranks it. */
function readPeers(sheet: SheetData, findings: Findings): Peer[] {
  return readAgencyRows(sheet, findings).map((row) => ({
    agency: row.agency,
    score: row.total?.value ?? null,
    level: row.level?.text ?? '',
    year: row.year,
    where: row.where,
  }));
}

function readDivisions(sheet: SheetData, findings: Findings): Division[] {
  const table = readTable(sheet, COLUMNS.divisions, findings, { required: ['code'] });
  if (!table) return [];
  const c = table.columns;
  const out: Division[] = [];
  for (const { index, cells } of table.rows) {
    const code = cellText(cells[c.code as number]);
    if (!code) continue;
    out.push({
      code,
      name: c.name !== undefined ? cellText(cells[c.name]) : '',
      emails:
        c.emails !== undefined
          ? emailsOf(cells[c.emails], cellRef(sheet.name, index, c.emails), findings)
          : [],
      where: cellRef(sheet.name, index, c.code as number),
    });
  }
  return out;
}

/** Reads every tab of format 1. Problems become findings; nothing here throws on bad input. */
export function readWorkbook(sheets: readonly SheetData[], findings: Findings): ParsedWorkbook {
  const tabs: ParsedWorkbook['tabs'] = {};
  for (const key of Object.keys(TABS) as TabKey[]) {
    const sheet = findTab(sheets, key);
    if (sheet) tabs[key] = sheet.name;
  }
  const sheetOf = (key: TabKey) => findTab(sheets, key);
  const settingsSheet = sheetOf('settings');
  if (!settingsSheet) {
    findings.error(
      'missing-tab',
      null,
      `ไม่พบแท็บ "ตั้งค่า" (Settings) ซึ่งต้องมีชื่อหน่วยงานและปีงบประมาณที่ประเมิน`,
      `No "ตั้งค่า" (Settings) tab with the agency and the assessed fiscal year`,
    );
  }
  // A coordinator's workbook has the agencies tab and no score tab of its own.
  if (!sheetOf('totals') && !sheetOf('indicators') && !sheetOf('items') && !sheetOf('agencies')) {
    findings.error(
      'missing-tab',
      null,
      `ไม่พบแท็บคะแนน: ต้องมีอย่างน้อยหนึ่งแท็บจาก "คะแนนรวม", "ตัวชี้วัด", "รายข้อ"`,
      `No score tab: at least one of "คะแนนรวม" (Totals), "ตัวชี้วัด" (Indicators), "รายข้อ" (Items) is needed`,
    );
  }
  const indicatorNames = new Map<number, string>();
  const itemTopics = new Map<string, string>();
  const optional = <T>(key: TabKey, read: (sheet: SheetData, findings: Findings) => T[]): T[] => {
    const sheet = sheetOf(key);
    return sheet ? read(sheet, findings) : [];
  };
  const settings = settingsSheet ? readSettings(settingsSheet, findings) : null;
  const totals = optional('totals', readTotals);
  const indicators = optional('indicators', (sheet) => readIndicators(sheet, findings, indicatorNames));
  const items = optional('items', (sheet) => readItems(sheet, findings, itemTopics));
  const years = new Set<number>([
    ...totals.filter((t) => Object.keys(t.figures).length > 0).map((t) => t.year),
    ...indicators.map((g) => g.year),
    ...items.map((g) => g.year),
  ]);
  return {
    tabs,
    settings,
    totals,
    indicators,
    indicatorNames,
    items,
    itemTopics,
    recommendations: optional('recommendations', readRecommendations),
    comments: optional('comments', readComments),
    peers: optional('peers', readPeers),
    agencies: optional('agencies', readAgencyRows),
    divisions: optional('divisions', readDivisions),
    years: [...years].sort((a, b) => a - b),
  };
}
