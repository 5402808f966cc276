import { cellRef, type Findings } from '../findings';
import { cellText, toArabicDigits } from '../thai';
import { findTab, type SheetData } from '../workbook/reader';
import { type GeneratedMeasure, numberedSteps, publicNumber } from './generate';

/**
 * The `มาตรการ` tab (docs/report.md): columns in order; the add-on writes the first seven, `ที่มา` and the
 * four quarterly milestones (added after `ที่มา`, so that a tab of an earlier version keeps its layout).
 */
export const MEASURE_COLUMNS = [
  'รหัส',
  'ตัวชี้วัดที่',
  'มาตรการ/โครงการ/กิจกรรม',
  'ผลการวิเคราะห์ตัวชี้วัด',
  'ขั้นตอน/วิธีการดำเนินการ',
  'ช่วงระยะเวลา',
  'ผู้รับผิดชอบ',
  'สถานะ',
  'ความคืบหน้า (%)',
  'หลักฐาน',
  'หมายเหตุ',
  'ที่มา',
  'ไตรมาสที่ 1 (ต.ค.–ธ.ค.)',
  'ไตรมาสที่ 2 (ม.ค.–มี.ค.)',
  'ไตรมาสที่ 3 (เม.ย.–มิ.ย.)',
  'ไตรมาสที่ 4 (ก.ค.–ก.ย.)',
  'เลขที่มาตรการ',
] as const;

/** The measure's public number (ม.1 …): given once, stored, printed by both reports instead of `รหัส`. */
export const NUMBER_COLUMN = 16;

/** The quarterly milestone columns, first quarter of the fiscal year (October) first. */
export const QUARTER_COLUMNS = MEASURE_COLUMNS.slice(12, 16);

/**
 * What divisions record of each measure's outcome, after the rounds' progress columns (which come from the
 * settings: `roundColumn` in follow-up.ts). The add-on writes their headers only.
 */
export const OUTCOME_COLUMNS = ['ผลการดำเนินการเทียบกับเป้าหมาย', 'ปัญหาและอุปสรรค', 'การดำเนินการต่อไป'] as const;

/** The name the add-on gives a measures tab it creates; an existing one is found by any alias (`Measures`). */
export const MEASURES_TAB = 'มาตรการ';

/** The measures tab among the tabs read, by its Thai or English name. */
export function measuresTabOf(sheets: readonly SheetData[]): SheetData | undefined {
  return findTab(sheets, 'measures');
}
/** The statuses of the dropdown; `ยกเลิก` (cancelled) needs its reason in `หมายเหตุ`. */
export const STATUSES = ['ยังไม่เริ่ม', 'กำลังดำเนินการ', 'เสร็จสิ้น', 'ยกเลิก'] as const;
export const CANCELLED = STATUSES[3];
/** Columns the add-on regenerates unless a person edited the cell since it last wrote it. */
export const GENERATED_COLUMNS = [1, 2, 3, 4, 5, 6, 12, 13, 14, 15] as const;
export const ORIGIN_COLUMN = 11;
export const ORIGIN = { generated: 'ita-report', retired: 'ita-report: ไม่อยู่ในข้อเสนอล่าสุด (คงไว้)' } as const;

/** A short, stable fingerprint of a cell's text, to know later whether a person changed it. */
export function fingerprint(value: unknown): string {
  let h = 0x811c9dc5;
  const text = cellText(value);
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** Text that Sheets would read as a formula is written with a leading apostrophe, so it stays text. */
export function asText(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@]/.test(value) ? `'${value}` : value;
}

function generatedCells(m: GeneratedMeasure, n: number): (string | number)[] {
  const { steps, milestones } = numberedSteps(m, n);
  return [m.indicator, m.title, m.analysis, steps, m.period, m.responsible, ...milestones];
}

/** The number of a `ม.3` cell (Thai or Arabic digits), or null. */
export function numberOf(value: unknown): number | null {
  const m = /(\d+)/.exec(toArabicDigits(cellText(value)));
  return m ? Number(m[1]) : null;
}

