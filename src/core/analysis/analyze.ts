import { differBy, Exact, mean, sumOfProducts } from '../decimal';
import { type Finding, Findings } from '../findings';
import {
  FRAMEWORKS,
  type Framework,
  frameworkById,
  frameworkForYear,
  type IndicatorDef,
  indicatorOfItem,
  type ToolKey,
} from '../frameworks';
import { readFrameworkTab } from '../frameworks/tab';
import { followUpRounds, roundColumn } from '../measures/follow-up';
import { measureChecksOf, readMeasureRows } from '../measures/tab';
import { toArabicDigits } from '../thai';
import { clampLongTexts, explainUnsavedFormulas } from '../workbook/limits';
import {
  findTab,
  type Given,
  type GivenItem,
  type ParsedWorkbook,
  readWorkbook,
  type SheetData,
} from '../workbook/reader';
import { deduceYearLevel, figureName, type LevelDeduction, type LevelWords } from './level';

/** A figure of the analysis: the value used (given, else computed), and where it comes from. */
export interface Figure {
  value: Exact | null;
  given: Given | null;
  /** What finer levels give, when they give it. */
  computed: Exact | null;
  /** The cells the value rests on. */
  sources: string[];
}

export interface WeakItem {
  item: string;
  part: number | null;
  indicator: number;
  score: Exact;
}

export interface YearAnalysis {
  year: number;
  framework: Framework;
  total: Figure;
  tools: Partial<Record<ToolKey, Figure>>;
  indicators: Map<number, Figure>;
  /** Keyed `i1`, or `e1.1` for an EIT item in part 1 of a two-part framework. */
  items: Map<string, Figure>;
  level: LevelWords | null;
  /** Where the level comes from: the workbook, the rule on known figures, or the rule on bounds. */
  levelSource: 'given' | 'computed' | 'deduced' | null;
}

export interface Analysis {
  agency: string;
  year: number | null;
  workbook: ParsedWorkbook;
  years: YearAnalysis[];
  current: YearAnalysis | null;
  previous: YearAnalysis | null;
  weakest: WeakItem[];
  findings: Finding[];
  /** The frameworks this workbook is read with: the built-in ones, and those its framework tab defines. */
  frameworks: readonly Framework[];
  /** false when the workbook cannot be analysed: no readable settings, or no scores for the assessed year. */
  ok: boolean;
}

const TOLERANCE = Exact.parse('0.02');

export function itemKey(framework: Framework, id: string, part: number | null): string {
  return framework.eitParts.length > 0 && id.startsWith('e') && part !== null ? `${id}.${part}` : id;
}

function emptyFigure(): Figure {
  return { value: null, given: null, computed: null, sources: [] };
}

function givenFigure(given: Given): Figure {
  return { value: given.value, given, computed: null, sources: [given.where] };
}

/** `รายข้อ!D2:D4` for cells of one column, else the cells listed. */
export function describeCells(cells: readonly string[]): string {
  const unique = [...new Set(cells)];
  const parsed = unique.map((c) => /^(.*)!([A-Z]+)(\d+)$/.exec(c));
  if (unique.length > 1 && parsed.every((m) => m && m[1] === parsed[0]?.[1] && m[2] === parsed[0]?.[2])) {
    const rows = parsed.map((m) => Number(m?.[3]));
    const [tab, col] = [parsed[0]?.[1], parsed[0]?.[2]];
    return `${tab}!${col}${Math.min(...rows)}:${col}${Math.max(...rows)}`;
  }
  return unique.join(', ');
}

/** What a year's figures are read from: the score tabs of one agency, or one row of the agencies tab. */
export type ScoreSource = Pick<ParsedWorkbook, 'totals' | 'indicators' | 'items'>;

const parsedWeights = new WeakMap<Framework['weights'], (readonly [ToolKey, Exact])[]>();

/** A framework's weights as exact figures, parsed once for each framework (frameworks never change). */
function weightsOf(f: Framework): (readonly [ToolKey, Exact])[] {
  let weights = parsedWeights.get(f.weights);
  if (!weights) {
    weights = (Object.entries(f.weights) as [ToolKey, string][]).map(
      ([key, w]) => [key, Exact.parse(w)] as const,
    );
    parsedWeights.set(f.weights, weights);
  }
  return weights;
}

