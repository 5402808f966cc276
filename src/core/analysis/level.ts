import { Exact, hundredths } from '../decimal';
import type { Framework, LevelRule, ToolKey } from '../frameworks';

/**
 * The level of a year from what is known of its figures. Where a figure the rule tests is missing, the
 * bounds it can take follow from the others (a combined EIT and its parts, a total and its tools, the
 * indicators and their tool, every figure within 0–100): the level is deduced when every value within
 * those bounds gives the same one.
 */

export type LevelWords = { label: string; labelEn: string };

export interface LevelFigures {
  total: Exact | null;
  tools: Partial<Record<ToolKey, Exact | null>>;
  indicators: ReadonlyMap<number, Exact | null>;
}

export type LevelDeduction =
  /**
   * `computed` when every figure the rule tests is known; `deduced` when some came from bounds. `settled`:
   * every reading of an unsettled rule gives this level.
   */
  | { kind: 'level'; level: LevelWords; source: 'computed' | 'deduced'; settled?: boolean }
  /** The figures allow more than one level: `settle` names the missing figures that would decide it. */
  | { kind: 'open'; possible: LevelWords[]; settle: string[] }
  /** The framework has no level rule. */
  | { kind: 'none' };

interface Bound {
  lo: Exact;
  hi: Exact;
}
type Box = Map<string, Bound>;
/** Σ c·v = 0 */
type Equation = { v: string; c: Exact }[];

const ZERO = Exact.ZERO;
const HUNDRED = Exact.of(BigInt(100));
const HALF_CENT = Exact.parse('0.005');
const [B0, B5, B10, B1000, B100000] = [0, 5, 10, 1000, 100000].map((n) => BigInt(n));
/** Bounds are rounded outward to this grid so that fractions stay small; a change below it is no change. */
const GRID = BigInt(1000000000);

function floorToGrid(x: Exact): Exact {
  const n = x.num * GRID;
  const q = n / x.den;
  return Exact.of(q * x.den > n ? q - BigInt(1) : q, GRID);
}

function ceilToGrid(x: Exact): Exact {
  const n = x.num * GRID;
  const q = n / x.den;
  return Exact.of(q * x.den < n ? q + BigInt(1) : q, GRID);
}

const max = (a: Exact, b: Exact) => (a.compare(b) >= 0 ? a : b);
const min = (a: Exact, b: Exact) => (a.compare(b) <= 0 ? a : b);

/** The relations between the figures of a framework, each as Σ c·v = 0. */
function equations(f: Framework): Equation[] {
  const eqs: Equation[] = [];
  const minusOne = Exact.of(BigInt(-1));
  const weights = Object.entries(f.weights) as [ToolKey, string][];
  if (weights.length > 0) {
    eqs.push([{ v: 'total', c: minusOne }, ...weights.map(([v, w]) => ({ v, c: Exact.parse(w) }))]);
  }
  if (f.eitParts.length > 0) {
    const share = Exact.of(BigInt(1), BigInt(f.eitParts.length));
    eqs.push([{ v: 'EIT', c: minusOne }, ...f.eitParts.map((p) => ({ v: `EIT${p}`, c: share }))]);
  }
  for (const tool of ['IIT', 'EIT', 'OIT'] as const) {
    const inds = f.indicators.filter((i) => i.tool === tool);
    if (inds.length === 0) continue;
    const share = Exact.of(BigInt(1), BigInt(inds.length));
    eqs.push([{ v: tool, c: minusOne }, ...inds.map((i) => ({ v: `ind${i.number}`, c: share }))]);
  }
  return eqs;
}

/** Narrows every bound by every equation until nothing moves; false when some bound becomes empty. */
function propagate(box: Box, eqs: readonly Equation[]): boolean {
  for (let round = 0; round < 40; round++) {
    let moved = false;
    for (const eq of eqs) {
      for (const term of eq) {
        // c·v = −Σ others
        let lo = ZERO;
        let hi = ZERO;
        for (const other of eq) {
          if (other === term) continue;
          const b = box.get(other.v) as Bound;
          const positive = other.c.compare(ZERO) > 0;
          lo = lo.add(other.c.mul(positive ? b.lo : b.hi));
          hi = hi.add(other.c.mul(positive ? b.hi : b.lo));
        }
        const [a, b] = [ZERO.sub(hi).div(term.c), ZERO.sub(lo).div(term.c)];
        const [newLo, newHi] = term.c.compare(ZERO) > 0 ? [a, b] : [b, a];
        const cur = box.get(term.v) as Bound;
        const lower = max(cur.lo, floorToGrid(newLo));
        const upper = min(cur.hi, ceilToGrid(newHi));
        if (lower.compare(upper) > 0) return false;
        if (lower.compare(cur.lo) !== 0 || upper.compare(cur.hi) !== 0) {
          moved = true;
          box.set(term.v, { lo: lower, hi: upper });
        }
      }
    }
    if (!moved) return true;
  }
  return true;
}

