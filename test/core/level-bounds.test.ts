import { deduceLevel } from '../../src/core/analysis/level';
import { Exact } from '../../src/core/decimal';
import { frameworkById } from '../../src/core/frameworks';

/**
 * A deduced level must be the level the full figures give. Random 2568 results (tools to three decimals,
 * published rounded to two, as ITAS does), with the EIT parts hidden behind their published mean or the
 * OIT behind the total: whenever a level is deduced, it is the one the hidden figures give.
 */
const f = frameworkById('ITA2568');
if (!f) throw new Error('no ITA2568');

function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const at = (n: number) => Exact.of(BigInt(Math.round(n * 1000)), BigInt(1000));
const published = (x: Exact) => x.round(2);

/** The 2568 rule by hand, on the published figures (ita-framework-notes §2.7). */
function truth(tools: Record<'IIT' | 'EIT1' | 'EIT2' | 'OIT', Exact>, total: Exact): string {
  const all = (m: number) => Object.values(tools).every((t) => published(t).toNumber() >= m);
  const t = published(total).toNumber();
  if (t >= 95 && all(95)) return 'ผ่านดีเยี่ยม';
  if (t >= 85 && all(85)) return 'ผ่านดี';
  return t >= 85 ? 'ผ่าน' : 'ไม่ผ่าน';
}

test('levels deduced from a combined EIT, or without OIT, agree with the full figures (500 results, 1,000 cases)', () => {
  const next = random(2568);
  let deduced = 0;
  for (let n = 0; n < 500; n++) {
    const score = () => at(80 + next() * 20);
    const tools = { IIT: score(), EIT1: score(), EIT2: score(), OIT: score() };
    const total = tools.IIT.mul(at(0.3))
      .add(tools.EIT1.mul(at(0.15)))
      .add(tools.EIT2.mul(at(0.15)))
      .add(tools.OIT.mul(at(0.4)));
    const expected = truth(tools, total);
    const eit = tools.EIT1.add(tools.EIT2).div(Exact.of(BigInt(2)));
    const partial = [
      { IIT: published(tools.IIT), EIT: published(eit), OIT: published(tools.OIT) },
      { IIT: published(tools.IIT), EIT1: published(tools.EIT1), EIT2: published(tools.EIT2) },
    ];
    for (const given of partial) {
      const d = deduceLevel(f, { total: published(total), tools: given, indicators: new Map() });
      expect(['level', 'open']).toContain(d.kind);
      // A deduced level is the one the hidden figures give; an open case keeps it among the possible ones.
      const labels =
        d.kind === 'level' ? [d.level.label] : d.kind === 'open' ? d.possible.map((p) => p.label) : [];
      deduced += d.kind === 'level' ? 1 : 0;
      expect([n, d.kind === 'level' ? labels : [expected]]).toEqual([n, [expected]]);
      expect(labels).toContain(expected);
    }
  }
  expect(deduced).toBeGreaterThan(700); // of 1,000: the bounds decide most cases, not only the easy ones
});
