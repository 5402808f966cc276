import { errorFindings, errorLines } from '../core/findings';
import { planSharing, refusalAdvice, type SharingPlan } from '../core/measures/sharing';
import { analyzeRollup, type Rollup } from '../core/rollup/analyze';
import {
  attentionOf,
  FOLLOW_UP_TAB,
  followUpAnswers,
  followUpOwners,
  followUpRows,
  SHARE_LIMIT,
} from '../core/rollup/follow-up';
import { type RollupJson, rollupJson } from '../core/rollup/json';
import { OVERVIEW_TAB } from '../core/rollup/report';
import { ROLLUP_WORDS, type RollupWords } from '../core/rollup-words';
import { clampCellText } from '../core/workbook/limits';
import type { Division, SheetData } from '../core/workbook/reader';
import { matchesAlias, TABS } from '../core/workbook/schema';
import type { DocumentProps } from './document-props';
import { UserError } from './errors';
import { REPORT_KINDS } from './report-doc';
import { foreignProtections } from './sharing';
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
  let width = 1;
  for (const r of rows) width = Math.max(width, r.length);
  const grid = rows.map((r) => {
    const line = r.map((v) => (typeof v === 'string' ? clampCellText(v) : v));
    while (line.length < width) line.push('');
    return line;
  });
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

/**
 * Writes the `ติดตามหน่วยงาน` tab: one row per agency needing attention, what the agency filled kept as it
 * is (followUpRows), in one read and one setValues.
 */
export function writeFollowUpTab(
  workbook: OpenWorkbook,
  rollup: Rollup,
): { sheetName: string; rows: number } {
  let sheet = workbook.tabs.find((s) => s.getName() === FOLLOW_UP_TAB) ?? null;
  const existing = sheet ? sheet.getDataRange().getValues() : [];
  const rows = followUpRows(attentionOf(rollup), existing);
  const width = Math.max(...rows.map((r) => r.length));
  const grid = rows.map((r) => [...r, ...Array(width - r.length).fill('')]);
  if (!sheet) sheet = workbook.spreadsheet.insertSheet(FOLLOW_UP_TAB);
  if (sheet.getMaxRows() < grid.length)
    sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
  if (sheet.getMaxColumns() < width)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  sheet.getRange(1, 1, grid.length, width).setValues(grid);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground('#e8f0fe');
  sheet.setFrozenRows(1);
  return { sheetName: FOLLOW_UP_TAB, rows: grid.length - 1 };
}

/** A sentence of a plan, in both languages, and the names or addresses it lists. */
export interface PlanLine {
  th: string;
  en: string;
  /** To take with care (the limit passed, addresses that are none). */
  warn?: boolean;
  items?: string[];
  /** How many more there are than `items` shows. */
  more?: number;
}

/** The sharing plan of the follow-up tab, and how many addresses the spreadsheet would then hold. */
export interface AgencySharingPlan extends SharingPlan {
  /** Addresses with access now and those the plan would add: refused beyond `limit`. */
  addresses: number;
  limit: number;
  /** More than `limit`: the step is refused whole (requireWithinShareLimit) and the sidebar offers no confirm. */
  overLimit: boolean;
  /** Why agencies seeing one another's rows discloses nothing new, said in the plan. */
  note: { th: string; en: string };
  /** What the follow-up tab's e-mail cells hold that is not an address: never shared with. */
  refusedAddresses: { row: number; agency: string; text: string }[];
  /**
   * What the sidebar shows above the divisions' plan, sent with it rather than carried by the page: who gets
   * which row, the addresses against Google's limit, the cells that are not addresses, the note.
   */
  said: PlanLine[];
}

const PUBLIC_NOTE = {
  th: 'ผลการประเมิน ITA และแผน o25 ของทุกหน่วยงานเผยแพร่ต่อสาธารณะอยู่แล้ว หน่วยงานที่เห็นแถวของหน่วยงานอื่นจึงไม่ได้รับรู้ข้อมูลใหม่ แต่ละหน่วยงานแก้ไขได้เฉพาะแถวของตน',
  en: "ITA results and o25 plans are public already: an agency that sees another's row learns nothing new; each agency can edit its own row only",
};

/** What to do about an address Google refused: the agencies' addresses come from the ผลหน่วยงาน tab. */
export const AGENCY_REFUSAL_ADVICE = refusalAdvice('ผลหน่วยงาน', {
  th: ROLLUP_WORDS.notify.th.split(' (')[0],
  en: ROLLUP_WORDS.notify.en.split(' (')[0],
});

/** The agencies' rows listed in a plan: the first ones, then how many more. */
const LISTED = 12;

function listed(items: string[]): Pick<PlanLine, 'items' | 'more'> {
  return items.length > LISTED ? { items: items.slice(0, LISTED), more: items.length - LISTED } : { items };
}

function overLimitText(addresses: number, limit: number): { th: string; en: string } {
  return {
    th: `แชร์ไม่ได้: สเปรดชีตจะมีผู้ได้รับสิทธิ์ ${addresses} อีเมล เกินที่ Google ให้แชร์ไฟล์หนึ่งได้ (${limit} อีเมล) ไม่มีการเปลี่ยนแปลงใด ลดรายชื่ออีเมลในแท็บผลหน่วยงาน หรือแชร์ผ่าน Google Group`,
    en: `Not shared: the spreadsheet would be shared with ${addresses} addresses, more than Google lets one file be shared with (${limit}); nothing was changed. Trim the e-mails in the agencies tab, or share through a Google Group`,
  };
}