type Status = 'yes' | 'no' | 'maybe';

/**
 * Whether a figure, rounded to two decimals as published, is at least m: it is when its unrounded value is
 * at least `edge` = m − 0.005. A known figure r stands for [r − 0.005, r + 0.005), so this is exact for it.
 */
function atLeast(b: Bound, edge: Exact): Status {
  if (b.lo.compare(edge) >= 0) return 'yes';
  if (b.hi.compare(edge) <= 0) return 'no';
  return 'maybe';
}

/** A condition of a rule: figure `v` at least `m`, that is its unrounded value at least `edge` = m − 0.005. */
type Condition = { v: string; m: Exact; edge: Exact };

function conditions(rule: LevelRule, tested: readonly ToolKey[]): Condition[] {
  const out: [string, Exact][] = [['total', Exact.of(BigInt(rule.minTotal))]];
  if (rule.minEveryTool !== undefined) {
    for (const t of tested) out.push([t, Exact.of(BigInt(rule.minEveryTool))]);
  }
  return out.map(([v, m]) => ({ v, m, edge: m.sub(HALF_CENT) }));
}

/**
 * What a level scale and a framework's relations give before any figure is known, made once for each (a
 * roll-up deduces thousands of levels with one framework): the equations, the figures named, and each
 * rule's conditions. Frameworks are data, never changed once made, so their parts key the caches.
 */
interface LevelPlan {
  all: Equation[];
  names: string[];
  tested: string[];
  rules: { rule: LevelRule; conds: Condition[] }[];
}

const equationsCache = new WeakMap<object, WeakMap<object, WeakMap<object, Equation[]>>>();
const planCache = new WeakMap<Equation[], WeakMap<object, WeakMap<object, LevelPlan>>>();