const numbersOf = new WeakMap<IndicatorDef[], Set<number>>();
const byTool = new WeakMap<IndicatorDef[], Map<string, IndicatorDef[]>>();

/** The numbers of a framework's indicators, as a set made once for each framework. */
function indicatorNumbers(f: Framework): Set<number> {
  let numbers = numbersOf.get(f.indicators);
  if (!numbers) {
    numbers = new Set(f.indicators.map((ind) => ind.number));
    numbersOf.set(f.indicators, numbers);
  }
  return numbers;
}

/** A framework's indicators of one tool, in order, listed once for each framework. */
function indicatorsOf(f: Framework, tool: string): IndicatorDef[] {
  let tools = byTool.get(f.indicators);
  if (!tools) {
    tools = new Map();
    byTool.set(f.indicators, tools);
  }
  let list = tools.get(tool);
  if (!list) {
    list = f.indicators.filter((ind) => ind.tool === tool);
    tools.set(tool, list);
  }
  return list;
}

class YearBuilder {
  readonly result: YearAnalysis;

  constructor(
    private readonly wb: ScoreSource,
    readonly year: number,
    readonly framework: Framework,
    private readonly findings: Findings,
  ) {
    this.result = {
      year,
      framework,
      total: emptyFigure(),
      tools: {},
      indicators: new Map(),
      items: new Map(),
      level: null,
      levelSource: null,
    };
  }

  build(): YearAnalysis {
    this.readItems();
    for (const ind of this.framework.indicators) this.indicator(ind);
    this.readGivenIndicatorsOutsideFramework();
    this.tools();
    this.total();
    this.level();
    return this.result;
  }

  private readItems(): void {
    const f = this.framework;
    const hasParts = f.eitParts.length > 0;
    for (const item of this.wb.items.filter((g) => g.year === this.year)) {
      const ind = indicatorOfItem(f, item.id);
      if (!ind) {
        this.findings.warning(
          'unknown-item',
          item.where,
          `${item.where}: ข้อ ${item.id} ไม่อยู่ในกรอบการประเมิน ${f.id} ของปี ${this.year} จึงไม่นำมาคำนวณ`,
          `${item.where}: item ${item.id} is not in framework ${f.id} of ${this.year}; it is left out`,
        );
        continue;
      }
      if (hasParts && ind.tool === 'EIT' && !this.validPart(item)) continue;
      const key = itemKey(f, item.id, hasParts && ind.tool === 'EIT' ? item.part : null);
      this.result.items.set(key, givenFigure(item));
    }
  }

  private validPart(item: GivenItem): boolean {
    if (item.part !== null && this.framework.eitParts.includes(item.part)) return true;
    const parts = this.framework.eitParts.join(' หรือ ');
    this.findings.error(
      'missing-part',
      item.where,
      `${item.where}: ข้อ ${item.id} ปี ${this.year} ต้องระบุส่วนที่ (${parts}) ในคอลัมน์ "ส่วนที่"`,
      `${item.where}: item ${item.id} of ${this.year} needs its EIT part (${this.framework.eitParts.join(' or ')}) in the "part" column`,
    );
    return false;
  }

  /** Mean of the item figures of `keys`, when every one of them has a value. */
  private meanOf(figures: (Figure | undefined)[]): { value: Exact; sources: string[] } | null {
    if (figures.length === 0) return null;
    const values: Exact[] = [];
    for (const f of figures) {
      if (!f || f.value === null) return null;
      values.push(f.value);
    }
    const sources: string[] = [];
    for (const f of figures as Figure[]) for (const cell of f.sources) sources.push(cell);
    return { value: mean(values) as Exact, sources };
  }

  private indicator(ind: IndicatorDef): void {
    const given = this.wb.indicators.find((g) => g.year === this.year && g.indicator === ind.number);
    // No item given (a row of the agencies tab): nothing to compute the indicator from, nothing to report.
    const computed = this.result.items.size > 0 ? this.indicatorFromItems(ind) : null;
    const [th, en] = computed ? [`ตัวชี้วัดที่ ${ind.number}`, `indicator ${ind.number}`] : ['', ''];
    // Without a computed figure settle compares nothing, and says nothing.
    this.result.indicators.set(ind.number, this.settle(given ?? null, computed, th, en));
  }

