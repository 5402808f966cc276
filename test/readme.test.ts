import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers/workbook';

// The README's figures are measured, not remembered: its speed table is what the bench measures now.
const bench = require(join(ROOT, 'bench', 'run.cjs')) as {
  runAll: () => unknown;
  speedTable: (report: unknown) => string;
  tableCells: (markdown: string) => string[][];
  readmeSpeedTable: (readme: string) => string[][];
};

test("the README's speed table is the bench's (npm run bench -- --readme rewrites it)", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = bench.speedTable(bench.runAll());
  expect(table).toMatch(/^\| sample \| \d+ \| \d+ \|/m);
  expect(bench.readmeSpeedTable(readme)).toEqual(bench.tableCells(table));
});

test('the bench prices every call of a click, and every cost names its source or says it is an estimate', () => {
  const costs = require(join(ROOT, 'bench', 'costs.cjs')) as {
    COSTS: [RegExp, string, number, number, string][];
    SOURCES: Record<string, string>;
  };
  for (const [, kind, low, high, source] of costs.COSTS) {
    expect(['roundTrip', 'write', 'local']).toContain(kind);
    expect(low).toBeLessThanOrEqual(high);
    expect(costs.SOURCES[source]).toEqual(expect.any(String));
  }
  const report = bench.runAll() as { results: { unpriced: string[]; serverCalls: number }[] };
  for (const result of report.results) expect(result.unpriced).toEqual([]);
});
