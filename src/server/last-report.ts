import { type Change, changesBetween, isMeasuresTab, type Parts, reportParts } from '../core/changes';
import { cellRef } from '../core/findings';
import { INPUT_TABS, tabsFingerprint } from '../core/readiness';
import { cellText } from '../core/thai';
import { utf8Bytes } from '../core/workbook/limits';
import type { SheetData } from '../core/workbook/reader';
import type { DocumentProps } from './document-props';
import { UserError } from './errors';
import { REPORT_KINDS, type ReportKind, type ReportLinks, reportIdEntries } from './report-doc';
import type { SharingResult } from './sharing';

const PROP_LAST_REPORT = 'ita.lastReport';
const PROP_LAST_RESULTS = 'ita.lastResults';
const PROP_LAST_SHARE = 'ita.lastShare';
/** Document properties hold at most 9 KB a value: the list of addresses is cut well before that. */
const MAX_EMAILS = 100;

/** Google's quota for one property value: "Properties value size: 9 KB / val" (Quotas for Google Services). */
const PROPERTY_VALUE_BYTES = 9 * 1024;
/** What a record holds beside the workbook's texts, at most: the time, an e-mail, two links, the flags. */
const RECORD_ROOM = 1024;

/**
 * Stops a build before its Doc and PDF when the record of it (kept in one document property) would pass
 * Google's 9 KB a value, naming the cell whose text makes it so: the report's name (the agency's, say) or a
 * header or setting the record keeps a fingerprint under.
 */
export function requireRecordFits(
  name: string,
  sheets: readonly SheetData[],
  kind: 'plan' | 'results',
): void {
  const parts = reportParts(sheets, kind);
  if (utf8Bytes(JSON.stringify({ name, parts })) + RECORD_ROOM <= PROPERTY_VALUE_BYTES) return;
  const cells = sheets.flatMap((sheet) =>
    sheet.values.flatMap((row, r) =>
      row.flatMap((v, c) => {
        const text = cellText(v);
        const inRecord = text !== '' && (name.includes(text) || Object.values(parts).some((p) => text in p));
        return inRecord ? [{ where: cellRef(sheet.name, r, c), bytes: utf8Bytes(text) }] : [];
      }),
    ),
  );
  const worst = cells.sort((a, b) => b.bytes - a.bytes)[0];
  const where = worst ? `${worst.where}: ` : '';
  const bytes = (worst?.bytes ?? utf8Bytes(name)).toLocaleString('en');
  throw new UserError(
    'property-too-large',
    `${where}ข้อความยาว ${bytes} ไบต์ ทำให้บันทึกของรายงาน (เก็บใน document properties) เกิน 9 KB ต่อค่าที่ Google เก็บได้ จึงยังไม่สร้างรายงาน โปรดย่อข้อความให้สั้นลง`,
    `${where}its text is ${bytes} bytes, which makes the report's record (kept in the document properties) larger than the 9 KB Google keeps a value, so no report was built: shorten it`,
  );
}

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
  /** What the report printed, by tab and part (core/changes.ts); a record older than this lacks it. */
  parts?: Parts;
  /** Fingerprints of the whole input tabs and measures tab, from records written before `parts`. */
  inputs?: string;
  measures?: string;
}

export interface LastShareRecord {
  at: string;
  by: string;
  emails: string[];
  /** How many addresses each file went to, and how many Google refused (records from before: none). */
  files?: { doc: FileCount; pdf: FileCount };
}

export interface FileCount {
  shared: number;
  refused: number;
}

/** The last report card: the record, who it was shared with, and whether the data changed since. */
export interface LastReport extends Omit<LastReportRecord, 'inputs' | 'measures' | 'parts'> {
  shared: LastShareRecord | null;
  inputsChanged: boolean;
  measuresChanged: boolean;
  /** What changed since, tab by tab, with the columns or settings where known. */
  changes: Change[];
}

