import { Exact, published } from '../decimal';
import type { Finding } from '../findings';
import type { Rollup } from './analyze';

export interface RollupYearJson {
  agencies: number;
  mean: number | null;
  median: number | null;
  below85: number;
  /** Level word → count; agencies with no level under `unknown`. */
  levels: Record<string, number>;
}

/** The JSON of `ita-report rollup --json` (docs/workbook.md). */
export interface RollupJson {
  coordinator: string;
  scope: string;
  year: number | null;
  years: Record<string, RollupYearJson>;
  /** Agencies by their label (code, else name; the group in parentheses when given), assessed year vs the one before. */
  changes: { up: string[]; down: string[]; levelUp: string[]; levelDown: string[] };
  /** The assessed year's indicators: the mean, how many agencies are below 85 and their share in percent. */
  indicators: Record<
    string,
    { mean: number | null; agencies: number; below85: number; below85_share: number }
  >;
  findings: Finding[];
}

const share = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 1000) / 10);

export function rollupJson(r: Rollup): RollupJson {
  const years: Record<string, RollupYearJson> = {};
  for (const y of r.years) {
    years[String(y.year)] = {
      agencies: y.agencies,
      mean: published(y.mean),
      median: published(y.median),
      below85: y.below85.length,
      levels: Object.fromEntries(y.levels),
    };
  }
  const labels = (pick: (c: Rollup['changes'][number]) => boolean) =>
    r.changes.filter(pick).map((c) => c.agency.label);
  const indicators: RollupJson['indicators'] = {};
  for (const s of r.current?.indicators ?? []) {
    indicators[String(s.indicator)] = {
      mean: published(s.mean),
      agencies: s.agencies,
      below85: s.below85,
      below85_share: share(s.below85, s.agencies),
    };
  }
  return {
    coordinator: r.coordinator,
    scope: r.scope,
    year: r.year,
    years,
    changes: {
      up: labels((c) => c.delta !== null && c.delta.compare(Exact.ZERO) > 0),
      down: labels((c) => c.delta !== null && c.delta.compare(Exact.ZERO) < 0),
      levelUp: labels((c) => c.levelMove > 0),
      levelDown: labels((c) => c.levelMove < 0),
    },
    indicators,
    findings: r.findings,
  };
}
