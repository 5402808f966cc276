import { cellText } from '../thai';
import type { GeneratedMeasure } from './generate';

/** The `มาตรการ` tab (docs/report.md): columns in order; the add-on writes the first seven and `ที่มา`. */
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
] as const;

export const MEASURES_TAB = 'มาตรการ';
export const STATUSES = ['ยังไม่เริ่ม', 'กำลังดำเนินการ', 'เสร็จสิ้น'] as const;
/** Columns the add-on regenerates unless a person edited the cell since it last wrote it. */
export const GENERATED_COLUMNS = [1, 2, 3, 4, 5, 6] as const;
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

function generatedCells(m: GeneratedMeasure): (string | number)[] {
  return [m.indicator, m.title, m.analysis, m.steps, m.period, m.responsible];
}

export interface MeasuresPlan {
  /** The header row to write when the tab is new or lacks columns. */
  header: string[];
  /** Rows 2… of the existing tab, generated columns only (B:G), as they must now read. */
  existingGenerated: (string | number)[][];
  /** The `ที่มา` column for the existing rows. */
  existingOrigin: string[][];
  /** Whole new rows to append after the existing ones. */
  newRows: (string | number)[][];
  /** The fingerprints of what the add-on wrote, by measure id (to store in the document properties). */
  fingerprints: Record<string, string[]>;
  summary: { added: number; updated: number; keptEdits: number; retired: number; userRows: number };
  /** Sheet rows (1-based) of each measure id after the write, for protections. */
  rowsById: Map<string, number>;
}

/**
 * Merges the generated measures into the tab as it is. Rows match by `รหัส`. A generated cell is replaced
 * only if it still reads as the add-on last wrote it; status, progress, evidence and notes are the
 * divisions' and are never touched; rows no longer suggested are marked in `ที่มา`, not deleted.
 */
export function planMeasures(
  existing: readonly unknown[][],
  stored: Readonly<Record<string, string[]>>,
  generated: readonly GeneratedMeasure[],
): MeasuresPlan {
  const header = [...MEASURE_COLUMNS];
  const rows =
    existing.length > 0 && cellText(existing[0][0]) === MEASURE_COLUMNS[0] ? existing.slice(1) : [];
  const byId = new Map(generated.map((m) => [m.id, m]));
  const seen = new Set<string>();
  const fingerprints: Record<string, string[]> = {};
  const summary = { added: 0, updated: 0, keptEdits: 0, retired: 0, userRows: 0 };
  const rowsById = new Map<string, number>();
  const existingGenerated: (string | number)[][] = [];
  const existingOrigin: string[][] = [];
  rows.forEach((row, i) => {
    const id = cellText(row[0]);
    const current = GENERATED_COLUMNS.map((c) => row[c] as string | number);
    const measure = byId.get(id);
    const prints = stored[id];
    if (!id || (!measure && !prints) || seen.has(id)) {
      summary.userRows++;
      existingGenerated.push(current.map((v) => asText(v ?? '')));
      existingOrigin.push([cellText(row[ORIGIN_COLUMN])]);
      return;
    }
    seen.add(id);
    rowsById.set(id, i + 2);
    if (!measure) {
      summary.retired++;
      existingGenerated.push(current.map((v) => asText(v ?? '')));
      existingOrigin.push([ORIGIN.retired]);
      fingerprints[id] = prints;
      return;
    }
    const fresh = generatedCells(measure);
    let changed = false;
    // Without a fingerprint (state lost) a filled cell counts as edited: keeping stale text beats losing work.
    const next = GENERATED_COLUMNS.map((_, k) => {
      const same = cellText(current[k]) === cellText(fresh[k]);
      const untouched = cellText(current[k]) === '' || prints?.[k] === fingerprint(current[k]);
      if (!untouched) {
        if (!same) summary.keptEdits++;
        return current[k];
      }
      if (!same) changed = true;
      return fresh[k];
    });
    if (changed) summary.updated++;
    fingerprints[id] = fresh.map(fingerprint);
    existingGenerated.push(next.map((v) => asText(v ?? '')));
    existingOrigin.push([ORIGIN.generated]);
  });
  const newRows: (string | number)[][] = [];
  for (const m of generated) {
    if (seen.has(m.id)) continue;
    summary.added++;
    const cells = generatedCells(m);
    fingerprints[m.id] = cells.map(fingerprint);
    rowsById.set(m.id, rows.length + newRows.length + 2);
    newRows.push([m.id, ...cells, STATUSES[0], 0, '', '', ORIGIN.generated].map(asText));
  }
  return { header, existingGenerated, existingOrigin, newRows, fingerprints, summary, rowsById };
}

export interface MeasureRow {
  id: string;
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
}

/** The tab's rows as the divisions left them, for the report and the progress summary. */
export function readMeasureRows(values: readonly unknown[][]): MeasureRow[] {
  if (values.length === 0) return [];
  const header = values[0].map(cellText);
  const col = (name: string) => header.indexOf(name);
  const at = (row: readonly unknown[], name: string) => (col(name) >= 0 ? row[col(name)] : '');
  return values
    .slice(1)
    .filter((row) => cellText(at(row, 'มาตรการ/โครงการ/กิจกรรม')) !== '')
    .map((row) => {
      const progress = Number(at(row, 'ความคืบหน้า (%)'));
      const indicator = Number(
        String(at(row, 'ตัวชี้วัดที่')).replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50)),
      );
      return {
        id: cellText(at(row, 'รหัส')),
        indicator: Number.isInteger(indicator) && indicator > 0 ? indicator : null,
        title: cellText(at(row, 'มาตรการ/โครงการ/กิจกรรม')),
        analysis: String(at(row, 'ผลการวิเคราะห์ตัวชี้วัด') ?? '').trim(),
        steps: String(at(row, 'ขั้นตอน/วิธีการดำเนินการ') ?? '').trim(),
        period: cellText(at(row, 'ช่วงระยะเวลา')),
        responsible: cellText(at(row, 'ผู้รับผิดชอบ')),
        status: cellText(at(row, 'สถานะ')),
        progress: cellText(at(row, 'ความคืบหน้า (%)')) === '' || Number.isNaN(progress) ? null : progress,
        evidence: cellText(at(row, 'หลักฐาน')),
        notes: cellText(at(row, 'หมายเหตุ')),
        retired: cellText(at(row, 'ที่มา')) === ORIGIN.retired,
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
    const mine = live.filter(
      (r) => r.responsible.split(/[,\s]+/).includes(division) || r.responsible === 'ทุกหน่วยงานภายใน',
    );
    const progress = mine.map((r) => r.progress).filter((p): p is number => p !== null);
    return {
      division,
      total: mine.length,
      done: mine.filter((r) => r.status === 'เสร็จสิ้น').length,
      inProgress: mine.filter((r) => r.status === 'กำลังดำเนินการ').length,
      notStarted: mine.filter((r) => !r.status || r.status === 'ยังไม่เริ่ม').length,
      meanProgress: progress.length
        ? Math.round(progress.reduce((a, b) => a + b, 0) / progress.length)
        : null,
    };
  });
  return { total: live.length, byStatus, byDivision };
}
