import type { Analysis } from '../core/analysis/analyze';
import { PROTECTION_PREFIX, planSharing, type SharingPlan } from '../core/measures/sharing';
import { MEASURES_TAB } from '../core/measures/tab';
import { cellText } from '../core/thai';
import type { SheetData } from '../core/workbook/reader';
import { TABS } from '../core/workbook/schema';
import { PROP_DOC, PROP_PDF } from './report-doc';

/** The plan for the open spreadsheet: its divisions, its measures tab, its editors, the team. */
export function sharingPlan(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  analysis: Analysis,
  sheets: readonly SheetData[],
): SharingPlan {
  const wb = analysis.workbook;
  const me = Session.getEffectiveUser().getEmail();
  const owner = spreadsheet.getOwner()?.getEmail() ?? '';
  const measures = sheets.find((s) => s.name === MEASURES_TAB)?.values ?? [];
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
    hasReport: Boolean(PropertiesService.getDocumentProperties().getProperty(PROP_DOC)),
    columns: measures[0]?.length ?? 0,
  });
}

export interface SharingResult {
  protectedRanges: number;
  protectedTabs: number;
  shared: { file: 'doc' | 'pdf'; email: string }[];
  withoutAccess: string[];
}

function restrict(
  protection: GoogleAppsScript.Spreadsheet.Protection,
  editors: string[],
  description: string,
): void {
  protection.setDescription(description);
  // The user running this must stay an editor, or removing a group they edit through would throw.
  protection.addEditor(Session.getEffectiveUser().getEmail());
  protection.removeEditors(protection.getEditors().map((u) => u.getEmail()));
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  protection.addEditors(editors);
}

/** Applies the plan: the add-on's old protections go, new ones come; the report is shared if asked. */
export function applySharing(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  plan: SharingPlan,
  options: { protect: boolean; shareReport: boolean; notify: boolean },
): SharingResult {
  const result: SharingResult = {
    protectedRanges: 0,
    protectedTabs: 0,
    shared: [],
    withoutAccess: plan.withoutAccess,
  };
  if (options.protect) {
    for (const type of [SpreadsheetApp.ProtectionType.RANGE, SpreadsheetApp.ProtectionType.SHEET]) {
      for (const p of spreadsheet.getProtections(type)) {
        if (p.getDescription().startsWith(PROTECTION_PREFIX)) p.remove();
      }
    }
    const measures = spreadsheet.getSheetByName(MEASURES_TAB);
    if (measures) {
      for (const p of plan.measureProtections) {
        restrict(measures.getRange(p.range).protect(), p.editors, p.description);
        result.protectedRanges++;
      }
    }
    for (const name of plan.teamTabs) {
      const sheet = spreadsheet.getSheetByName(name);
      if (!sheet) continue;
      restrict(sheet.protect(), plan.team, `${PROTECTION_PREFIX} แท็บ ${name} (ทีมงาน)`);
      result.protectedTabs++;
    }
  }
  if (options.shareReport) {
    const props = PropertiesService.getDocumentProperties().getProperties();
    const files = [
      ['doc', props[PROP_DOC]],
      ['pdf', props[PROP_PDF]],
    ] as const;
    for (const [file, id] of files) {
      if (!id || !Drive?.Permissions) continue;
      // One at a time: concurrent permission changes on one file keep only the last.
      for (const email of plan.viewers) {
        Drive.Permissions.create({ role: 'reader', type: 'user', emailAddress: email }, id, {
          sendNotificationEmail: options.notify,
        });
        result.shared.push({ file, email });
      }
    }
  }
  return result;
}
