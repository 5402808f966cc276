import { analyseYear, chooseFramework, withTabFrameworks, type YearAnalysis } from '../analysis/analyze';
import type { LevelWords } from '../analysis/level';
import { Exact, hundredths, mean, sortByExact } from '../decimal';
import { type Finding, Findings } from '../findings';
import type { Framework, ToolKey } from '../frameworks';
import { clampLongTexts } from '../workbook/limits';
import { type AgencyRow, readWorkbook, type Settings, type SheetData } from '../workbook/reader';
import { normalizeName } from '../workbook/schema';

/** One agency in one year, its level given, computed or deduced by the year's rule as for one agency. */
export interface AgencyYear {
  /** Who it is: its code, else its name and group (local governments share names across districts). */
  key: string;
  /** How the roll-up names it: its code, else its name, with its group in parentheses when given. */
  label: string;
  agency: string;
  code: string;
  type: string;
  group: string;
  emails: string[];
  year: number;
  total: Exact | null;
  tools: Partial<Record<ToolKey, Exact | null>>;
  indicators: Map<number, Exact>;
  level: LevelWords | null;
  levelSource: 'given' | 'computed' | 'deduced' | null;
  /** The agency's name cell. */
  where: string;
  /** 1-based rank by total in its year (ties share a rank), or null without a total. */
  rank: number | null;
}

/** Count, mean, median, levels and those below 85 of a set of agencies of one year. */
export interface Stats {
  agencies: number;
  withTotal: number;
  mean: Exact | null;
  median: Exact | null;
  below85: AgencyYear[];
  /** Level word → count, in the framework's order (highest first); agencies with no level under `unknown`. */
  levels: [string, number][];
}

export interface IndicatorStats {
  indicator: number;
  name: string;
  agencies: number;
  mean: Exact | null;
  below85: number;
  /** The agencies lowest in it (below 85 first), at most five. */
  weakest: { agency: AgencyYear; score: Exact }[];
}

export interface RollupYear extends Stats {
  year: number;
  framework: Framework;
  /** Every agency of the year, ranked by total (highest first; without a total last). */
  ranked: AgencyYear[];
  byType: ({ name: string } & Stats)[];
  byGroup: ({ name: string } & Stats)[];
  indicators: IndicatorStats[];
}

export interface AgencyChange {
  agency: AgencyYear;
  before: AgencyYear;
  /** The change of the published totals, or null when either year has none. */
  delta: Exact | null;
  /** +1 a level up, -1 a level down, 0 the same or not comparable. */
  levelMove: -1 | 0 | 1;
}

export interface Rollup {
  coordinator: string;
  scope: string;
  year: number | null;
  settings: Settings | null;
  years: RollupYear[];
  current: RollupYear | null;
  previous: RollupYear | null;
  changes: AgencyChange[];
  /** The weakest indicators of the assessed year (most agencies below 85 first, then lowest mean), at most three. */
  weakestIndicators: IndicatorStats[];
  findings: Finding[];
  ok: boolean;
}

export const UNKNOWN_LEVEL = 'unknown';

export function agencyKey(row: Pick<AgencyRow, 'code' | 'agency' | 'group'>): string {
  return row.code
    ? `code:${normalizeName(row.code)}`
    : `name:${normalizeName(row.agency).replace(/\s/g, '')}|${normalizeName(row.group)}`;
}

export function agencyLabel(row: Pick<AgencyRow, 'code' | 'agency' | 'group'>): string {
  return `${row.code || row.agency}${row.group ? ` (${row.group})` : ''}`;
}

/**
 * The three indicators weak across the most agencies: the largest share below 85 first, then the lowest mean
 * (a mean alone hides whether a few agencies fail badly or most fail a little).
 */
function weakest(indicators: IndicatorStats[]): IndicatorStats[] {
  return indicators
    .filter((s) => s.mean !== null)
    .sort(byWeakness)
    .slice(0, 3);
}

/** The order of weakness: the larger share of agencies below 85 first, then the lower mean. */
export function byWeakness(a: IndicatorStats, b: IndicatorStats): number {
  const share = (s: IndicatorStats) => (s.agencies === 0 ? 0 : s.below85 / s.agencies);
  return share(b) - share(a) || (a.mean as Exact).compare(b.mean as Exact);
}

const B100 = BigInt(100);
const PASS_HUNDREDTHS = BigInt(8500);

export const isBelow85 = (total: Exact | null): boolean =>
  total !== null && hundredths(total) < PASS_HUNDREDTHS;

/** The median of exact figures (the mean of the middle two for an even count). */
export function median(values: readonly Exact[]): Exact | null {
  if (values.length === 0) return null;
  const sorted = sortByExact(values, (v) => v);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (mean([sorted[mid - 1], sorted[mid]]) as Exact);
}