  private indicatorFromItems(ind: IndicatorDef): { value: Exact; sources: string[] } | null {
    const f = this.framework;
    const items = this.result.items;
    let computed: { value: Exact; sources: string[] } | null;
    let keys: string[];
    if (ind.tool === 'EIT' && f.eitParts.length > 0) {
      keys = f.eitParts.flatMap((p) => ind.items.map((id) => `${id}.${p}`));
      const partMeans = f.eitParts.map((p) => this.meanOf(ind.items.map((id) => items.get(`${id}.${p}`))));
      computed = partMeans.every(Boolean)
        ? {
            value: mean(partMeans.map((m) => (m as { value: Exact }).value)) as Exact,
            sources: partMeans.flatMap((m) => m?.sources ?? []),
          }
        : null;
    } else {
      keys = ind.items;
      computed = this.meanOf(ind.items.map((id) => items.get(id)));
    }
    const present = keys.filter((k) => items.has(k));
    if (!computed && present.length > 0) {
      const missing = keys.filter((k) => !items.has(k));
      this.findings.info(
        'incomplete-items',
        null,
        `ปี ${this.year} ตัวชี้วัดที่ ${ind.number}: ไม่มีคะแนนข้อ ${missing.join(', ')} จึงไม่คำนวณตัวชี้วัดจากรายข้อ`,
        `${this.year}, indicator ${ind.number}: no score for ${missing.join(', ')}, so the indicator is not computed from its items`,
      );
    }
    return computed;
  }

  private readGivenIndicatorsOutsideFramework(): void {
    const numbers = indicatorNumbers(this.framework);
    for (const g of this.wb.indicators) {
      if (g.year !== this.year || numbers.has(g.indicator)) continue;
      this.findings.warning(
        'unknown-indicator',
        g.where,
        `${g.where}: ไม่มีตัวชี้วัดที่ ${g.indicator} ในกรอบการประเมิน ${this.framework.id}`,
        `${g.where}: framework ${this.framework.id} has no indicator ${g.indicator}`,
      );
    }
  }

  /** Keeps the given figure, checks it against the computed one, and reports a difference over 0.02. */
  private settle(
    given: Given | null,
    computed: { value: Exact; sources: string[] } | null,
    th: string,
    en: string,
  ): Figure {
    if (!given) {
      return computed
        ? { value: computed.value, given: null, computed: computed.value, sources: computed.sources }
        : emptyFigure();
    }
    if (computed && differBy(given.value, computed.value, TOLERANCE)) {
      const from = describeCells(computed.sources);
      this.findings.warning(
        'score-mismatch',
        given.where,
        `${given.where}: ${th} ปี ${this.year} ระบุไว้ ${given.value.toFixed(2)} แต่คำนวณจาก ${from} ได้ ${computed.value.toFixed(2)} (ต่างกัน ${given.value.sub(computed.value).abs().toFixed(2)})`,
        `${given.where}: ${en} of ${this.year} is given as ${given.value.toFixed(2)} but ${from} computes to ${computed.value.toFixed(2)} (a difference of ${given.value.sub(computed.value).abs().toFixed(2)})`,
      );
    }
    return { value: given.value, given, computed: computed?.value ?? null, sources: [given.where] };
  }

  private meanOfIndicators(tool: 'IIT' | 'EIT' | 'OIT'): { value: Exact; sources: string[] } | null {
    const inds = indicatorsOf(this.framework, tool);
    return this.meanOf(inds.map((ind) => this.result.indicators.get(ind.number)));
  }

