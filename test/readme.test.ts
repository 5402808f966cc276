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