/** The level words of a framework from the highest down, the level below all last. */
export function levelOrder(f: Framework): string[] {
  const words = f.levels.rules.map((r) => r.label);
  if (f.levels.below) words.push(f.levels.below.label);
  for (const w of f.levels.words ?? []) if (!words.includes(w)) words.push(w);
  return words;
}

export function stats(agencies: readonly AgencyYear[], order: readonly string[]): Stats {
  const totals = agencies.map((a) => a.total).filter((t): t is Exact => t !== null);
  return {
    agencies: agencies.length,
    withTotal: totals.length,
    mean: mean(totals),
    median: median(totals),
    below85: agencies.filter((a) => isBelow85(a.total)),
    levels: levelCounts(agencies, order),
  };
}

/**
 * Level word → count, in `order`, then the agencies with no level. Its own function: V8 compiles a long loop
 * while it runs, and code after it that had not yet run would then be left to deoptimize at each later call
 * (stats runs once for each of hundreds of groups).
 */
function levelCounts(agencies: readonly AgencyYear[], order: readonly string[]): [string, number][] {
  const counts = new Map<string, number>(order.map((w) => [w, 0]));
  let unknown = 0;
  for (const a of agencies) {
    if (a.level) counts.set(a.level.label, (counts.get(a.level.label) ?? 0) + 1);
    else unknown++;
  }
  return [...counts, [UNKNOWN_LEVEL, unknown]];
}

/** The row's figures as one agency's score tabs would give them, for the analysis of one agency's year. */
function sourceOf(row: AgencyRow, year: number) {
  const figures: Partial<Record<ToolKey | 'total', { value: Exact; where: string }>> = { ...row.tools };
  if (row.total) figures.total = row.total;
  return {
    totals: [{ year, figures, level: row.level }],
    indicators: row.indicators.map((g) => ({ year, indicator: g.indicator, value: g.value, where: g.where })),
    items: [],
  };
}

/** The findings of one agency's year; a finding on no one cell is said to be the agency's. */
function agencyFindings(local: Findings, label: string, into: Findings): void {
  for (const f of local.list) {
    if (f.where) into.add(f.severity, f.code, f.where, f.message, f.message_en);
    else into.add(f.severity, f.code, null, `${label}: ${f.message}`, `${label}: ${f.message_en}`);
  }
}

function toolValues(tools: YearAnalysis['tools']): AgencyYear['tools'] {
  const out: AgencyYear['tools'] = {};
  for (const k in tools) out[k as ToolKey] = tools[k as ToolKey]?.value ?? null;
  return out;
}

function agencyYear(
  key: string,
  row: AgencyRow,
  year: number,
  framework: Framework,
  findings: Findings,
): AgencyYear {
  const local = new Findings();
  const y = analyseYear(sourceOf(row, year), year, framework, local);
  const label = agencyLabel(row);
  agencyFindings(local, label, findings);
  const indicators = new Map<number, Exact>();
  for (const [n, fig] of y.indicators) if (fig.value) indicators.set(n, fig.value);
  return {
    key,
    label,
    agency: row.agency,
    code: row.code,
    type: row.type,
    group: row.group,
    emails: row.emails,
    year,
    total: y.total.value,
    tools: toolValues(y.tools),
    indicators,
    level: y.level,
    levelSource: y.levelSource,
    where: row.where,
    rank: null,
  };
}

/** Ranks by published total, highest first; equal totals share a rank; no total comes last, unranked. */
function rank(agencies: AgencyYear[]): AgencyYear[] {
  // Each total in hundredths once, not at each comparison.
  const keyed = agencies.map((a) => ({ a, h: a.total ? hundredths(a.total) : null }));
  keyed.sort((x, y) => {
    if (x.h === null || y.h === null) return x.h !== null ? -1 : y.h !== null ? 1 : 0;
    return x.h > y.h ? -1 : x.h < y.h ? 1 : 0;
  });
  keyed.forEach(({ a, h }, i) => {
    const prev = keyed[i - 1];
    if (h === null) return;
    a.rank = prev && prev.h === h ? prev.a.rank : i + 1;
  });
  return keyed.map(({ a }) => a);
}

function groupStats(agencies: readonly AgencyYear[], by: (a: AgencyYear) => string, order: string[]) {
  const groups = new Map<string, AgencyYear[]>();
  for (const a of agencies) {
    const name = by(a);
    if (!name) continue;
    const list = groups.get(name) ?? [];
    list.push(a);
    groups.set(name, list);
  }
  return [...groups].map(([name, list]) => ({ name, ...stats(list, order) }));
}

function indicatorStats(agencies: readonly AgencyYear[], f: Framework): IndicatorStats[] {
  return f.indicators
    .map((ind) => {
      const scored = sortByExact(
        agencies
          .filter((a) => a.indicators.has(ind.number))
          .map((a) => ({ agency: a, score: a.indicators.get(ind.number) as Exact })),
        (s) => s.score,
      );
      return {
        indicator: ind.number,
        name: ind.name,
        agencies: scored.length,
        mean: mean(scored.map((s) => s.score)),
        below85: scored.filter((s) => isBelow85(s.score)).length,
        weakest: scored.slice(0, 5),
      };
    })
    .filter((s) => s.agencies > 0);
}

