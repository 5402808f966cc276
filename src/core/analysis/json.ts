import { type Exact, published } from '../decimal';
import type { Finding } from '../findings';
import { allItems, type ToolKey } from '../frameworks';
import { type Analysis, type Figure, itemKey, type YearAnalysis } from './analyze';

type Scores = Record<string, number | null>;

export interface YearJson {
  total: number | null;
  level: string | null;
  /** `given` (typed in the workbook), `computed` (the rule on known figures), `deduced` (the rule on bounds). */
  level_source: 'given' | 'computed' | 'deduced' | null;
  tools: Scores;
  indicators: Scores;
  items: Scores;
}

/** The JSON of `ita-report analyze --json` (docs/workbook.md). */
export interface AnalysisJson {
  agency: string;
  year: number | null;
  framework: string | null;
  scores: Record<string, YearJson>;
  deltas: { total: number | null; tools: Scores; indicators: Scores; items: Scores };
  weakest: { item: string; part: number | null; indicator: number; score: number }[];
  findings: Finding[];
}

function toolKeys(y: YearAnalysis): ToolKey[] {
  return y.framework.eitParts.length > 0 ? ['IIT', 'EIT', 'EIT1', 'EIT2', 'OIT'] : ['IIT', 'EIT', 'OIT'];
}

function itemKeys(y: YearAnalysis): string[] {
  const f = y.framework;
  return allItems(f).flatMap((id) =>
    id.startsWith('e') && f.eitParts.length > 0 ? f.eitParts.map((p) => itemKey(f, id, p)) : [id],
  );
}

function figures(keys: readonly (string | number)[], get: (key: string) => Figure | undefined): Scores {
  return Object.fromEntries(keys.map((k) => [String(k), published(get(String(k))?.value ?? null)]));
}

export function yearJson(y: YearAnalysis): YearJson {
  return {
    total: published(y.total.value),
    level: y.level?.label ?? null,
    level_source: y.level ? y.levelSource : null,
    tools: figures(toolKeys(y), (k) => y.tools[k as ToolKey]),
    indicators: figures(
      y.framework.indicators.map((i) => i.number),
      (k) => y.indicators.get(Number(k)),
    ),
    items: figures(itemKeys(y), (k) => y.items.get(k)),
  };
}

/** a − b of the two published figures, or null unless both exist. */
export function delta(a: Exact | null | undefined, b: Exact | null | undefined): number | null {
  if (!a || !b) return null;
  return published(a.round(2).sub(b.round(2)));
}

export function analysisJson(a: Analysis): AnalysisJson {
  const scores: Record<string, YearJson> = {};
  for (const y of a.years) scores[String(y.year)] = yearJson(y);
  const cur = a.current;
  const prev = a.previous;
  const out: AnalysisJson['deltas'] = { total: null, tools: {}, indicators: {}, items: {} };
  if (cur && prev) {
    out.total = delta(cur.total.value, prev.total.value);
    const both = <K>(keys: K[], get: (y: YearAnalysis, k: K) => Figure | undefined, into: Scores) => {
      for (const k of keys) {
        const d = delta(get(cur, k)?.value, get(prev, k)?.value);
        if (d !== null) into[String(k)] = d;
      }
    };
    both(toolKeys(cur), (y, k) => y.tools[k], out.tools);
    both(
      cur.framework.indicators.map((i) => i.number),
      (y, k) => y.indicators.get(k),
      out.indicators,
    );
    // An item id means the same in both years only where both frameworks ask the same items for its
    // indicator (i1 of the 30-item IIT of 2565 is not i1 of the 15-item IIT of 2568).
    const sameItems = itemKeys(cur).filter((k) => {
      const id = k.split('.')[0];
      const mine = cur.framework.indicators.find((i) => i.items.includes(id));
      const theirs = prev.framework.indicators.find((i) => i.number === mine?.number);
      return mine !== undefined && theirs !== undefined && mine.items.join() === theirs.items.join();
    });
    both(sameItems, (y, k) => y.items.get(k), out.items);
  }
  return {
    agency: a.agency,
    year: a.year,
    framework: cur?.framework.id ?? null,
    scores,
    deltas: out,
    weakest: a.weakest.map((w) => ({
      item: w.item,
      part: w.part,
      indicator: w.indicator,
      score: published(w.score) as number,
    })),
    findings: a.findings,
  };
}