/**
 * Each row's public number: the one it stored, else the next after the highest (rows in order, then the new
 * measures in the order generated). A number two rows share stays with the first; the other gets a new one.
 */
function assignNumbers(
  stored: (number | null | 'blank')[],
  newCount: number,
): { rows: (number | null)[]; added: number[] } {
  let next = Math.max(0, ...stored.map((n) => (typeof n === 'number' ? n : 0)));
  const used = new Set<number>();
  const rows = stored.map((n) => {
    if (n === 'blank') return null;
    if (n !== null && !used.has(n)) {
      used.add(n);
      return n;
    }
    return ++next;
  });
  const added = Array.from({ length: newCount }, () => ++next);
  return { rows, added };
}

export interface MeasuresPlan {
  /** The tab has content that is not a measures table (no `รหัส` header): nothing may be written. */
  foreign: boolean;
  /** For a foreign tab: the 1-based row lower down where a `รหัส` header stands (a title above it), or null. */
  headerBelow: number | null;
  /** The header row as it must read (the existing one, with any missing column added at its end). */
  header: string[];
  headerChanged: boolean;
  /** Column blocks to write over the existing rows (rows 2…): first column (0-based) and the values. */
  blocks: { column: number; values: (string | number)[][] }[];
  /** Whole new rows, in the sheet's column order, to append after the existing ones. */
  newRows: (string | number)[][];
  existingRows: number;
  /** The fingerprints of what the add-on wrote, by measure id (to store in the document properties). */
  fingerprints: Record<string, string[]>;
  summary: { added: number; updated: number; keptEdits: number; retired: number; userRows: number };
  /** Sheet rows (1-based) of each measure id after the write, for protections. */
  rowsById: Map<string, number>;
}

/**
 * Merges the generated measures into the tab as it is. Columns are found by their header, wherever a person
 * moved them; missing ones are added at the end; other columns are never written. Rows match by `รหัส`.
 * A generated cell is replaced only if it still reads as the add-on last wrote it; a kept cell is written
 * back as its formula when it has one. Status, progress, evidence and notes are the divisions' and are
 * never touched; rows no longer suggested are marked in `ที่มา`, not deleted.
 */
