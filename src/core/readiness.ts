import type { Analysis } from './analysis/analyze';
import { cellKey, hash } from './changes';
import { cellRef, errorFindings } from './findings';
import { ORIGIN, readMeasureRows } from './measures/tab';
import { cellText } from './thai';
import { findTab, type SheetData } from './workbook/reader';
import { matchesAlias, SETTING_KEYS, TABS, type TabKey } from './workbook/schema';

/** ok: holds; fail: does not (the report can still be built, except for data errors); todo: the build does it. */
export type CheckState = 'ok' | 'fail' | 'todo';

export type CheckId = 'errors' | 'years' | 'indicators' | 'measures' | 'approval' | 'emails';

export interface ReadinessCheck {
  id: CheckId;
  state: CheckState;
  /** How many are wrong or missing (errors, incomplete measure rows…). */
  count: number;
  /** What is missing: years, indicator numbers, division codes. */
  missing: string[];
  /** The cell to look at (`Tab!A1`), or null. */
  where: string | null;
}

/** The parts a measure row needs in the report's measures table (columns (๑)–(๕) of docs/report.md). */
export const MEASURE_PARTS = [
  'มาตรการ/โครงการ/กิจกรรม',
  'ผลการวิเคราะห์ตัวชี้วัด',
  'ขั้นตอน/วิธีการดำเนินการ',
  'ช่วงระยะเวลา',
  'ผู้รับผิดชอบ',
] as const;

const check = (
  id: CheckId,
  state: CheckState,
  extra: Partial<Omit<ReadinessCheck, 'id' | 'state'>> = {},
): ReadinessCheck => ({ id, state, count: 0, missing: [], where: null, ...extra });

const tabStart = (sheets: readonly SheetData[], key: TabKey): string | null => {
  const tab = findTab(sheets, key);
  return tab ? cellRef(tab.name, 0, 0) : null;
};

function errorsCheck(analysis: Analysis): ReadinessCheck {
  const errors = errorFindings(analysis.findings);
  return check('errors', errors.length === 0 ? 'ok' : 'fail', {
    count: errors.length,
    where: errors.find((f) => f.where)?.where ?? null,
  });
}

function yearsCheck(analysis: Analysis, sheets: readonly SheetData[]): ReadinessCheck {
  const missing: string[] = [];
  if (analysis.year !== null && !analysis.current) missing.push(String(analysis.year));
  if (analysis.year !== null && analysis.previous?.year !== analysis.year - 1)
    missing.push(String(analysis.year - 1));
  if (analysis.year === null) missing.push('?');
  return check('years', missing.length === 0 ? 'ok' : 'fail', {
    count: missing.length,
    missing,
    where: tabStart(sheets, 'totals') ?? tabStart(sheets, 'settings'),
  });
}

function indicatorsCheck(analysis: Analysis, sheets: readonly SheetData[]): ReadinessCheck {
  const cur = analysis.current;
  const missing = cur
    ? cur.framework.indicators
        .filter((i) => !cur.indicators.get(i.number)?.value)
        .map((i) => String(i.number))
    : ['1–10'];
  return check('indicators', missing.length === 0 ? 'ok' : 'fail', {
    count: missing.length,
    missing,
    where: tabStart(sheets, 'indicators') ?? tabStart(sheets, 'items'),
  });
}

/** Every live row of the measures tab has its five parts; before the first build there is nothing to check. */
function measuresCheck(sheets: readonly SheetData[]): ReadinessCheck {
  const tab = findTab(sheets, 'measures');
  const values = tab?.values ?? [];
  if (!tab || readMeasureRows(values).length === 0) return check('measures', 'todo');
  const header = values[0].map(cellText);
  const columns = MEASURE_PARTS.map((name) => header.indexOf(name));
  const origin = header.indexOf('ที่มา');
  const isRetired = (row: readonly unknown[]) => origin >= 0 && cellText(row[origin]) === ORIGIN.retired;
  let count = 0;
  let where: string | null = null;
  values.slice(1).forEach((row, i) => {
    if (row.every((c) => cellText(c) === '') || isRetired(row)) return;
    const empty = columns.find((c) => c < 0 || cellText(row[c]) === '');
    if (empty === undefined) return;
    count++;
    where ??= cellRef(tab.name, i + 1, Math.max(empty, 0));
  });
  return check('measures', count === 0 ? 'ok' : 'fail', { count, where });
}

/** The settings row of a key (its value cell), or the first empty row where it can be added. */
function settingCell(sheets: readonly SheetData[], aliases: readonly string[]): string | null {
  const tab = findTab(sheets, 'settings');
  if (!tab) return null;
  const row = tab.values.findIndex((r) => matchesAlias(r[0], aliases));
  return cellRef(tab.name, row >= 0 ? row : tab.values.length, row >= 0 ? 1 : 0);
}

/** The names of the report's author, proposer and approver (the approval block signs with them). */
const APPROVAL_KEYS = ['preparedBy', 'proposer', 'approver'] as const;

function approvalCheck(analysis: Analysis, sheets: readonly SheetData[]): ReadinessCheck {
  const settings = analysis.workbook.settings;
  const names = {
    preparedBy: settings?.preparedBy,
    proposer: settings?.signOff.proposer,
    approver: settings?.signOff.approver,
  };
  const unset = APPROVAL_KEYS.filter((key) => !names[key]);
  return check('approval', unset.length === 0 ? 'ok' : 'fail', {
    count: unset.length,
    missing: unset.map((key) => SETTING_KEYS[key][0]),
    where: unset.length === 0 ? null : settingCell(sheets, SETTING_KEYS[unset[0]]),
  });
}

function emailsCheck(analysis: Analysis, sheets: readonly SheetData[]): ReadinessCheck {
  const divisions = analysis.workbook.divisions;
  if (divisions.length === 0)
    return check('emails', 'fail', { count: 1, where: tabStart(sheets, 'divisions') });
  const without = divisions.filter((d) => d.emails.length === 0);
  return check('emails', without.length === 0 ? 'ok' : 'fail', {
    count: without.length,
    missing: without.map((d) => d.code),
    where: without[0]?.where ?? null,
  });
}

/** The o25 readiness checklist the sidebar shows above the build button. */
export function readiness(analysis: Analysis, sheets: readonly SheetData[]): ReadinessCheck[] {
  return [
    errorsCheck(analysis),
    yearsCheck(analysis, sheets),
    indicatorsCheck(analysis, sheets),
    measuresCheck(sheets),
    approvalCheck(analysis, sheets),
    emailsCheck(analysis, sheets),
  ];
}

/** A fingerprint of the given tabs' names and cells, to say later whether the data changed. */
export function tabsFingerprint(sheets: readonly SheetData[], keys: readonly TabKey[]): string {
  const parts = keys.map((key) => {
    const tab = findTab(sheets, key);
    return tab ? `${tab.name}\u0002${tab.values.map((r) => r.map(cellKey).join('\u0001')).join('\n')}` : '';
  });
  return hash(parts.join('\u0003'));
}

/** The tabs a report is built from, apart from the measures tab (which divisions keep editing). */
export const INPUT_TABS = (Object.keys(TABS) as TabKey[]).filter((k) => k !== 'measures');