/** The plan's sentences (AgencySharingPlan.said). */
function planLines(
  owners: readonly Division[],
  refused: AgencySharingPlan['refusedAddresses'],
  addresses: number,
): PlanLine[] {
  const over = addresses > SHARE_LIMIT;
  const n = owners.length;
  const lines: PlanLine[] = [
    {
      th: `แถวของแต่ละหน่วยงานในแท็บ${FOLLOW_UP_TAB} (${n} แถว) แก้ได้เฉพาะอีเมลในคอลัมน์อีเมลของแถวนั้นและทีมงาน${n > LISTED ? ` (${LISTED} แถวแรก)` : ''}:`,
      en: `Each agency's row of the ${FOLLOW_UP_TAB} tab (${n} rows) is editable by the e-mails in its e-mail column and the team only${n > LISTED ? ` (the first ${LISTED})` : ''}:`,
      ...listed(owners.map((o) => `${o.name} → ${o.emails.join(', ') || '–'}`)),
    },
    {
      th: `เมื่อแชร์แล้ว สเปรดชีตจะมีผู้ได้รับสิทธิ์ ${addresses} อีเมล (Google ให้แชร์ไฟล์หนึ่งได้ไม่เกิน ${SHARE_LIMIT} อีเมล)`,
      en: `Once shared, the spreadsheet will be shared with ${addresses} addresses (Google allows one file ${SHARE_LIMIT} at most)`,
      warn: over,
    },
  ];
  if (over) lines.push({ ...overLimitText(addresses, SHARE_LIMIT), warn: true });
  if (refused.length > 0)
    lines.push({
      th: 'ข้อความเหล่านี้ในคอลัมน์อีเมลไม่ใช่อีเมล จึงไม่แชร์ให้ (แก้ในแท็บผลหน่วยงาน แล้วกดปรับแท็บติดตามหน่วยงาน):',
      en: 'These entries of the e-mail column are not addresses, so no one is shared with for them (correct them in the agencies tab, then update the follow-up tab):',
      warn: true,
      ...listed(refused.map((r) => `${r.agency}: ${r.text}`)),
    });
  lines.push(PUBLIC_NOTE);
  return lines;
}

/**
 * The follow-up tab's rows go to their agencies through the divisions' sharing code (planSharing and
 * applySharing), the agencies in the place of the divisions: each row protected for its agency's e-mails
 * and the team; the settings and the agencies tab the team's alone.
 */
export function agencySharingPlan(
  workbook: OpenWorkbook,
  rollup: Rollup,
  sheets: readonly SheetData[],
  props: DocumentProps,
): AgencySharingPlan {
  const sheet = workbook.tabs.find((s) => s.getName() === FOLLOW_UP_TAB);
  const values = sheet ? sheet.getDataRange().getValues() : [];
  const attention = new Set(attentionOf(rollup).map((a) => a.agency.label));
  const { owners, rows, refused } = followUpOwners(values, attention);
  const spreadsheet = workbook.spreadsheet;
  const me = Session.getEffectiveUser().getEmail();
  const owner = spreadsheet.getOwner()?.getEmail() ?? '';
  const editors = spreadsheet.getEditors().map((u) => u.getEmail().toLowerCase());
  const viewers = spreadsheet.getViewers().map((u) => u.getEmail().toLowerCase());
  const teamTabs = sheets
    .map((s) => s.name)
    .filter((name) => matchesAlias(name, TABS.settings) || matchesAlias(name, TABS.agencies));
  const plan = planSharing({
    divisions: owners,
    rows,
    team: [owner, me, ...(rollup.settings?.team ?? [])].filter(Boolean),
    spreadsheetEditors: editors,
    teamTabs,
    hasReport: Boolean(props.get(REPORT_KINDS.rollup.doc)),
    columns: values[0]?.length ?? 0,
    foreignProtections: foreignProtections(spreadsheet),
    rowsTab: { name: FOLLOW_UP_TAB, what: 'ติดตามหน่วยงาน', header: 'หัวตารางติดตามหน่วยงาน' },
  });
  const addresses = new Set([...editors, ...viewers, owner.toLowerCase(), ...plan.withoutAccess]);
  addresses.delete('');
  return {
    ...plan,
    addresses: addresses.size,
    limit: SHARE_LIMIT,
    overLimit: addresses.size > SHARE_LIMIT,
    note: PUBLIC_NOTE,
    refusedAddresses: refused,
    said: planLines(owners, refused, addresses.size),
  };
}

/** Refuses a plan that would share the spreadsheet with more people than Google allows a file. */
export function requireWithinShareLimit(plan: AgencySharingPlan): void {
  if (plan.addresses <= plan.limit) return;
  const text = overLimitText(plan.addresses, plan.limit);
  throw new UserError('share-limit', text.th, text.en);
}

/** What the sidebar's roll-up cards show of a coordinator's workbook. */
export interface RollupOverview {
  rollup: RollupJson;
  /** The follow-up tab's agencies and whether each has answered (a measure, progress or evidence filled); null without the tab. */
  followUp: { agency: string; answered: boolean }[] | null;
  /** The cards' words (the sidebar page does not carry them). */
  words: RollupWords;
}

/** The roll-up and who has answered in the follow-up tab (read with one getValues, when the tab exists). */
export function rollupOverview(workbook: OpenWorkbook, sheets: readonly SheetData[]): RollupOverview {
  const tab = workbook.tabs.find((s) => s.getName() === FOLLOW_UP_TAB);
  const followUp = tab
    ? followUpAnswers(tab.getDataRange().getValues()).map(({ agency, answered }) => ({ agency, answered }))
    : null;
  return { rollup: rollupJson(analyzeRollup(sheets)), followUp, words: ROLLUP_WORDS };
}