export function planMeasures(
  existing: readonly unknown[][],
  formulas: readonly (readonly string[])[],
  stored: Readonly<Record<string, string[]>>,
  generated: readonly GeneratedMeasure[],
  followUpColumns: readonly string[] = [],
): MeasuresPlan {
  const empty = existing.every((row) => row.every((c) => cellText(c) === ''));
  const found = empty ? [] : existing[0].map(cellText);
  const foreign = !empty && !found.includes(MEASURE_COLUMNS[0]);
  const below = foreign
    ? existing.slice(1, 10).findIndex((row) => row.some((c) => cellText(c) === MEASURE_COLUMNS[0]))
    : -1;
  const header = [...found];
  for (const name of [...MEASURE_COLUMNS, ...followUpColumns]) if (!header.includes(name)) header.push(name);
  const col = (name: (typeof MEASURE_COLUMNS)[number]) => header.indexOf(name);
  const generatedCols = GENERATED_COLUMNS.map((k) => col(MEASURE_COLUMNS[k]));
  const originCol = col(MEASURE_COLUMNS[ORIGIN_COLUMN]);
  const numberCol = col(MEASURE_COLUMNS[NUMBER_COLUMN]);
  const rows = empty || foreign ? [] : existing.slice(1);
  const byId = new Map(generated.map((m) => [m.id, m]));
  const ids = new Set(rows.map((row) => cellText(row[col('รหัส')])));
  const newMeasures = generated.filter((m) => !ids.has(m.id));
  const numbers = assignNumbers(
    rows.map((row) =>
      cellText(row[col('รหัส')]) || cellText(row[col('มาตรการ/โครงการ/กิจกรรม')])
        ? numberOf(row[numberCol])
        : 'blank',
    ),
    newMeasures.length,
  );
  const numberValues = rows.map((row, i) => {
    const n = numbers.rows[i];
    return n === null ? asText(cellText(row[numberCol])) : publicNumber(n);
  });
  const seen = new Set<string>();
  const fingerprints: Record<string, string[]> = {};
  const summary = { added: 0, updated: 0, keptEdits: 0, retired: 0, userRows: 0 };
  const rowsById = new Map<string, number>();
  const generatedValues: (string | number)[][] = [];
  const originValues: string[] = [];
  rows.forEach((row, i) => {
    const id = cellText(row[col('รหัส')]);
    const current = generatedCols.map((c) => row[c] as string | number);
    // What to write back for a cell the add-on keeps: its formula if it has one, else its value as text.
    const kept = (k: number) => formulas[i + 1]?.[generatedCols[k]] || asText(current[k] ?? '');
    const keepAll = () => generatedCols.map((_, k) => kept(k));
    const measure = byId.get(id);
    const prints = stored[id];
    if (!id || (!measure && !prints) || seen.has(id)) {
      summary.userRows++;
      generatedValues.push(keepAll());
      originValues.push(cellText(row[originCol]));
      return;
    }
    seen.add(id);
    rowsById.set(id, i + 2);
    if (!measure) {
      summary.retired++;
      generatedValues.push(keepAll());
      originValues.push(ORIGIN.retired);
      fingerprints[id] = prints;
      return;
    }
    const fresh = generatedCells(measure, numbers.rows[i] ?? measure.number);
    let changed = false;
    // Without a fingerprint (state lost) a filled cell counts as edited: keeping stale text beats losing work.
    generatedValues.push(
      generatedCols.map((_, k) => {
        const same = cellText(current[k]) === cellText(fresh[k]);
        // A cell a person cleared is an edit too; without a fingerprint only a blank cell is the add-on's.
        const untouched = prints
          ? prints[k] === undefined || prints[k] === fingerprint(current[k])
          : cellText(current[k]) === '';
        if (!untouched) {
          if (!same) summary.keptEdits++;
          return kept(k);
        }
        if (!same) changed = true;
        return asText(fresh[k]);
      }),
    );
    if (changed) summary.updated++;
    fingerprints[id] = fresh.map(fingerprint);
    originValues.push(ORIGIN.generated);
  });
  const newRows: (string | number)[][] = [];
  for (const m of generated) {
    if (seen.has(m.id)) continue;
    const n = numbers.added[newMeasures.indexOf(m)] ?? numbers.added.length + 1;
    summary.added++;
    const cells = generatedCells(m, n);
    fingerprints[m.id] = cells.map(fingerprint);
    rowsById.set(m.id, rows.length + newRows.length + 2);
    const row: (string | number)[] = header.map(() => '');
    const values: Record<string, string | number> = {
      รหัส: m.id,
      สถานะ: STATUSES[0],
      'ความคืบหน้า (%)': 0,
      ที่มา: ORIGIN.generated,
      เลขที่มาตรการ: publicNumber(n),
    };
    GENERATED_COLUMNS.forEach((k, j) => {
      values[MEASURE_COLUMNS[k]] = cells[j];
    });
    for (const [name, value] of Object.entries(values)) row[header.indexOf(name)] = asText(value);
    newRows.push(row);
  }
  // Adjacent columns go in one block: in the add-on's own layout, B:G and L.
  const blocks: MeasuresPlan['blocks'] = [];
  const columns = [
    ...generatedCols.map((c, k) => ({ c, values: generatedValues.map((r) => r[k]) })),
    { c: originCol, values: originValues },
    { c: numberCol, values: numberValues },
  ].sort((a, b) => a.c - b.c);
  for (const { c, values } of rows.length > 0 ? columns : []) {
    const last = blocks[blocks.length - 1];
    if (last && last.column + last.values[0].length === c) {
      for (const [i, r] of last.values.entries()) r.push(values[i]);
    } else blocks.push({ column: c, values: values.map((v) => [v]) });
  }
  return {
    foreign,
    headerBelow: below >= 0 ? below + 2 : null,
    header,
    headerChanged: header.length !== found.length,
    blocks,
    newRows,
    existingRows: rows.length,
    fingerprints,
    summary,
    rowsById,
  };
}