  private tools(): void {
    const f = this.framework;
    const given = this.wb.totals.find((t) => t.year === this.year)?.figures ?? {};
    const tools = this.result.tools;
    const settle = (key: ToolKey, computed: { value: Exact; sources: string[] } | null) => {
      tools[key] = this.settle(given[key] ?? null, computed, key, key);
    };
    settle('IIT', this.meanOfIndicators('IIT'));
    settle('OIT', this.meanOfIndicators('OIT'));
    if (f.eitParts.length > 0) {
      const items = this.result.items;
      const eitItems = items.size > 0 ? indicatorsOf(f, 'EIT').flatMap((ind) => ind.items) : [];
      for (const p of f.eitParts) {
        const part = items.size > 0 ? this.meanOf(eitItems.map((id) => items.get(`${id}.${p}`))) : null;
        settle(`EIT${p}` as ToolKey, part);
      }
      const parts = this.meanOf(f.eitParts.map((p) => tools[`EIT${p}` as ToolKey]));
      const fromIndicators = this.meanOfIndicators('EIT');
      settle('EIT', parts ?? fromIndicators);
      // The parts and the EIT indicators are two roads to one EIT: they must meet.
      if (parts && fromIndicators && differBy(parts.value, fromIndicators.value, TOLERANCE)) {
        const a = describeCells(parts.sources);
        const b = describeCells(fromIndicators.sources);
        this.findings.warning(
          'score-mismatch',
          parts.sources[0] ?? null,
          `ปี ${this.year}: ค่าเฉลี่ยของ EIT ส่วนที่ 1 และ 2 (${a}) ได้ ${parts.value.toFixed(2)} แต่ค่าเฉลี่ยตัวชี้วัด EIT (${b}) ได้ ${fromIndicators.value.toFixed(2)}`,
          `${this.year}: the mean of EIT parts 1 and 2 (${a}) is ${parts.value.toFixed(2)} but the EIT indicators (${b}) average ${fromIndicators.value.toFixed(2)}`,
        );
      }
    } else {
      settle('EIT', this.meanOfIndicators('EIT'));
      for (const key of ['EIT1', 'EIT2'] as const) {
        const g = given[key];
        if (!g) continue;
        this.findings.warning(
          'no-eit-parts',
          g.where,
          `${g.where}: กรอบการประเมิน ${f.id} ไม่แบ่ง EIT เป็นสองส่วน จึงไม่ใช้ ${key}`,
          `${g.where}: framework ${f.id} has no EIT parts; ${key} is not used`,
        );
      }
    }
  }

  private total(): void {
    let weighted = weightsOf(this.framework);
    // Without its parts, EIT carries their weights: 0.15·EIT1 + 0.15·EIT2 = 0.30·(EIT1 + EIT2)/2.
    const split = weighted.filter(([key]) => key === 'EIT1' || key === 'EIT2');
    if (
      split.length > 0 &&
      split.some(([key]) => !this.result.tools[key]?.value) &&
      this.result.tools.EIT?.value
    ) {
      const eitWeight = split.reduce((sum, [, w]) => sum.add(w), Exact.ZERO);
      weighted = [
        ...weighted.filter(([key]) => key !== 'EIT1' && key !== 'EIT2'),
        ['EIT', eitWeight] as const,
      ];
    }
    const parts = weighted.map(([key, weight]) => ({ figure: this.result.tools[key], weight }));
    const computed =
      parts.length > 0 && parts.every((p) => p.figure?.value)
        ? {
            value: sumOfProducts(parts.map((p) => [p.weight, p.figure?.value as Exact] as const)),
            sources: parts.flatMap((p) => p.figure?.sources ?? []),
          }
        : null;
    const given = this.wb.totals.find((t) => t.year === this.year)?.figures.total ?? null;
    this.result.total = this.settle(given, computed, 'คะแนนรวม', 'the total');
  }

  private level(): void {
    const r = this.result;
    const given = this.wb.totals.find((t) => t.year === this.year)?.level ?? null;
    const tools: Partial<Record<ToolKey, Exact | null>> = {};
    let anyFigure = r.total.value !== null;
    for (const k in r.tools) {
      const value = r.tools[k as ToolKey]?.value ?? null;
      tools[k as ToolKey] = value;
      if (value !== null) anyFigure = true;
    }
    const indicators = new Map<number, Exact | null>();
    for (const [n, fig] of r.indicators) indicators.set(n, fig.value);
    const deduction: LevelDeduction = anyFigure
      ? deduceYearLevel(this.framework, { total: r.total.value, tools, indicators })
      : { kind: 'none' };
    if (deduction.kind === 'level') {
      r.level = deduction.level;
      r.levelSource = deduction.source;
      if (given && !sameLevel(given.text, deduction.level.label))
        this.givenLevelDiffers(given, deduction.level, deduction.settled ?? false);
    } else if (deduction.kind === 'open') {
      this.openLevel(deduction.possible, deduction.settle, given);
    } else if (given) {
      this.useGivenLevel(given);
    } else if (anyFigure && (this.framework.levels.rules.length === 0 || !this.framework.levels.below)) {
      this.findings.info(
        'no-level-rule',
        null,
        `ปี ${this.year}: ไม่มีเกณฑ์ระดับของ ${this.framework.id} ที่ยืนยันได้จากแหล่งอ้างอิง และไม่ได้ระบุระดับไว้ จึงไม่ระบุระดับ`,
        `${this.year}: no level rule of ${this.framework.id} is established from sources and no level is given, so none is set`,
      );
    }
  }

