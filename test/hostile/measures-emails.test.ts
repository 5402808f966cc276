import { analyze } from '../../src/core/analysis/analyze';
import {
  MEASURE_COLUMNS,
  measureChecksOf,
  measuresTabOf,
  readMeasureRows,
} from '../../src/core/measures/tab';
import { readXlsx } from '../../src/local/xlsx';

// The measures tab and e-mail cases of issue 26 (test/fuzz/measures-emails.cjs), read from their .xlsx and
// analysed as the add-on does.
interface Expect {
  findings: [string, string][];
  noFindings?: string[];
  rows?: [string, number | null, string, string, number | null][];
  emails?: string[][];
  links?: string[];
}

const { CASES, HEADER } = require('../fuzz/measures-emails.cjs') as {
  CASES: { name: string; make: () => Promise<Buffer>; expect: Expect }[];
  HEADER: string[];
};

test('the cases name the measures tab’s columns as the add-on writes them', () => {
  expect(HEADER).toEqual(MEASURE_COLUMNS.slice(0, HEADER.length));
});

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  test('gives its findings, one at each cell, and the values the reports read', async () => {
    const sheets = await readXlsx(await c.make());
    const analysis = analyze(sheets);
    const codes = new Set(c.expect.findings.map(([code]) => code));
    const found = analysis.findings
      .filter((f) => codes.has(f.code) || c.expect.noFindings?.includes(f.code))
      .map((f) => [f.code, f.where]);
    expect(found).toEqual(c.expect.findings);
    const mine = analysis.findings.filter((f) => f.where?.startsWith('มาตรการ!'));
    expect(mine.every((f) => f.severity === 'warning' && f.message && f.message_en)).toBe(true);
    const rows = readMeasureRows(measuresTabOf(sheets)?.values ?? [], [], measureChecksOf(analysis));
    const seen = {
      rows: rows.map((r) => [r.id, r.indicator, r.responsible, r.status, r.progress]),
      links: rows.flatMap((r) => r.links.map((l) => l.url)),
      emails: analysis.workbook.divisions.map((d) => d.emails),
    };
    // What the case says of the rows, the links and the e-mails (each only where it says it).
    const said = (['rows', 'links', 'emails'] as const).filter((k) => c.expect[k] !== undefined);
    expect(Object.fromEntries(said.map((k) => [k, seen[k]]))).toEqual(
      Object.fromEntries(said.map((k) => [k, c.expect[k]])),
    );
  });
});
