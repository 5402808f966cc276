import { INPUT_TABS, tabsFingerprint } from '../core/readiness';
import type { SheetData } from '../core/workbook/reader';
import type { DocumentProps } from './document-props';
import { pdfIdEntry, type ReportLinks } from './report-doc';

const PROP_LAST_REPORT = 'ita.lastReport';
const PROP_LAST_RESULTS = 'ita.lastResults';
const PROP_LAST_SHARE = 'ita.lastShare';
/** Document properties hold at most 9 KB a value: the list of addresses is cut well before that. */
const MAX_EMAILS = 100;

/** What the document properties keep of the last build, so the sidebar shows it on every open. */
export interface LastReportRecord {
  /** ISO time of the build. */
  at: string;
  by: string;
  name: string;
  docUrl: string;
  pdfUrl: string | null;
  unconfirmed: boolean;
  /** Built without indicator or item scores: a draft. */
  draft: boolean;
  /** Fingerprints of the input tabs and of the measures tab as the report read them. */
  inputs: string;
  measures: string;
}

export interface LastShareRecord {
  at: string;
  by: string;
  emails: string[];
}

/** The last report card: the record, who it was shared with, and whether the data changed since. */
export interface LastReport extends Omit<LastReportRecord, 'inputs' | 'measures'> {
  shared: LastShareRecord | null;
  inputsChanged: boolean;
  measuresChanged: boolean;
}

const fingerprints = (sheets: readonly SheetData[]) => ({
  inputs: tabsFingerprint(sheets, INPUT_TABS),
  measures: tabsFingerprint(sheets, ['measures']),
});

function parsed<T>(text: string | undefined): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch (_e) {
    return null;
  }
}

export function user(): string {
  return Session.getEffectiveUser().getEmail();
}

/**
 * Remembers a build: when, by whom (`by`, taken before the build so that nothing can fail between the PDF
 * and this), the links, the fingerprints of what it was built from, and the PDF's id, in one write.
 */
export function recordReport(
  links: ReportLinks,
  sheets: readonly SheetData[],
  now: Date,
  by: string,
  props: DocumentProps,
): void {
  const record: LastReportRecord = {
    at: now.toISOString(),
    by,
    name: links.name,
    docUrl: links.docUrl,
    pdfUrl: links.pdfUrl,
    unconfirmed: links.unconfirmed,
    draft: links.draft,
    ...fingerprints(sheets),
  };
  props.set({ [PROP_LAST_REPORT]: JSON.stringify(record), ...pdfIdEntry('plan', links) });
}

/** What the follow-up card shows of the last results report after a reload. */
export interface LastResults {
  at: string;
  by: string;
  docUrl: string;
  pdfUrl: string | null;
  unconfirmed: boolean;
  /** The measures tab changed since the results report read it. */
  measuresChanged: boolean;
}

/** Remembers a results report: when, by whom, its links, the measures tab it read, and its PDF's id. */
export function recordResults(
  links: ReportLinks,
  sheets: readonly SheetData[],
  now: Date,
  by: string,
  props: DocumentProps,
): void {
  const record = {
    at: now.toISOString(),
    by,
    docUrl: links.docUrl,
    pdfUrl: links.pdfUrl,
    unconfirmed: links.unconfirmed,
    measures: fingerprints(sheets).measures,
  };
  props.set({ [PROP_LAST_RESULTS]: JSON.stringify(record), ...pdfIdEntry('results', links) });
}

/** The last results report, compared with the measures tab as it is now. */
export function lastResults(
  sheets: readonly SheetData[],
  props: Readonly<Record<string, string>>,
): LastResults | null {
  const record = parsed<Omit<LastResults, 'measuresChanged'> & { measures: string }>(
    props[PROP_LAST_RESULTS],
  );
  if (!record) return null;
  const { measures, ...shown } = record;
  return { ...shown, measuresChanged: fingerprints(sheets).measures !== measures };
}

/** Remembers whom the report was last shared with. */
export function recordShare(emails: readonly string[], now: Date, props: DocumentProps): void {
  const unique = [...new Set(emails)];
  if (unique.length === 0) return;
  const record: LastShareRecord = { at: now.toISOString(), by: user(), emails: unique.slice(0, MAX_EMAILS) };
  props.set({ [PROP_LAST_SHARE]: JSON.stringify(record) });
}

/** The last report as the card shows it, compared with the tabs as they are now. */
export function lastReport(
  sheets: readonly SheetData[],
  props: Readonly<Record<string, string>>,
): LastReport | null {
  const record = parsed<LastReportRecord>(props[PROP_LAST_REPORT]);
  if (!record) return null;
  const now = fingerprints(sheets);
  const { inputs, measures, ...shown } = record;
  return {
    ...shown,
    // A record written before drafts were remembered reads as no draft.
    draft: shown.draft ?? false,
    shared: parsed<LastShareRecord>(props[PROP_LAST_SHARE]),
    inputsChanged: now.inputs !== inputs,
    measuresChanged: now.measures !== measures,
  };
}

const PROP_LANGUAGE = 'ita.language';
export type Language = 'th' | 'en';

export function savedLanguage(): Language | null {
  const value = PropertiesService.getUserProperties().getProperty(PROP_LANGUAGE);
  return value === 'th' || value === 'en' ? value : null;
}

export function saveLanguage(lang: Language): void {
  PropertiesService.getUserProperties().setProperty(PROP_LANGUAGE, lang);
}