  private useGivenLevel(given: { text: string }): void {
    this.result.level = { label: given.text, labelEn: given.text };
    this.result.levelSource = 'given';
  }

  /** The figures allow several levels: a published one among them stands; otherwise say what would settle it. */
  private openLevel(possible: LevelWords[], settle: string[], given: { text: string; where: string } | null) {
    const f = this.framework;
    const th = possible.map((p) => `"${p.label}"`).join(' หรือ ');
    const en = possible.map((p) => `"${p.labelEn}"`).join(' or ');
    const fits = given !== null && possible.some((p) => sameLevel(given.text, p.label));
    if (given && !fits && f.levels.confirmed) {
      this.findings.warning(
        'level-mismatch',
        given.where,
        `${given.where}: ระดับปี ${this.year} ระบุไว้ "${given.text}" แต่ตามเกณฑ์ของ ${f.id} คะแนนนี้อยู่ในระดับ ${th} เท่านั้น`,
        `${given.where}: the ${this.year} level is given as "${given.text}" but by the ${f.id} rule these scores can only be ${en}`,
      );
      return;
    }
    if (given && !fits) {
      this.findings.info(
        'level-unconfirmed',
        given.where,
        `${given.where}: ระดับปี ${this.year} ที่ระบุไว้ "${given.text}" ยืนยันไม่ได้ด้วยเกณฑ์ของ ${f.id} ที่ทราบ จึงใช้ระดับตามที่ระบุไว้`,
        `${given.where}: the ${this.year} level given as "${given.text}" cannot be confirmed by the known ${f.id} rule; the level given is kept`,
      );
    }
    if (given) {
      this.useGivenLevel(given);
      return;
    }
    const names = settle.map(figureName);
    this.findings.info(
      'level-unknown',
      null,
      `ปี ${this.year}: คะแนนที่มีอยู่อาจเป็นระดับ ${th} จึงระบุระดับไม่ได้${names.length ? ` ต้องมีคะแนน ${names.map((n) => n.th).join(' และ ')} จึงจะระบุได้` : ''}`,
      `${this.year}: the scores allow ${en}, so the level cannot be set${names.length ? `; ${names.map((n) => n.en).join(' and ')} would settle it` : ''}`,
    );
  }

  private givenLevelDiffers(
    given: { text: string; where: string },
    level: LevelWords,
    settled: boolean,
  ): void {
    const f = this.framework;
    if (settled) {
      this.findings.warning(
        'level-mismatch',
        given.where,
        `${given.where}: ระดับปี ${this.year} ระบุไว้ "${given.text}" แต่เกณฑ์ของ ${f.id} ทุกแบบที่แหล่งอ้างอิงเปิดให้อ่านได้ให้คะแนนนี้อยู่ในระดับ "${level.label}"`,
        `${given.where}: the ${this.year} level is given as "${given.text}" but every reading of the ${f.id} rule the sources allow gives these scores "${level.labelEn}" (${level.label})`,
      );
      return;
    }
    if (f.levels.confirmed) {
      this.findings.warning(
        'level-mismatch',
        given.where,
        `${given.where}: ระดับปี ${this.year} ระบุไว้ "${given.text}" แต่ตามเกณฑ์ของ ${f.id} คะแนนนี้อยู่ในระดับ "${level.label}"`,
        `${given.where}: the ${this.year} level is given as "${given.text}" but by the ${f.id} rule these scores are "${level.labelEn}" (${level.label})`,
      );
      return;
    }
    // The sources do not settle this year's rule: the agency's published level stands.
    this.findings.info(
      'level-unconfirmed',
      given.where,
      `${given.where}: ระดับปี ${this.year} ที่ระบุไว้ "${given.text}" ยืนยันไม่ได้ด้วยเกณฑ์ของ ${f.id} ที่ทราบ (ซึ่งให้ "${level.label}") จึงใช้ระดับตามที่ระบุไว้`,
      `${given.where}: the ${this.year} level given as "${given.text}" cannot be confirmed by the known ${f.id} rule (which gives "${level.labelEn}"); the level given is kept`,
    );
    this.useGivenLevel(given);
  }
}

