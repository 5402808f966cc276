import { type Analysis, itemTopic, type YearAnalysis } from '../analysis/analyze';
import { type Verdicts, verdicts } from '../analysis/verdict';
import { type Exact, published } from '../decimal';
import type { IndicatorDef, ToolKey } from '../frameworks';
import type { MeasureRow } from '../measures/tab';
import { BE_OFFSET, formatFixed, thaiDate } from '../thai';
import type { Settings } from '../workbook/reader';
import { type PointGain, pointGains } from './gains';

export interface ReportInput {
  analysis: Analysis;
  measures: readonly MeasureRow[];
  /** Today: the "as of" date when the settings give no report date. */
  today: Date;
  /** The user chose to build despite error findings: the report says it is unconfirmed. */
  unconfirmed?: boolean;
}

export interface IndicatorScores {
  ind: IndicatorDef;
  c: Exact | null;
  p: Exact | null;
}

/** What every section reads: the analysis of both years, the settings and the small formatters. */
export interface ReportContext {
  analysis: Analysis;
  cur: YearAnalysis;
  prev: YearAnalysis | null;
  settings: Settings | null;
  agency: string;
  /** " (สศอ.)" or "". */
  abbr: string;
  year: number;
  reportYear: number;
  /** The framework scores EIT in two parts. */
  parts: boolean;
  inds: IndicatorScores[];
  measures: readonly MeasureRow[];
  /** Every row of the measures tab, those no longer suggested included (last year's plan among them). */
  allMeasures: readonly MeasureRow[];
  gains: PointGain[];
  /** The verdict of every item and indicator by the report's one rule. */
  verdicts: Verdicts;
  /** No indicator or item scores for the assessed year: the report is a draft. */
  draft: boolean;
  /** The report date from the settings (Thai, Arabic digits), or null. */
  reportDate: string | null;
  /** The build date (Thai, Arabic digits). */
  today: string;
  /** Built despite error findings (see ReportInput). */
  unconfirmed: boolean;
}

export const TOOL_ORDER_PARTS: ToolKey[] = ['IIT', 'EIT1', 'EIT2', 'OIT'];
export const TOOL_ORDER: ToolKey[] = ['IIT', 'EIT', 'OIT'];

export function toolLabel(key: ToolKey): string {
  return key === 'EIT1' ? 'EIT ส่วนที่ 1' : key === 'EIT2' ? 'EIT ส่วนที่ 2' : key;
}

/** A score as published, always two decimals (100.00), Arabic digits: the writer turns them Thai. */
export function score(v: Exact | number | null | undefined): string {
  if (v === null || v === undefined) return formatFixed(null, false);
  return formatFixed(typeof v === 'number' ? v : published(v), false);
}

export function levelOf(y: YearAnalysis | null): string {
  return y?.level?.label ?? 'ไม่ทราบระดับ';
}

export function topicOf(ctx: ReportContext, id: string): string {
  return itemTopic(ctx.analysis, id);
}

/** The current year's recommendations. */
export function recommendationsOf(ctx: ReportContext) {
  return ctx.analysis.workbook.recommendations.filter((r) => r.year === null || r.year === ctx.year);
}

export function reportContext({
  analysis,
  measures,
  today,
  unconfirmed = false,
}: ReportInput): ReportContext {
  const cur = analysis.current;
  if (!cur) throw new Error('The report needs the analysis of the assessed year.');
  const prev = analysis.previous;
  const settings = analysis.workbook.settings;
  const inds = cur.framework.indicators.map((ind) => ({
    ind,
    c: cur.indicators.get(ind.number)?.value ?? null,
    p: prev?.indicators.get(ind.number)?.value ?? null,
  }));
  const hasItems = [...cur.items.values()].some((f) => f.value);
  const date = settings?.reportDate;
  return {
    analysis,
    cur,
    prev,
    settings,
    agency: analysis.agency,
    abbr: settings?.abbreviation ? ` (${settings.abbreviation})` : '',
    year: cur.year,
    reportYear: cur.year + 1,
    parts: cur.framework.eitParts.length > 0,
    inds,
    measures: measures.filter((m) => !m.retired),
    allMeasures: measures,
    gains: pointGains(analysis),
    verdicts: verdicts(analysis),
    draft: !hasItems && !inds.some((x) => x.c),
    reportDate: date ? thaiDate(date.day, date.month, date.yearBE, false) : null,
    today: thaiDate(today.getDate(), today.getMonth() + 1, today.getFullYear() + BE_OFFSET, false),
    unconfirmed,
  };
}
