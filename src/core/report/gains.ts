import type { Analysis } from '../analysis/analyze';
import { Exact, published } from '../decimal';
import { type Framework, indicatorOfItem, type ToolKey } from '../frameworks';

export interface PointGain {
  item: string;
  part: number | null;
  indicator: number;
  score: number;
  /** What the total gains if the item reached 100, by the framework's weights, rounded as published. */
  gain: number;
}

/**
 * How much one point of an item moves the total, by the framework's structure: the tool's weight, shared by
 * its indicators (a tool is the mean of its indicators) and by the indicator's items; an EIT item of a
 * two-part year carries its part's weight shared by the part's items (a part is the mean of its items).
 */
export function itemWeight(f: Framework, id: string, part: number | null): Exact {
  const ind = indicatorOfItem(f, id);
  if (!ind) return Exact.ZERO;
  const weight = (key: ToolKey) => Exact.parse(f.weights[key] ?? '0');
  if (ind.tool === 'EIT' && f.eitParts.length > 0 && part !== null) {
    const partItems = f.indicators.filter((i) => i.tool === 'EIT').flatMap((i) => i.items).length;
    return weight(`EIT${part}` as ToolKey).div(Exact.parse(String(partItems)));
  }
  const toolWeight =
    ind.tool === 'EIT' && f.weights.EIT === undefined
      ? f.eitParts.reduce((sum, p) => sum.add(weight(`EIT${p}` as ToolKey)), Exact.ZERO)
      : weight(ind.tool);
  const siblings = f.indicators.filter((i) => i.tool === ind.tool).length;
  return toolWeight.div(Exact.parse(String(siblings * ind.items.length)));
}

/** The weakest items ranked by what bringing each to 100 would add to the total, largest first. */
export function pointGains(analysis: Analysis): PointGain[] {
  const cur = analysis.current;
  if (!cur) return [];
  const hundred = Exact.parse('100');
  return analysis.weakest
    .map((w) => ({
      item: w.item,
      part: w.part,
      indicator: w.indicator,
      score: published(w.score) as number,
      gain: published(itemWeight(cur.framework, w.item, w.part).mul(hundred.sub(w.score))) as number,
    }))
    .filter((g) => g.gain > 0)
    .sort((a, b) => b.gain - a.gain);
}