/**
 * One year of one agency's figures analysed by its framework: every figure given or computed, checked, and
 * the level given, computed or deduced, with the findings of each. The roll-up runs it for each agency.
 */
export function analyseYear(
  source: ScoreSource,
  year: number,
  framework: Framework,
  findings: Findings,
): YearAnalysis {
  return new YearBuilder(source, year, framework, findings).build();
}

export function sameLevel(a: string, b: string): boolean {
  return normalizeLevel(a) === normalizeLevel(b);
}

function normalizeLevel(text: string): string {
  return toArabicDigits(text)
    .replace(/^ระดับ\s*/, '')
    .replace(/[\s"“”]/g, '')
    .toLowerCase();
}

/** Years this many past the latest framework still borrow it (with a warning); farther ones get no level. */
const FALLBACK_YEARS = 1;

export function chooseFramework(
  year: number,
  settingsFramework: string | null,
  isAssessed: boolean,
  findings: Findings,
  frameworks: readonly Framework[],
): Framework {
  if (isAssessed && settingsFramework) {
    const named = frameworkById(settingsFramework, frameworks);
    if (named) return named;
    findings.warning(
      'unknown-framework',
      null,
      `ไม่รู้จักกรอบการประเมิน "${settingsFramework}" จึงใช้กรอบของปี ${year}`,
      `Unknown framework "${settingsFramework}"; the framework of ${year} is used`,
    );
  }
  const choice = frameworkForYear(year, frameworks);
  if (choice.fallbackFrom === null) return choice.framework;
  const years = frameworks.map((f) => f.year);
  if (isAssessed && year < Math.min(...years)) {
    // A later framework asks other items and levels: a report of this year on it would be a page of dashes.
    findings.error(
      'no-framework',
      null,
      `ไม่มีกรอบการประเมินของปี ${year} (กรอบที่ทราบเริ่มที่ปี ${Math.min(...years)}) จึงสร้างรายงานของปี ${year} ไม่ได้; เพิ่มกรอบของปีนี้ได้ในแท็บ "กรอบการประเมิน"`,
      `No framework is known for ${year} (the known ones start at ${Math.min(...years)}), so no report of ${year} can be made; a "กรอบการประเมิน" tab can define this year`,
    );
    return choice.framework;
  }
  if (year < Math.min(...years) || year > Math.max(...years) + FALLBACK_YEARS) {
    findings.info(
      'year-outside-frameworks',
      null,
      `ปี ${year} อยู่นอกช่วงกรอบการประเมินที่ทราบ (${Math.min(...years)}–${Math.max(...years)}) จึงอ่านคะแนนตามโครงสร้างของ ${choice.framework.id} แต่ไม่ระบุระดับ (เพิ่มกรอบของปีนี้ได้ในแท็บ "กรอบการประเมิน")`,
      `${year} is outside the known frameworks (${Math.min(...years)}–${Math.max(...years)}): its scores are read with the structure of ${choice.framework.id} but no level is set (a "กรอบการประเมิน" tab can define this year)`,
    );
    return {
      ...choice.framework,
      levels: { rules: [], toolsTested: [], below: null, confirmed: false },
    };
  }
  findings.warning(
    'framework-fallback',
    null,
    `ยังไม่มีกรอบการประเมินของปี ${year} จึงใช้ ${choice.framework.id}`,
    `No framework is built in for ${year}; ${choice.framework.id} is used`,
  );
  return choice.framework;
}

function weakestItems(current: YearAnalysis, threshold: Exact | null): WeakItem[] {
  const f = current.framework;
  const groups = new Map<string, WeakItem[]>();
  for (const ind of f.indicators) {
    const parts = ind.tool === 'EIT' && f.eitParts.length > 0 ? f.eitParts : [null];
    for (const part of parts) {
      for (const id of ind.items) {
        const value = current.items.get(itemKey(f, id, part))?.value;
        if (!value) continue;
        const group = `${ind.tool}${part ?? ''}`;
        const list = groups.get(group) ?? [];
        list.push({ item: id, part, indicator: ind.number, score: value });
        groups.set(group, list);
      }
    }
  }
  const weak: WeakItem[] = [];
  for (const list of groups.values()) {
    const bar = threshold ?? (mean(list.map((w) => w.score)) as Exact);
    weak.push(...list.filter((w) => w.score.compare(bar) < 0));
  }
  // Stable sort: ties keep the framework's order (IIT, EIT part 1, part 2, OIT; item number).
  return weak.sort((a, b) => a.score.compare(b.score));
}

function checkPeers(
  wb: ParsedWorkbook,
  current: YearAnalysis,
  agency: string,
  abbreviation: string,
  findings: Findings,
) {
  const total = current.total.value;
  if (!total) return;
  const names = [agency, abbreviation].filter(Boolean).map((n) => n.replace(/\s+/g, ''));
  for (const peer of wb.peers) {
    if ((peer.year ?? current.year) !== current.year || !peer.score) continue;
    const name = peer.agency.replace(/\s+/g, '').replace(/\(.*\)$/, '');
    if (!names.includes(name)) continue;
    if (peer.score.round(2).compare(total.round(2)) !== 0) {
      findings.warning(
        'peer-mismatch',
        peer.where,
        `${peer.where}: คะแนนของ ${peer.agency} ในตารางหน่วยงานในสังกัด (${peer.score.toFixed(2)}) ไม่ตรงกับคะแนนรวม ${total.toFixed(2)}`,
        `${peer.where}: the peers table gives ${peer.agency} ${peer.score.toFixed(2)}, not the total ${total.toFixed(2)}`,
      );
    }
  }
}

/** The built-in frameworks, with the years the workbook's framework tab defines in place of theirs. */
export function withTabFrameworks(sheets: readonly SheetData[], findings: Findings): readonly Framework[] {
  const sheet = findTab(sheets, 'framework');
  if (!sheet) return FRAMEWORKS;
  const fromTab = readFrameworkTab(sheet, findings);
  const thaiPart: Record<string, string> = { indicators: 'ตัวชี้วัด', weights: 'น้ำหนัก', levels: 'ระดับ' };
  for (const f of fromTab) {
    const builtIn = FRAMEWORKS.find((b) => b.year === f.year);
    const base = frameworkForYear(f.year).framework;
    const inherited = f.inherited ?? [];
    const th = inherited.length
      ? ` โดย${inherited.map((p) => thaiPart[p]).join(' ')}ใช้ตาม ${base.id} ในโปรแกรม`
      : '';
    const en = inherited.length ? `; its ${inherited.join(', ')} are those of the built-in ${base.id}` : '';
    findings.info(
      'framework-from-tab',
      f.definedAt ?? null,
      builtIn
        ? `ปี ${f.year} ใช้กรอบการประเมินจากแท็บ "${sheet.name}" แทนกรอบ ${builtIn.id} ที่มีในโปรแกรม${th}`
        : `ปี ${f.year} ใช้กรอบการประเมินจากแท็บ "${sheet.name}" (ไม่มีกรอบของปีนี้ในโปรแกรม)${th}`,
      builtIn
        ? `${f.year} is read with the framework of tab "${sheet.name}", in place of the built-in ${builtIn.id}${en}`
        : `${f.year} is read with the framework of tab "${sheet.name}" (none is built in for this year)${en}`,
    );
  }
  return [...FRAMEWORKS.filter((b) => !fromTab.some((f) => f.year === b.year)), ...fromTab].sort(
    (a, b) => a.year - b.year,
  );
}

/**
 * Why a year's framework cannot be analysed beyond its total and level (the old assessment of 2558–2561, or
 * any framework without indicators), in Thai and English, or null. The o25 report is refused for such a
 * year: its analysis by indicator and its item numbers belong to the frameworks from the first with indicators.
 */
export function totalsOnlyYear(
  year: number,
  framework: Framework,
  frameworks: readonly Framework[] = FRAMEWORKS,
): { th: string; en: string } | null {
  if (framework.indicators.length > 0) return null;
  const first = Math.min(...frameworks.filter((f) => f.indicators.length > 0).map((f) => f.year));
  const latest = [...frameworks].reverse().find((f) => f.developmentItem)?.developmentItem?.id ?? 'o25';
  return {
    th: `ITA ${year} มีเพียงคะแนนรวม: รายงาน ${latest} ต้องใช้กรอบตั้งแต่ ${first} (ปี ${year} อ่านได้เพียงคะแนนรวมและระดับ ไม่มีตัวชี้วัดหรือรายข้อให้วิเคราะห์)`,
    en: `ITA ${year} has totals only: the ${latest} report needs a framework from ${first} on (${year} is read for its total and level; it has no indicators or items to analyse)`,
  };
}

/** The whole analysis of a workbook: every figure of every year, deltas, levels, weakest items, findings. */
export function analyze(sheets: readonly SheetData[]): Analysis {
  const findings = new Findings();
  const clamped = clampLongTexts(sheets, findings);
  const wb = readWorkbook(clamped, findings);
  const frameworks = withTabFrameworks(clamped, findings);
  const settings = wb.settings;
  const assessed = settings?.year ?? null;
  const years = [...wb.years];
  if (assessed !== null && !years.includes(assessed)) {
    findings.error(
      'no-scores-for-year',
      null,
      `ไม่มีคะแนนของปีที่ประเมิน (${assessed}) ในแท็บคะแนน`,
      `The score tabs have no scores for the assessed year ${assessed}`,
    );
  }
  const analysed = years.map((year) =>
    new YearBuilder(
      wb,
      year,
      chooseFramework(year, settings?.framework ?? null, year === assessed, findings, frameworks),
      findings,
    ).build(),
  );
  const current = analysed.find((y) => y.year === assessed) ?? null;
  const previous =
    assessed === null ? null : ([...analysed].reverse().find((y) => y.year < assessed) ?? null);
  if (current && !previous) {
    findings.info(
      'no-previous-year',
      null,
      `ไม่มีคะแนนของปีก่อนหน้า จึงไม่มีการเปรียบเทียบ`,
      `No earlier year has scores, so there is no comparison`,
    );
  }
  for (const rec of wb.recommendations) {
    const f = (rec.year !== null ? analysed.find((y) => y.year === rec.year) : current)?.framework;
    for (const id of rec.items) {
      if (f && !indicatorOfItem(f, id)) {
        findings.warning(
          'unknown-item',
          rec.where,
          `${rec.where}: ข้อเสนอแนะอ้างถึงข้อ ${id} ซึ่งไม่อยู่ในกรอบการประเมิน ${f.id}`,
          `${rec.where}: the recommendation names item ${id}, which is not in framework ${f.id}`,
        );
      }
    }
  }
  let weakest: WeakItem[] = [];
  if (current) {
    weakest = weakestItems(current, settings?.weakThreshold ?? null);
    if (current.items.size === 0) {
      findings.info(
        'no-items',
        null,
        `ไม่มีคะแนนรายข้อของปี ${current.year} จึงระบุข้อที่ต้องพัฒนาไม่ได้`,
        `No item scores for ${current.year}, so no weakest items can be named`,
      );
    }
    checkPeers(wb, current, settings?.agency ?? '', settings?.abbreviation ?? '', findings);
    const only = totalsOnlyYear(current.year, current.framework, frameworks);
    if (only) findings.info('totals-only-year', null, only.th, only.en);
  }
  checkMeasuresTab(clamped, current, wb, findings);
  return {
    agency: settings?.agency ?? '',
    year: assessed,
    workbook: wb,
    years: analysed,
    current,
    previous,
    weakest,
    findings: explainUnsavedFormulas(sheets, findings.list),
    frameworks,
    ok: settings !== null && current !== null,
  };
}

/** The measures tab's values checked as the reports read them (tab.ts, readMeasureRows): each bad one a finding. */
function checkMeasuresTab(
  sheets: readonly SheetData[],
  current: YearAnalysis | null,
  workbook: ParsedWorkbook,
  findings: Findings,
): void {
  const tab = findTab(sheets, 'measures');
  if (!tab) return;
  const rounds = current ? followUpRounds(workbook.settings, current.year + 1).map(roundColumn) : [];
  readMeasureRows(tab.values, rounds, { ...measureChecksOf({ current, workbook }), findings, tab: tab.name });
}

/** An item's topic: the workbook's own words (the `ประเด็น` column) first, else the framework's. */
export function itemTopic(analysis: Analysis, id: string): string {
  return analysis.workbook.itemTopics.get(id) ?? analysis.current?.framework.itemTopics[id] ?? '';
}
