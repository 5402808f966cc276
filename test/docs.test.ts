import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './helpers/workbook';

// The documented figures are measured, not remembered: the speed table is what the bench measures now.
const bench = require(join(ROOT, 'bench', 'run.cjs')) as {
  runAll: () => unknown;
  speedTable: (report: unknown) => string;
  tableCells: (markdown: string) => string[][];
  documentedSpeedTable: (doc: string) => string[][];
};

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

test("docs/speed.md's speed table is the bench's (npm run bench -- --docs rewrites it)", () => {
  const doc = readFileSync(join(ROOT, 'docs', 'speed.md'), 'utf8');
  const table = bench.speedTable(bench.runAll());
  expect(table).toMatch(/^\| sample +\| \d+ +\| \d+ +\|/m);
  expect(bench.documentedSpeedTable(doc)).toEqual(bench.tableCells(table));
});

test('the README keeps the essentials: at most 200 lines, the two commands, the dependencies', () => {
  expect(README.split('\n').length).toBeLessThanOrEqual(200);
  expect(README).toContain('npm ci && npm run demo');
  expect(README).toContain('npm ci && npm test');
  expect(README).toContain('## Dependencies and why');
});

/** Markdown links `[text](target)` of a page, the target without its #fragment. */
function linksOf(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1].replace(/#.*$/, ''));
}

test('every docs/ link of the README, and every relative link inside those pages, names a file that exists', () => {
  const docsLinks = linksOf(README).filter((target) => target.startsWith('docs/'));
  expect(docsLinks).toEqual(
    expect.arrayContaining(['docs/speed.md', 'docs/local-runtime.md', 'docs/deploy.md', 'docs/cli.md']),
  );
  const missing: string[] = [];
  for (const target of docsLinks) {
    if (!existsSync(join(ROOT, target))) missing.push(`README.md → ${target}`);
  }
  for (const page of new Set(docsLinks)) {
    const text = existsSync(join(ROOT, page)) ? readFileSync(join(ROOT, page), 'utf8') : '';
    for (const target of linksOf(text).filter((t) => t !== '' && !/^[a-z]+:/.test(t))) {
      if (!existsSync(join(ROOT, dirname(page), target))) missing.push(`${page} → ${target}`);
    }
  }
  expect(missing).toEqual([]);
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