function cached<K extends object, V>(map: WeakMap<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

function levelPlan(f: Framework): LevelPlan {
  const scale = f.levels;
  const byWeights = cached(equationsCache, f.indicators, () => new WeakMap());
  const byParts = cached(byWeights, f.weights, () => new WeakMap());
  const all = cached(byParts, f.eitParts, () => equations(f));
  const byRules = cached(planCache, all, () => new WeakMap());
  const byTested = cached(byRules, scale.rules, () => new WeakMap());
  return cached(byTested, scale.toolsTested, () => {
    const rules = scale.rules.map((rule) => ({ rule, conds: conditions(rule, scale.toolsTested) }));
    const names = new Set<string>([
      'total',
      ...scale.toolsTested,
      ...all.flatMap((eq) => eq.map((t) => t.v)),
    ]);
    const tested = new Set(rules.flatMap((r) => r.conds.map((c) => c.v)));
    return { all, names: [...names], tested: [...tested], rules };
  });
}

/** A figure given, by its name in the relations (`total`, a tool, `ind3`), or undefined. */
function knownFigure(figures: LevelFigures, name: string): Exact | undefined {
  const value =
    name === 'total'
      ? figures.total
      : name.startsWith('ind')
        ? figures.indicators.get(Number(name.slice(3)))
        : figures.tools[name as ToolKey];
  return value ?? undefined;
}

/** A figure's bounds: a known one rounded as published ± 0.005 within 0–100, an unknown one 0–100. */
function boundOf(value: Exact | undefined): Bound {
  if (!value) return { lo: ZERO, hi: HUNDRED };
  // Bounds are never changed once made (narrowing makes new ones): one serves each figure, which the reader
  // shares between the cells that hold the same number.
  let bound = BOUNDS.get(value);
  if (!bound) {
    bound = knownBound(value);
    BOUNDS.set(value, bound);
  }
  return bound;
}

const BOUNDS = new WeakMap<Exact, Bound>();

function knownBound(value: Exact): Bound {
  // r ± 0.005 for r = h/100 as published: (10h ∓ 5)/1000, within 0–100 (never 0 nor 100 exactly).
  const h = hundredths(value) * B10;
  const lo = h - B5 > B0 ? Exact.of(h - B5, B1000) : ZERO;
  const hi = h + B5 < B100000 ? Exact.of(h + B5, B1000) : HUNDRED;
  return { lo, hi };
}

export function deduceLevel(f: Framework, figures: LevelFigures): LevelDeduction {
  const scale = f.levels;
  if (scale.rules.length === 0 || !scale.below) return { kind: 'none' };
  const plan = levelPlan(f);
  const known = (name: string) => knownFigure(figures, name);
  const allKnown = plan.tested.every((v) => known(v) !== undefined);
  // With every tested figure known no relation is used, and only the tested figures' bounds are read.
  const box: Box = new Map();
  for (const name of allKnown ? plan.tested : plan.names) box.set(name, boundOf(known(name)));
  // Figures that contradict one another beyond rounding (a score-mismatch says so) leave no consistent
  // bounds: the total as given then stands apart from its tools, and failing that, no relation is used.
  let eqs: Equation[] = [];
  if (!allKnown) {
    const all = plan.all;
    const systems = [all, all.filter((eq) => !eq.some((t) => t.v === 'total')), []];
    for (const system of systems) {
      const trial: Box = new Map(box);
      if (!propagate(trial, system)) continue;
      for (const [k, b] of trial) box.set(k, b);
      eqs = system;
      break;
    }
  }

  const possible: LevelWords[] = [];
  const settle = new Set<string>();
  let decided = false;
  for (const { rule, conds } of plan.rules) {
    const each = conds.map((c) => [c.v, atLeast(box.get(c.v) as Bound, c.edge)] as const);
    let status: Status = each.some(([, s]) => s === 'no')
      ? 'no'
      : each.every(([, s]) => s === 'yes')
        ? 'yes'
        : 'maybe';
    // Can every condition hold at once? (Each alone may, as EIT1 ≥ 95 and EIT2 ≥ 95 with EIT = 94.15.)
    // Without relations each alone is all there is.
    if (status === 'maybe' && eqs.length > 0) {
      const trial: Box = new Map(box);
      for (const c of conds) {
        const b = trial.get(c.v) as Bound;
        trial.set(c.v, { lo: max(b.lo, c.edge), hi: b.hi });
      }
      if (!propagate(trial, eqs)) status = 'no';
    }
    if (status === 'no') continue;
    possible.push(rule);
    if (status === 'yes') {
      decided = true;
      break;
    }
    for (const [v, s] of each) if (s === 'maybe' && known(v) === undefined) settle.add(v);
  }
  if (!decided) possible.push(scale.below);
  if (possible.every((p) => p.label === possible[0].label)) {
    const level = possible[0];
    return {
      kind: 'level',
      level: { label: level.label, labelEn: level.labelEn },
      source: allKnown ? 'computed' : 'deduced',
    };
  }
  return { kind: 'open', possible, settle: [...settle] };
}

/**
 * The level of a year whose rule the sources leave open to several readings (2566): settled where every
 * reading gives the same level; otherwise every level some reading allows, for a given level to choose from.
 * A year with a settled rule, or no readings, is `deduceLevel` itself.
 */
export function deduceYearLevel(f: Framework, figures: LevelFigures): LevelDeduction {
  const readings = f.levels.readings;
  if (f.levels.confirmed || !readings || readings.length === 0) return deduceLevel(f, figures);
  const each = readings.map((r) => deduceLevel({ ...f, levels: { ...r, confirmed: false } }, figures));
  const levels = each.flatMap((d) => (d.kind === 'level' ? [d] : []));
  if (levels.length === each.length && new Set(levels.map((d) => d.level.label)).size === 1) {
    const source = levels.some((d) => d.source === 'deduced') ? 'deduced' : 'computed';
    return { kind: 'level', level: levels[0].level, source, settled: true };
  }
  const possible = new Map<string, LevelWords>();
  const settle = new Set<string>();
  for (const d of each) {
    for (const p of d.kind === 'level' ? [d.level] : d.kind === 'open' ? d.possible : []) {
      possible.set(p.label, { label: p.label, labelEn: p.labelEn });
    }
    if (d.kind === 'open') for (const v of d.settle) settle.add(v);
  }
  return { kind: 'open', possible: [...possible.values()], settle: [...settle] };
}

/** A figure of the level rule as people name it. */
export function figureName(key: string): { th: string; en: string } {
  const ind = /^ind(\d+)$/.exec(key);
  if (ind) return { th: `ตัวชี้วัดที่ ${ind[1]}`, en: `indicator ${ind[1]}` };
  const part = /^EIT(\d)$/.exec(key);
  if (part) return { th: `EIT ส่วนที่ ${part[1]}`, en: `EIT part ${part[1]}` };
  if (key === 'total') return { th: 'คะแนนรวม', en: 'the total' };
  return { th: key, en: key };
}
