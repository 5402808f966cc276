import type { Analysis } from '../core/analysis/analyze';
import { errorMessage } from '../core/errors';
import {
  type ForeignProtection,
  PROTECTION_PREFIX,
  planSharing,
  type SharingPlan,
} from '../core/measures/sharing';
import { measuresTabOf } from '../core/measures/tab';
import { cellText } from '../core/thai';
import type { SheetData } from '../core/workbook/reader';
import { TABS } from '../core/workbook/schema';
import type { DocumentProps } from './document-props';
import { PROP_DOC, REPORT_KINDS } from './report-doc';
import { findSheet, type OpenWorkbook } from './sheets';

type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** The add-on's own protections: its mark in the description, and the user may change them. */
function isOurs(protection: Protection): boolean {
  return protection.canEdit() && protection.getDescription().startsWith(PROTECTION_PREFIX);
}

function allProtections(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Protection[] {
  return [SpreadsheetApp.ProtectionType.SHEET, SpreadsheetApp.ProtectionType.RANGE].flatMap((type) =>
    spreadsheet.getProtections(type),
  );
}

function foreignProtections(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): ForeignProtection[] {
  return allProtections(spreadsheet)
    .filter((p) => !isOurs(p))
    .map((p) => {
      const range = p.getRange();
      const tab = range.getSheet().getName();
      const where =
        p.getProtectionType() === SpreadsheetApp.ProtectionType.SHEET
          ? tab
          : `${tab}!${range.getA1Notation()}`;
      return { where, description: p.getDescription() };
    });
}

/** The plan for the open spreadsheet: its divisions, its measures tab, its editors, the team. */
export function sharingPlan(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  analysis: Analysis,
  sheets: readonly SheetData[],
  props: DocumentProps,
): SharingPlan {
  const wb = analysis.workbook;
  const me = Session.getEffectiveUser().getEmail();
  const owner = spreadsheet.getOwner()?.getEmail() ?? '';
  const measures = measuresTabOf(sheets)?.values ?? [];
  const responsibleCol = measures[0]?.indexOf('ผู้รับผิดชอบ') ?? -1;
  const rows = measures
    .map((row, i) => ({
      row: i + 1,
      responsible: responsibleCol >= 0 ? cellText(row[responsibleCol]) : '',
      filled: row.some((c) => c !== ''),
    }))
    .filter((r) => r.row > 1 && r.filled);
  const teamTabs = (
    [
      'settings',
      'totals',
      'indicators',
      'items',
      'recommendations',
      'comments',
      'peers',
      'divisions',
      // The framework tab sets the criteria every score is read by: the team's alone, like the score tabs.
      'framework',
    ] as const
  )
    .map((k) => wb.tabs[k])
    .filter((name): name is string => Boolean(name));
  return planSharing({
    divisions: wb.divisions,
    rows,
    team: [owner, me, ...(wb.settings?.team ?? [])].filter(Boolean),
    spreadsheetEditors: spreadsheet.getEditors().map((u) => u.getEmail()),
    teamTabs: teamTabs.length > 0 ? teamTabs : [TABS.settings[0]],
    hasReport: Boolean(props.get(PROP_DOC)),
    columns: measures[0]?.length ?? 0,
    foreignProtections: foreignProtections(spreadsheet),
  });
}

export type ShareTarget = 'spreadsheet' | 'protection' | 'doc' | 'pdf';

/** An address Google refused, why, and where. */
export interface Refusal {
  email: string;
  target: ShareTarget;
  reason: 'no-account' | 'invalid' | 'policy' | 'other';
  message: string;
}

export interface SharingResult {
  protectedRanges: number;
  protectedTabs: number;
  /** Division e-mails added as editors of the spreadsheet. */
  editorsAdded: string[];
  shared: { file: 'doc' | 'pdf'; email: string }[];
  refused: Refusal[];
  /**
   * What the user running the step cannot reach, so nothing was done to it: the report Doc or PDF (shared
   * with no one), or the add-on's protections made by a team member this user is not listed with.
   */
  unreachable: { what: 'doc' | 'pdf' | 'protections'; message: string }[];
  /** The agency's own protections, left as they were. */
  leftAlone: string[];
  /** Division e-mails that still cannot edit the spreadsheet. */
  withoutAccess: string[];
}

function refusal(email: string, target: ShareTarget, e: unknown): Refusal {
  const message = errorMessage(e);
  const reason = /no Google account/i.test(message)
    ? 'no-account'
    : /invalid (email|sharing)/i.test(message)
      ? 'invalid'
      : /domain|policy|outside/i.test(message)
        ? 'policy'
        : 'other';
  return { email, target, reason, message };
}

/** Tries `share` for each address on its own: a refusal is collected and the others go on. */
function eachAddress(
  emails: readonly string[],
  target: ShareTarget,
  refused: Refusal[],
  share: (email: string) => void,
): string[] {
  const done: string[] = [];
  for (const email of emails) {
    try {
      share(email);
      done.push(email);
    } catch (e) {
      refused.push(refusal(email, target, e));
    }
  }
  return done;
}

function restrict(protection: Protection, editors: string[], description: string, refused: Refusal[]): void {
  protection.setDescription(description);
  // The user running this must stay an editor, or removing a group they edit through would throw.
  protection.addEditor(Session.getEffectiveUser().getEmail());
  protection.removeEditors(protection.getEditors().map((u) => u.getEmail()));
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  eachAddress(editors, 'protection', refused, (email) => protection.addEditor(email));
}

function protect(workbook: OpenWorkbook, plan: SharingPlan, result: SharingResult): void {
  const all = allProtections(workbook.spreadsheet);
  const locked = all.filter((p) => !p.canEdit() && p.getDescription().startsWith(PROTECTION_PREFIX));
  if (locked.length > 0) {
    // Protecting again beside them would stack a second set of protections: the team must run this step.
    result.unreachable.push({
      what: 'protections',
      message: locked.map((p) => p.getDescription()).join('; '),
    });
    return;
  }
  for (const p of all) if (isOurs(p)) p.remove();
  const measures = findSheet(workbook.tabs, 'measures');
  if (measures) {
    for (const p of plan.measureProtections) {
      restrict(measures.getRange(p.range).protect(), p.editors, p.description, result.refused);
      result.protectedRanges++;
    }
  }
  for (const name of plan.teamTabs) {
    const sheet = workbook.tabs.find((t) => t.getName() === name);
    if (!sheet) continue;
    // Sheet.protect() would hand back a protection someone else made: a protected tab is left as it is.
    if (sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length > 0) continue;
    restrict(sheet.protect(), plan.team, `${PROTECTION_PREFIX} แท็บ ${name} (ทีมงาน)`, result.refused);
    result.protectedTabs++;
  }
}

/**
 * Each report the add-on made (the o25 report and, once built, the results report): the Doc through
 * DocumentApp (the documents scope reaches it for whoever may edit it), the PDF through Drive.
 */
function shareReport(plan: SharingPlan, notify: boolean, result: SharingResult, props: DocumentProps): void {
  for (const keys of Object.values(REPORT_KINDS)) {
    const docId = props.get(keys.doc);
    const pdfId = props.get(keys.pdf);
    if (docId) shareDoc(docId, plan, result);
    if (pdfId) sharePdf(pdfId, plan, notify, result);
  }
}

function shareDoc(docId: string, plan: SharingPlan, result: SharingResult): void {
  let doc: GoogleAppsScript.Document.Document;
  try {
    doc = DocumentApp.openById(docId);
  } catch (e) {
    result.unreachable.push({ what: 'doc', message: errorMessage(e) });
    return;
  }
  for (const email of eachAddress(plan.viewers, 'doc', result.refused, (e) => doc.addViewer(e)))
    result.shared.push({ file: 'doc', email });
}

function sharePdf(pdfId: string, plan: SharingPlan, notify: boolean, result: SharingResult): void {
  const drive = typeof Drive === 'undefined' ? undefined : Drive;
  const permissions = drive?.Permissions;
  if (!permissions) return;
  try {
    drive?.Files?.get(pdfId, { fields: 'id' });
  } catch (e) {
    // drive.file reaches only the files the add-on made for this user: the PDF belongs to whoever built it.
    result.unreachable.push({ what: 'pdf', message: errorMessage(e) });
    return;
  }
  // One at a time: concurrent permission changes on one file keep only the last.
  const shared = eachAddress(plan.viewers, 'pdf', result.refused, (emailAddress) =>
    permissions.create({ role: 'reader', type: 'user', emailAddress }, pdfId, {
      sendNotificationEmail: notify,
    }),
  );
  for (const email of shared) result.shared.push({ file: 'pdf', email });
}

/**
 * Applies the plan: the add-on's old protections go and new ones come, the agency's own stay as they are;
 * then, if asked, the division e-mails become editors of the spreadsheet and viewers of the report. Each
 * address is tried on its own, and every refusal is in the result.
 */
export function applySharing(
  workbook: OpenWorkbook,
  plan: SharingPlan,
  options: { protect: boolean; shareSpreadsheet: boolean; shareReport: boolean; notify: boolean },
  props: DocumentProps,
): SharingResult {
  const { spreadsheet } = workbook;
  const result: SharingResult = {
    protectedRanges: 0,
    protectedTabs: 0,
    editorsAdded: [],
    shared: [],
    refused: [],
    unreachable: [],
    leftAlone: plan.foreignProtections.map((f) => f.where),
    withoutAccess: plan.withoutAccess,
  };
  // Rows are protected before anyone gains edit access, so no division ever edits another's rows.
  if (options.protect) protect(workbook, plan, result);
  if (options.shareSpreadsheet) {
    result.editorsAdded = eachAddress(plan.withoutAccess, 'spreadsheet', result.refused, (email) =>
      spreadsheet.addEditor(email),
    );
    result.withoutAccess = plan.withoutAccess.filter((e) => !result.editorsAdded.includes(e));
  }
  if (options.shareReport) shareReport(plan, options.notify, result, props);
  // An address refused on every protection it was meant for is said once.
  const seen = new Set<string>();
  result.refused = result.refused.filter((r) => {
    const key = `${r.email}\n${r.target}\n${r.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return result;
}
