import { join } from 'node:path';
import type { SheetData } from '../src/core/workbook/reader';
import { loadBundle } from '../src/local/bundle';
import { createRuntime, spreadsheetFromSheets } from '../src/local/index';
import { ROOT } from './helpers/workbook';

// bench/ measures time; this only checks that the number of service calls does not follow the rows.
const { largeWorkbook } = require('../bench/workbooks.cjs') as {
  largeWorkbook: (peers: number, measures: number) => SheetData[];
};

function callsOf(sheets: SheetData[]) {
  const runtime = createRuntime({
    spreadsheet: spreadsheetFromSheets(sheets),
    projectDir: join(ROOT, 'dist'),
  });
  const bundle = loadBundle(runtime, join(ROOT, 'dist', 'Code.js'));
  for (const step of ['apiAnalyze', 'apiWriteMeasures', 'apiBuildReport']) bundle.call(step);
  return runtime.calls.snapshot();
}

test('service calls stay the same when the rows grow tenfold, and each tab is read in one call per step', () => {
  const small = callsOf(largeWorkbook(100, 30));
  const big = callsOf(largeWorkbook(1000, 300));
  expect(big).toEqual(small);
  expect(big['Range.getValues']).toBe(3 * 7); // three steps, seven tabs
  // The bench's measures tab has the 16 columns of an earlier version: its header is rewritten once.
  expect(big['Range.setValues']).toBeLessThanOrEqual(7);
});

test('a tab outside the format, however large, is not read', () => {
  const sheets = largeWorkbook(100, 30);
  const other = Array.from({ length: 5000 }, (_, i) => [`row ${i}`, i, i * 2]);
  const without = callsOf(sheets);
  const withOther = callsOf([...sheets, { name: 'ข้อมูลอื่นของหน่วยงาน', values: other }]);
  expect(withOther['Range.getValues']).toBe(without['Range.getValues']);
});