/** What changed since a report of `kind` was built, from its record; an old record: its two fingerprints. */
function changesSince(
  record: { parts?: Parts; inputs?: string; measures?: string },
  sheets: readonly SheetData[],
  kind: 'plan' | 'results',
): Pick<LastReport, 'inputsChanged' | 'measuresChanged' | 'changes'> {
  if (!record.parts) {
    const inputs = record.inputs !== undefined && tabsFingerprint(sheets, INPUT_TABS) !== record.inputs;
    return {
      inputsChanged: kind === 'plan' && inputs,
      measuresChanged: tabsFingerprint(sheets, ['measures']) !== record.measures,
      changes: [],
    };
  }
  const changes = changesBetween(record.parts, reportParts(sheets, kind));
  return {
    inputsChanged: changes.some((c) => !isMeasuresTab(c.tab)),
    measuresChanged: changes.some((c) => isMeasuresTab(c.tab)),
    changes,
  };
}

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
    parts: reportParts(sheets, 'plan'),
  };
  props.set({ [PROP_LAST_REPORT]: JSON.stringify(record), ...reportIdEntries('plan', links) });
}

/** What the follow-up card shows of the last results report after a reload. */
export interface LastResults {
  at: string;
  by: string;
  docUrl: string;
  pdfUrl: string | null;
  unconfirmed: boolean;
  /** The measures tab or the settings changed since the results report read them. */
  measuresChanged: boolean;
  /** What changed since, tab by tab, with the columns or settings where known. */
  changes: Change[];
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
    parts: reportParts(sheets, 'results'),
  };
  props.set({ [PROP_LAST_RESULTS]: JSON.stringify(record), ...reportIdEntries('results', links) });
}

/** The last results report, compared with the measures tab as it is now. */
export function lastResults(
  sheets: readonly SheetData[],
  props: Readonly<Record<string, string>>,
): LastResults | null {
  const record = parsed<
    Omit<LastResults, 'measuresChanged' | 'changes'> & { measures?: string; parts?: Parts }
  >(props[PROP_LAST_RESULTS]);
  if (!record) return null;
  const { measures, parts, ...shown } = record;
  const since = changesSince({ measures, parts }, sheets, 'results');
  return {
    ...shown,
    pdfUrl: pdfLink('results', shown.pdfUrl, props),
    measuresChanged: since.changes.length > 0 || since.measuresChanged,
    changes: since.changes,
  };
}

/** Remembers whom the report was last shared with, and how many each file went to or was refused for. */
export function recordShare(result: SharingResult, now: Date, props: DocumentProps): void {
  const unique = [...new Set(result.shared.map((s) => s.email))];
  if (unique.length === 0) return;
  const count = (file: 'doc' | 'pdf'): FileCount => ({
    shared: result.shared.filter((s) => s.file === file).length,
    refused: result.refused.filter((r) => r.target === file).length,
  });
  const record: LastShareRecord = {
    at: now.toISOString(),
    by: user(),
    emails: unique.slice(0, MAX_EMAILS),
    files: { doc: count('doc'), pdf: count('pdf') },
  };
  props.set({ [PROP_LAST_SHARE]: JSON.stringify(record) });
}

/**
 * The PDF link of the last build: the record's, or, when the PDF was made by its own call after the record
 * (pdfLater), the PDF the properties keep, unless that call failed.
 */
function pdfLink(
  kind: ReportKind,
  recorded: string | null,
  props: Readonly<Record<string, string>>,
): string | null {
  if (recorded) return recorded;
  const keys = REPORT_KINDS[kind];
  const id = props[keys.pdf];
  return id && !props[keys.pdfError] ? `https://drive.google.com/file/d/${id}/view` : null;
}

/** The last report as the card shows it, compared with the tabs as they are now. */
export function lastReport(
  sheets: readonly SheetData[],
  props: Readonly<Record<string, string>>,
): LastReport | null {
  const record = parsed<LastReportRecord>(props[PROP_LAST_REPORT]);
  if (!record) return null;
  const { inputs, measures, parts, ...shown } = record;
  return {
    ...shown,
    pdfUrl: pdfLink('plan', shown.pdfUrl, props),
    // A record written before drafts were remembered reads as no draft.
    draft: shown.draft ?? false,
    shared: parsed<LastShareRecord>(props[PROP_LAST_SHARE]),
    ...changesSince({ inputs, measures, parts }, sheets, 'plan'),
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
