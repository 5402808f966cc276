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
import { enableApiFix, type Warning } from './errors';
import { PROP_DOC, REPORT_KINDS } from './report-doc';
import { findSheet, type OpenWorkbook } from './sheets';

type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** The add-on's own protections: its mark in the description, and the user may change them. */
function isOurs(protection: Protection): boolean {
  return protection.getDescription().startsWith(PROTECTION_PREFIX) && protection.canEdit();
}

function allProtections(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Protection[] {
  return [SpreadsheetApp.ProtectionType.SHEET, SpreadsheetApp.ProtectionType.RANGE].flatMap((type) =>
    spreadsheet.getProtections(type),
  );
}

export function foreignProtections(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): ForeignProtection[] {
  return allProtections(spreadsheet)
    .filter((p) => !isOurs(p))
    .map((p) => ({ where: placeOf(p), description: p.getDescription() }));
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
  unreachable: { what: 'doc' | 'pdf' | 'protections'; message: string; fix?: Warning }[];
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

/**
 * The addresses in one list call (Protection.addEditors, Spreadsheet.addEditors, Document.addViewers);
 * when Google refuses it, one address at a time, so that the others are shared and each refused one is said
 * with its reason. Those shared.
 */
function shareAll(
  emails: readonly string[],
  target: ShareTarget,
  refused: Refusal[],
  all: (emails: string[]) => void,
  one: (email: string) => void,
): string[] {
  if (emails.length === 0) return [];
  try {
    all([...emails]);
    return [...emails];
  } catch (_e) {
    return eachAddress(emails, target, refused, one);
  }
}

/** Those of `wanted` not in `have`, whatever the case of their letters. */
function without(wanted: readonly string[], have: readonly string[]): string[] {
  const held = new Set(have.map((e) => e.toLowerCase()));
  return wanted.filter((e) => !held.has(e.toLowerCase()));
}

/**
 * The protection's editors made the plan's: all of them added in one call, then the others removed. The
 * call is made even when no one is missing: "Until the script actually changes the list of editors for the
 * range … the permissions mirror those of the spreadsheet itself, which effectively means that the range
 * remains unprotected" (Range.protect). Adding first follows the reference's sample, which adds the user
 * running it before removing anyone (removing a group they edit through would throw); the owner and that
 * user stay whatever is asked.
 */
function restrict(protection: Protection, editors: string[], description: string, refused: Refusal[]): void {
  if (protection.getDescription() !== description) protection.setDescription(description);
  shareAll(
    editors,
    'protection',
    refused,
    (list) => protection.addEditors(list),
    (email) => protection.addEditor(email),
  );
  const extra = without(
    protection.getEditors().map((u) => u.getEmail()),
    editors,
  );
  if (extra.length > 0) protection.removeEditors(extra);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

/** Where a protection is: its tab, and its range for a protected range. */
function placeOf(protection: Protection): string {
  const range = protection.getRange();
  const tab = range.getSheet().getName();
  return protection.getProtectionType() === SpreadsheetApp.ProtectionType.SHEET
    ? tab
    : `${tab}!${range.getA1Notation()}`;
}

/**
 * The add-on's protections made the plan's. One already where the plan wants one is kept and its editors
 * set; each other is made anew; only then are the add-on's protections the plan no longer wants removed.
 * So a range is never left unprotected, even when the run is stopped midway (the time limit), and a second
 * run finishes what the first left.
 */
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
  const ours = all.filter(isOurs).map((p) => ({ protection: p, place: placeOf(p), kept: false }));
  const existing = (place: string): Protection | null => {
    const found = ours.find((o) => !o.kept && o.place === place);
    if (found) found.kept = true;
    return found?.protection ?? null;
  };
  const measures = plan.rowsTab
    ? (workbook.tabs.find((t) => t.getName() === plan.rowsTab) ?? null)
    : findSheet(workbook.tabs, 'measures');
  if (measures) {
    for (const p of plan.measureProtections) {
      const protection = existing(`${measures.getName()}!${p.range}`) ?? measures.getRange(p.range).protect();
      restrict(protection, p.editors, p.description, result.refused);
      result.protectedRanges++;
    }
  }
  for (const name of plan.teamTabs) {
    const sheet = workbook.tabs.find((t) => t.getName() === name);
    if (!sheet) continue;
    const mine = existing(name);
    // Sheet.protect() would hand back a protection someone else made: a protected tab is left as it is.
    if (!mine && sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length > 0) continue;
    restrict(mine ?? sheet.protect(), plan.team, `${PROTECTION_PREFIX} แท็บ ${name} (ทีมงาน)`, result.refused);
    result.protectedTabs++;
  }
  for (const o of ours) if (!o.kept) o.protection.remove();
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

/**
 * The Doc to the divisions as viewers, in one call, to those who cannot see it yet. Google e-mails each
 * person added whatever the notification box says: Document.addViewers has no way to say otherwise.
 */
function shareDoc(docId: string, plan: SharingPlan, result: SharingResult): void {
  let doc: GoogleAppsScript.Document.Document;
  try {
    doc = DocumentApp.openById(docId);
  } catch (e) {
    result.unreachable.push({ what: 'doc', message: errorMessage(e) });
    return;
  }
  const seeing = [...doc.getEditors(), ...doc.getViewers()].map((u) => u.getEmail());
  const refused = result.refused.length;
  shareAll(
    without(plan.viewers, seeing),
    'doc',
    result.refused,
    (list) => doc.addViewers(list),
    (email) => doc.addViewer(email),
  );
  const failed = new Set(result.refused.slice(refused).map((r) => r.email));
  for (const email of plan.viewers) if (!failed.has(email)) result.shared.push({ file: 'doc', email });
}

/** The addresses a Drive file is shared with already (any role), every page of its permissions. */
function driveReaders(
  permissions: NonNullable<NonNullable<typeof Drive>['Permissions']>,
  fileId: string,
): string[] {
  const emails: string[] = [];
  let pageToken: string | undefined;
  do {
    const page = permissions.list(fileId, {
      fields: 'nextPageToken,permissions(emailAddress,role,type)',
      pageSize: 100,
      ...(pageToken ? { pageToken } : {}),
    });
    for (const p of page.permissions ?? [])
      if (p.type === 'user' && p.emailAddress) emails.push(p.emailAddress);
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return emails;
}

/**
 * The PDF to the divisions as readers, through Drive: the only share the notification box controls
 * (permissions.create's sendNotificationEmail). Drive takes one address a call, and "concurrent
 * permissions operations on the same file are not supported": one at a time, and only to those the file
 * is not shared with yet.
 */
function sharePdf(pdfId: string, plan: SharingPlan, notify: boolean, result: SharingResult): void {
  const drive = typeof Drive === 'undefined' ? undefined : Drive;
  const permissions = drive?.Permissions;
  if (!permissions) return;
  let already: string[];
  try {
    already = driveReaders(permissions, pdfId);
  } catch (e) {
    // drive.file reaches only the files the add-on made for this user: the PDF belongs to whoever built it;
    // or the Drive API is off in the script's Cloud project, and the fix is to enable it.
    const fix = enableApiFix('Google Drive API', e, { th: 'แชร์อีกครั้ง', en: 'share again' });
    result.unreachable.push({ what: 'pdf', message: errorMessage(e), ...(fix ? { fix } : {}) });
    return;
  }
  const added = eachAddress(without(plan.viewers, already), 'pdf', result.refused, (emailAddress) =>
    permissions.create({ role: 'reader', type: 'user', emailAddress }, pdfId, {
      sendNotificationEmail: notify,
    }),
  );
  const shared = new Set([...already, ...added].map((e) => e.toLowerCase()));
  for (const email of plan.viewers)
    if (shared.has(email.toLowerCase())) result.shared.push({ file: 'pdf', email });
}

/**
 * Applies the plan: the add-on's protections made the plan's (new ones in place before old ones go), the
 * agency's own left as they are; then, if asked, the division e-mails become editors of the spreadsheet
 * and viewers of the report, each list in one call (one address at a time only where Google refuses the
 * list, so that every refusal is in the result). What is already so is not done again: a second run
 * finishes what a first one, stopped midway, left.
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
    // Google e-mails each new editor: Spreadsheet.addEditors has no way to say otherwise.
    result.editorsAdded = shareAll(
      plan.withoutAccess,
      'spreadsheet',
      result.refused,
      (list) => spreadsheet.addEditors(list),
      (email) => spreadsheet.addEditor(email),
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