export interface MeasureRow {
  /** The merge key: never printed in a report. */
  id: string;
  /** The public number (ม.1 …) the reports print. */
  number: string;
  indicator: number | null;
  title: string;
  analysis: string;
  steps: string;
  period: string;
  responsible: string;
  status: string;
  progress: number | null;
  evidence: string;
  notes: string;
  retired: boolean;
  /** What is to be done by the end of each quarter ('' where the tab has no such column or cell). */
  milestones: string[];
  /** The measure's sheet row (1-based). */
  row: number;
  /** The progress (%) recorded at each follow-up round, in the order of the rounds asked for. */
  rounds: (number | null)[];
  result: string;
  problems: string;
  nextStep: string;
  /** The evidence cell's web links (http or https only), each with the text before it as its label. */
  links: EvidenceLink[];
}

/** A measure as the reports name it: its public number, then its title (its รหัส, a merge key, never). */
export function measureName(m: Pick<MeasureRow, 'title' | 'number'>): string {
  return `${m.number} ${m.title}`;
}

export interface EvidenceLink {
  label: string;
  url: string;
}

/**
 * The links of an evidence cell: `รายงานการประชุม https://…` lines (a label, then the link), or bare links.
 * Only http and https links count; other text is not a link.
 */
export function evidenceLinks(text: string): EvidenceLink[] {
  const links: EvidenceLink[] = [];
  for (const line of text.split(/\n/)) {
    let rest = line;
    for (const m of line.matchAll(/https?:\/\/[^\s<>"]+/gi)) {
      const url = m[0].replace(/[),.;:]+$/, '');
      const before = rest
        .slice(0, rest.indexOf(m[0]))
        .replace(/[\s:：\-–]+$/, '')
        .trim();
      links.push({ label: before, url });
      rest = rest.slice(rest.indexOf(m[0]) + m[0].length);
    }
  }
  return links;
}

/** A percentage a division typed: null when blank, `bad` when not a number from 0 to 100. */
function percentOf(value: unknown): number | null | 'bad' {
  const text = toArabicDigits(cellText(value)).replace(/%$/, '').trim();
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : 'bad';
}

/** Whether a measure's `ผู้รับผิดชอบ` names a division (by code, or all divisions). */
export function ownsMeasure(responsible: string, code: string): boolean {
  return responsible.split(/[,\s]+/).includes(code) || responsible === 'ทุกหน่วยงานภายใน';
}

/** What the rows are checked against; without a field, that check is not made. */
export interface MeasureChecks {
  /** The framework's indicator numbers: another `ตัวชี้วัดที่` is a finding, and read as none. */
  indicators?: readonly number[];
  /** The divisions' codes: one named twice in `ผู้รับผิดชอบ` is a finding, and named once. */
  divisions?: readonly string[];
  /** Where to report (the values are cleaned all the same without it), and the tab's name for the cells. */
  findings?: Findings;
  tab?: string;
}

/** The framework's indicators and the divisions' codes of an analysis, to check the measures tab with. */
export function measureChecksOf(analysis: {
  current: { framework: { indicators: readonly { number: number }[] } } | null;
  workbook: { divisions: readonly { code: string }[] };
}): MeasureChecks {
  return {
    indicators: analysis.current?.framework.indicators.map((i) => i.number),
    divisions: analysis.workbook.divisions.map((d) => d.code),
  };
}

/** `ผู้รับผิดชอบ` with each division code named once, and the codes named more than once. */
function ownersOnce(responsible: string, codes: readonly string[]): { text: string; repeated: string[] } {
  const tokens = responsible.split(/\s*[,;]\s*|\s+และ\s+|\s+/).filter(Boolean);
  const repeated = tokens.filter((t, i) => codes.includes(t) && tokens.indexOf(t) < i);
  if (repeated.length === 0) return { text: responsible, repeated };
  return {
    text: tokens.filter((t, i) => !codes.includes(t) || tokens.indexOf(t) === i).join(', '),
    repeated,
  };
}

/**
 * The tab's rows as the divisions left them, for the reports and the follow-up. `roundColumns` are the
 * headers of the rounds' progress columns, in round order. A value that cannot be right is a warning
 * naming its cell (when `checks.findings` is given) and is not used: a `รหัส` given to an earlier row, a
 * progress that is not a number from 0 to 100, a status not in the list (or `ยกเลิก` without its reason in
 * `หมายเหตุ`), an indicator not in the framework, a division code named twice.
 */
export function readMeasureRows(
  values: readonly unknown[][],
  roundColumns: readonly string[] = [],
  checks: MeasureChecks = {},
): MeasureRow[] {
  if (values.length === 0) return [];
  const header = values[0].map(cellText);
  const columns = new Map<string, number>();
  header.forEach((name, c) => {
    if (!columns.has(name)) columns.set(name, c);
  });
  const col = (name: string) => columns.get(name) ?? -1;
  const at = (row: readonly unknown[], name: string) => (col(name) >= 0 ? row[col(name)] : '');
  const text = (row: readonly unknown[], name: string) => String(at(row, name) ?? '').trim();
  const report = (code: string, number: number, name: string, th: string, en: string) => {
    if (!checks.findings) return;
    const where = cellRef(checks.tab ?? MEASURES_TAB, number - 1, Math.max(col(name), 0));
    checks.findings.warning(code, where, `${where}: ${th}`, `${where}: ${en}`);
  };
  const percent = (row: readonly unknown[], number: number, name: string) => {
    const p = percentOf(at(row, name));
    if (p !== 'bad') return p;
    const shown = cellText(at(row, name)).slice(0, 40);
    report(
      'bad-progress',
      number,
      name,
      `ความคืบหน้า "${shown}" ไม่ใช่ตัวเลข 0–100 จึงไม่นำมาใช้`,
      `progress "${shown}" is not a number from 0 to 100; it is not used`,
    );
    return null;
  };
  const ids = new Set<string>();
  const measures = values
    .map((row, i) => ({ row, number: i + 1 }))
    .slice(1)
    .filter(({ row }) => cellText(at(row, 'มาตรการ/โครงการ/กิจกรรม')) !== '');
  // A tab of an earlier version has no numbers yet: the reports number its rows as a rebuild would.
  const publicNumbers = assignNumbers(
    measures.map(({ row }) => numberOf(at(row, MEASURE_COLUMNS[NUMBER_COLUMN]))),
    0,
  ).rows;
  return measures.map(({ row, number }, i) => {
    let id = cellText(at(row, 'รหัส'));
    if (id !== '' && ids.has(id)) {
      report(
        'duplicate-measure-id',
        number,
        'รหัส',
        `รหัส "${id}" ซ้ำกับมาตรการในแถวก่อนหน้า จึงไม่ใช้รหัสนี้กับแถวนี้`,
        `code "${id}" is an earlier measure's; this row is read without it`,
      );
      id = '';
    }
    ids.add(id);
    const indicatorText = toArabicDigits(cellText(at(row, 'ตัวชี้วัดที่'))).replace(/^ตัวชี้วัดที่\s*/, '');
    let indicator: number | null = /^\d+$/.test(indicatorText) ? Number(indicatorText) : null;
    if (
      indicatorText !== '' &&
      (indicator === null || (checks.indicators && !checks.indicators.includes(indicator)))
    ) {
      report(
        'unknown-indicator',
        number,
        'ตัวชี้วัดที่',
        `ตัวชี้วัดที่ "${indicatorText.slice(0, 40)}" ไม่อยู่ในกรอบการประเมิน จึงจัดไว้ในมาตรการอื่น ๆ`,
        `indicator "${indicatorText.slice(0, 40)}" is not in the framework; the measure is listed under other measures`,
      );
      indicator = null;
    }
    const notes = cellText(at(row, 'หมายเหตุ'));
    let status = cellText(at(row, 'สถานะ'));
    if (status !== '' && !(STATUSES as readonly string[]).includes(status)) {
      report(
        'bad-status',
        number,
        'สถานะ',
        `สถานะ "${status.slice(0, 40)}" ไม่อยู่ในรายการ (${STATUSES.join(' / ')}) จึงไม่นำมาใช้`,
        `status "${status.slice(0, 40)}" is not one of the list (${STATUSES.join(' / ')}); it is not used`,
      );
      status = '';
    } else if (status === CANCELLED && notes === '') {
      report(
        'cancelled-without-reason',
        number,
        col('หมายเหตุ') >= 0 ? 'หมายเหตุ' : 'สถานะ',
        'มาตรการที่ยกเลิกต้องระบุเหตุผลในช่องหมายเหตุ จึงยังไม่ถือว่ายกเลิก',
        'a cancelled measure needs its reason in หมายเหตุ (notes); until then it is not read as cancelled',
      );
      status = '';
    }
    let responsible = cellText(at(row, 'ผู้รับผิดชอบ'));
    if (checks.divisions) {
      const once = ownersOnce(responsible, checks.divisions);
      if (once.repeated.length > 0)
        report(
          'duplicate-owner',
          number,
          'ผู้รับผิดชอบ',
          `ผู้รับผิดชอบ ${once.repeated.join(', ')} ระบุซ้ำ จึงนับครั้งเดียว`,
          `owner ${once.repeated.join(', ')} is named twice; counted once`,
        );
      responsible = once.text;
    }
    return {
      id,
      number: publicNumber(publicNumbers[i] ?? i + 1),
      indicator,
      title: cellText(at(row, 'มาตรการ/โครงการ/กิจกรรม')),
      analysis: text(row, 'ผลการวิเคราะห์ตัวชี้วัด'),
      steps: text(row, 'ขั้นตอน/วิธีการดำเนินการ'),
      period: cellText(at(row, 'ช่วงระยะเวลา')),
      responsible,
      status,
      progress: percent(row, number, 'ความคืบหน้า (%)'),
      evidence: text(row, 'หลักฐาน'),
      notes,
      retired: cellText(at(row, 'ที่มา')) === ORIGIN.retired,
      milestones: QUARTER_COLUMNS.map((name) => text(row, name)),
      row: number,
      rounds: roundColumns.map((name) => percent(row, number, name)),
      result: text(row, OUTCOME_COLUMNS[0]),
      problems: text(row, OUTCOME_COLUMNS[1]),
      nextStep: text(row, OUTCOME_COLUMNS[2]),
      links: evidenceLinks(text(row, 'หลักฐาน')),
    };
  });
}

export interface ProgressSummary {
  total: number;
  byStatus: Record<string, number>;
  byDivision: {
    division: string;
    total: number;
    done: number;
    inProgress: number;
    notStarted: number;
    cancelled: number;
    /** The mean progress of the division's measures not cancelled, or null when none has a progress. */
    meanProgress: number | null;
  }[];
}

/** Measures by status and by division (a row owned by several divisions counts for each). */
export function progressSummary(
  rows: readonly MeasureRow[],
  divisionCodes: readonly string[],
): ProgressSummary {
  const live = rows.filter((r) => !r.retired);
  const byStatus: Record<string, number> = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  for (const r of live) byStatus[r.status || STATUSES[0]] = (byStatus[r.status || STATUSES[0]] ?? 0) + 1;
  const byDivision = divisionCodes.map((division) => {
    const mine = live.filter((r) => ownsMeasure(r.responsible, division));
    const progress = mine
      .filter((r) => r.status !== CANCELLED)
      .map((r) => r.progress)
      .filter((p): p is number => p !== null);
    return {
      division,
      total: mine.length,
      done: mine.filter((r) => r.status === 'เสร็จสิ้น').length,
      inProgress: mine.filter((r) => r.status === 'กำลังดำเนินการ').length,
      notStarted: mine.filter((r) => !r.status || r.status === 'ยังไม่เริ่ม').length,
      cancelled: mine.filter((r) => r.status === CANCELLED).length,
      meanProgress: progress.length
        ? Math.round(progress.reduce((a, b) => a + b, 0) / progress.length)
        : null,
    };
  });
  return { total: live.length, byStatus, byDivision };
}