function rollupYear(year: number, framework: Framework, agencies: AgencyYear[]): RollupYear {
  const order = levelOrder(framework);
  return {
    year,
    framework,
    ...stats(agencies, order),
    ranked: rank(agencies),
    byType: groupStats(agencies, (a) => a.type, order),
    byGroup: groupStats(agencies, (a) => a.group, order),
    indicators: indicatorStats(agencies, framework),
  };
}

function levelMove(now: AgencyYear, before: AgencyYear, f: string[], g: string[]): -1 | 0 | 1 {
  if (!now.level || !before.level) return 0;
  const a = f.indexOf(now.level.label);
  const b = g.indexOf(before.level.label);
  if (a < 0 || b < 0 || a === b) return 0;
  return a < b ? 1 : -1;
}

function changesOf(current: RollupYear, previous: RollupYear): AgencyChange[] {
  const before = new Map(previous.ranked.map((a) => [a.key, a]));
  const out: AgencyChange[] = [];
  const [f, g] = [levelOrder(current.framework), levelOrder(previous.framework)];
  for (const now of current.ranked) {
    const then = before.get(now.key);
    if (!then) continue;
    const delta =
      now.total && then.total ? Exact.of(hundredths(now.total) - hundredths(then.total), B100) : null;
    out.push({
      agency: now,
      before: then,
      delta,
      levelMove: levelMove(now, then, f, g),
    });
  }
  return out;
}

/** Rows grouped by year, each agency once a year: a second row of the same agency and year is a finding. */
function rowsByYear(rows: readonly AgencyRow[], assessed: number | null, findings: Findings) {
  const byYear = new Map<number, Map<string, AgencyRow>>();
  for (const row of rows) {
    const year = row.year ?? assessed;
    if (year === null) continue;
    const seen = byYear.get(year) ?? new Map<string, AgencyRow>();
    byYear.set(year, seen);
    const key = agencyKey(row);
    const first = seen.get(key);
    if (first) {
      findings.warning(
        'duplicate-agency',
        row.where,
        `${row.where}: ${agencyLabel(row)} ปี ${year} ซ้ำกับแถว ${first.where} จึงใช้แถวแรก`,
        `${row.where}: ${agencyLabel(row)} of ${year} repeats row ${first.where}; the first one is used`,
      );
      continue;
    }
    seen.set(key, row);
  }
  return byYear;
}

/**
 * The roll-up of a coordinator's workbook (the settings and the `ผลหน่วยงาน` tab): for each year the
 * count, mean, median, levels and those below 85, by type and by group; each agency's change; the
 * indicators; findings with their cells.
 */
export function analyzeRollup(sheets: readonly SheetData[]): Rollup {
  const findings = new Findings();
  const clamped = clampLongTexts(sheets, findings);
  const wb = readWorkbook(clamped, findings);
  const frameworks = withTabFrameworks(clamped, findings);
  const settings = wb.settings;
  const assessed = settings?.year ?? null;
  if (!wb.tabs.agencies) {
    findings.error(
      'missing-tab',
      null,
      'ไม่พบแท็บ "ผลหน่วยงาน" (Agencies) ซึ่งมีผลของแต่ละหน่วยงาน',
      'No "ผลหน่วยงาน" (Agencies) tab with the results of each agency',
    );
  }
  const years: RollupYear[] = [];
  for (const [year, rows] of [...rowsByYear(wb.agencies, assessed, findings)].sort((a, b) => a[0] - b[0])) {
    const f = chooseFramework(year, settings?.framework ?? null, year === assessed, findings, frameworks);
    const agencies = [...rows].map(([key, row]) => agencyYear(key, row, year, f, findings));
    years.push(rollupYear(year, f, agencies));
  }
  const current = years.find((y) => y.year === assessed) ?? null;
  if (wb.tabs.agencies && assessed !== null && !current) {
    findings.error(
      'no-scores-for-year',
      null,
      `แท็บ "ผลหน่วยงาน" ไม่มีผลของปีที่ประเมิน (${assessed})`,
      `The "ผลหน่วยงาน" tab has no results for the assessed year ${assessed}`,
    );
  }
  const previous = assessed === null ? null : ([...years].reverse().find((y) => y.year < assessed) ?? null);
  const weakestIndicators = weakest(current?.indicators ?? []);
  return {
    coordinator: settings?.agency ?? '',
    scope: settings?.scope ?? '',
    year: assessed,
    settings,
    years,
    current,
    previous,
    changes: current && previous ? changesOf(current, previous) : [],
    weakestIndicators,
    findings: findings.list,
    ok: settings !== null && current !== null,
  };
}
