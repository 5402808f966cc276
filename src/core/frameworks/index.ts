import { toArabicDigits } from '../thai';
import { FRAMEWORKS } from './data';
import type { Framework, IndicatorDef } from './types';

export * from './types';
export { FRAMEWORKS };

export interface FrameworkChoice {
  framework: Framework;
  /** Set when the year has no framework of its own and another year's was taken. */
  fallbackFrom: number | null;
}

/** The framework of a fiscal year, else the latest earlier one (else the earliest known). */
export function frameworkForYear(
  year: number,
  frameworks: readonly Framework[] = FRAMEWORKS,
): FrameworkChoice {
  const exact = frameworks.find((f) => f.year === year);
  if (exact) return { framework: exact, fallbackFrom: null };
  const earlier = frameworks.filter((f) => f.year < year).sort((a, b) => b.year - a.year);
  const chosen = earlier[0] ?? [...frameworks].sort((a, b) => a.year - b.year)[0];
  return { framework: chosen, fallbackFrom: year };
}

/** A framework by id (`ITA2568`, `ita 2568`, `ITA๒๕๖๘`), or null. */
export function frameworkById(id: string, frameworks: readonly Framework[] = FRAMEWORKS): Framework | null {
  const key = toArabicDigits(id).replace(/\s+/g, '').toUpperCase();
  return frameworks.find((f) => f.id.toUpperCase() === key) ?? null;
}

export function indicatorOfItem(framework: Framework, item: string): IndicatorDef | null {
  return framework.indicators.find((ind) => ind.items.includes(item)) ?? null;
}

export function allItems(framework: Framework): string[] {
  return framework.indicators.flatMap((ind) => ind.items);
}
