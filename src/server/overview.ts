import type { Analysis } from '../core/analysis/analyze';
import { type AnalysisJson, analysisJson } from '../core/analysis/json';
import { type FindingText, findingTexts } from '../core/finding-text';
import {
  type DivisionFollowUp,
  followUpByDivision,
  followUpOf,
  type StateCounts,
  stateCounts,
} from '../core/measures/follow-up';
import { measureChecksOf } from '../core/measures/tab';
import { type ReadinessCheck, readiness } from '../core/readiness';
import { BE_OFFSET, parseYear, thaiDate } from '../core/thai';
import { type Trust, trustOf } from '../core/touched';
import { findTab, type SheetData } from '../core/workbook/reader';
import { matchesAlias, SETTING_KEYS } from '../core/workbook/schema';
import { DocumentProps } from './document-props';
import {
  type Language,
  type LastReport,
  type LastResults,
  lastReport,
  lastResults,
  savedLanguage,
} from './last-report';
import type { RollupOverview } from './rollup';

/** Names the sidebar shows beside ids: item topics and indicator names, as the report words them. */
export interface Labels {
  items: Record<string, string>;
  indicators: Record<string, { th: string; en: string }>;
}

/** Everything the sidebar shows when it opens or after an action, from one read of the tabs. */
export interface Overview {
  /** The user's language choice, remembered in the user properties (null: never chosen). */
  lang: Language | null;
  /** The spreadsheet has the settings tab and a score tab; when false, nothing else is filled. */
  ready: boolean;
  analysis: AnalysisJson | null;
  readiness: ReadinessCheck[];
  /** Where each division stands with its measures, as of the results date (else today). */
  followUp: FollowUpView | null;
  lastReport: LastReport | null;
  /** The last results report (the follow-up card's links after a reload). */
  lastResults: LastResults | null;
  labels: Labels;
  /** The settings ask for Thai digits (the default). */
  thaiDigits: boolean;
  /** Which of the summary's figures errors touch or do not add up (null: nothing analysed). */
  trust: Trust | null;
  /** The settings' assessed year, read even when there are no scores for it yet. */
  settingsYear: number | null;
  /** The words of the findings' codes present (labels and how to fix), in both languages. */
  findingTexts: Record<string, FindingText>;
  /** A coordinator's workbook (the agencies tab, no score tab): the roll-up cards' view instead of one agency's. */
  rollup?: RollupOverview | null;
}

export interface FollowUpView {
  /** Thai date, Arabic digits. */
  asOf: string;
  /** The same day, `YYYY-MM-DD` (Common Era), for the English sidebar. */
  asOfIso: string;
  /** The live measures by state (a measure counts once, whoever shares it). */
  totals: StateCounts;
  divisions: DivisionFollowUp[];
  /** The e-mails of the divisions with a late measure, each once. */
  lateEmails: string[];
}

function followUpView(analysis: Analysis, measures: readonly unknown[][]): FollowUpView | null {
  if (!analysis.current || measures.length < 2) return null;
  const settings = analysis.workbook.settings;
  const { items, asOf } = followUpOf(
    measures,
    settings,
    analysis.current.year + 1,
    new Date(),
    measureChecksOf(analysis),
  );
  const divisions = followUpByDivision(items, analysis.workbook.divisions);
  const late = divisions.filter((d) => d.late > 0).flatMap((d) => d.emails);
  return {
    asOf: thaiDate(asOf.getDate(), asOf.getMonth() + 1, asOf.getFullYear() + BE_OFFSET, false),
    asOfIso: [asOf.getFullYear(), asOf.getMonth() + 1, asOf.getDate()]
      .map((n) => String(n).padStart(2, '0'))
      .join('-'),
    totals: stateCounts(items),
    divisions,
    lateEmails: [...new Set(late.map((e) => e.toLowerCase()))],
  };
}

/** The assessed year as the settings tab holds it, even when the settings as a whole cannot be read. */
function settingsYear(sheets: readonly SheetData[]): number | null {
  const row = findTab(sheets, 'settings')?.values.find((r) => matchesAlias(r[0], SETTING_KEYS.year));
  return row ? (parseYear(row[1])?.year ?? null) : null;
}

function labels(analysis: Analysis): Labels {
  const framework = analysis.current?.framework;
  const items: Record<string, string> = { ...(framework?.itemTopics ?? {}) };
  for (const [id, topic] of analysis.workbook.itemTopics) if (topic) items[id] = topic;
  const indicators: Labels['indicators'] = {};
  for (const i of framework?.indicators ?? []) {
    indicators[String(i.number)] = {
      th: analysis.workbook.indicatorNames.get(i.number) || i.name,
      en: i.nameEn,
    };
  }
  return { items, indicators };
}

/**
 * The sidebar's view. `withLanguage`: the user's saved language, which the sidebar reads when it opens; the
 * answers to its actions leave it out (null), saving a read of the user properties.
 */
export function overview(
  ready: boolean,
  sheets: readonly SheetData[],
  analysis: Analysis | null,
  withLanguage = true,
  documentProps = new DocumentProps(),
): Overview {
  const props = documentProps.all();
  const base = {
    lang: withLanguage ? savedLanguage() : null,
    ready,
    lastReport: lastReport(sheets, props),
    lastResults: lastResults(sheets, props),
  };
  if (!analysis) {
    return {
      ...base,
      analysis: null,
      readiness: [],
      followUp: null,
      labels: { items: {}, indicators: {} },
      thaiDigits: true,
      trust: null,
      settingsYear: null,
      findingTexts: {},
    };
  }
  return {
    ...base,
    analysis: analysisJson(analysis),
    readiness: readiness(analysis, sheets),
    followUp: followUpView(analysis, findTab(sheets, 'measures')?.values ?? []),
    labels: labels(analysis),
    thaiDigits: analysis.workbook.settings?.thaiDigits ?? true,
    trust: trustOf(analysis, sheets),
    findingTexts: findingTexts(analysis.findings),
    settingsYear: analysis.workbook.settings?.year ?? settingsYear(sheets),
  };
}
