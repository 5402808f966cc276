import { sampleBundle } from './helpers/workbook';

// One click of the sidebar as the bench runs it (bench/run.cjs): what it costs in calls that reach Google.
const bench = require('../bench/run.cjs') as {
  compareWithLog: (
    report: unknown,
    log: string,
  ) => { phase: string; estimateMs: number[]; measuredMs: number[]; within: boolean | null }[];
  runAll: () => {
    results: {
      name: string;
      serverCalls: number;
      roundTrips: number;
      docLink: { roundTrips: number; estimate: { lowS: number; highS: number } };
      estimate: { lowS: number; highS: number };
      unpriced: string[];
      calls: Record<string, number>;
    }[];
  };
};

test('one click on the sample: three server calls and at most 30 round trips, the PDF upload counted among them', () => {
  const [result] = bench.runAll().results;
  expect(result.name).toBe('sample');
  // The check and the measures tab; the Doc (its link shown then); the PDF in a call of its own.
  expect(result.serverCalls).toBe(3);
  expect(result.roundTrips).toBeLessThanOrEqual(30);
  // The Doc's link comes before the PDF's, sooner by the PDF's export and upload.
  expect(result.docLink.roundTrips).toBeLessThan(result.roundTrips);
  expect(result.docLink.estimate.highS).toBeLessThan(result.estimate.highS - 5);
  expect(result.unpriced).toEqual([]);
  // The click ends with the PDF in Drive: a bench that stopped before it would count too few.
  expect(result.calls['Drive.Files.create']).toBe(1);
});

/** Each of the click's server calls on the sample, with the calls it made. */
function stepsOfOneClick(): Record<string, Record<string, number>> {
  const { runtime, bundle } = sampleBundle();
  const steps: Record<string, Record<string, number>> = {};
  let snapshot: string | null = null;
  for (const step of ['apiPrepareReport', 'apiBuildReport']) {
    runtime.calls.reset();
    snapshot = bundle.call<{ snapshot?: string | null }>(step, { snapshot }).snapshot ?? null;
    steps[step] = runtime.calls.snapshot();
  }
  return steps;
}

test('each server call lists the sheets once and reads the document properties once', () => {
  for (const [step, calls] of Object.entries(stepsOfOneClick())) {
    expect([step, calls['Spreadsheet.getSheets']]).toEqual([step, 1]);
    expect([step, calls['Properties.getProperties']]).toEqual([step, 1]);
    expect([step, calls['Spreadsheet.getSheetByName'] ?? 0]).toEqual([step, 0]);
  }
});

test("the report's charts come from one getCharts call, and the files' ids are written with the build's record", () => {
  const build = stepsOfOneClick().apiBuildReport;
  expect(build['Sheet.getCharts']).toBe(1);
  expect(build['EmbeddedChart.getAs']).toBe(3);
  // The Doc's id, the PDF's and the record of the build: one write.
  expect((build['Properties.setProperty'] ?? 0) + build['Properties.setProperties']).toBe(1);
});

test('every click of the bench stays within 30 round trips, to the PDF', () => {
  for (const result of bench.runAll().results)
    expect([result.name, result.roundTrips <= 30]).toEqual([result.name, true]);
});

test("a real run's Executions log is read against the estimate of each phase", () => {
  const report = bench.runAll();
  const log = [
    '3:01:02 PM\tDebug\tita: export the PDF: 2600 ms',
    '3:05:40 PM\tDebug\tita: export the PDF: 12500 ms',
    '3:01:00 PM\tDebug\tita: save the Doc: 700 ms',
  ].join('\n');
  const rows = bench.compareWithLog(report, log);
  const pdf = rows.find((r) => r.phase === 'ita: export the PDF');
  expect(pdf).toMatchObject({ measuredMs: [2600, 12500], within: false });
  expect(rows.find((r) => r.phase === 'ita: save the Doc')).toMatchObject({
    measuredMs: [700],
    within: true,
  });
  expect(rows.find((r) => r.phase === 'ita: write the body')).toMatchObject({ measuredMs: [], within: null });
  // Every phase of the click has its own label, so that a log line names one phase only.
  const labels = rows.map((r) => r.phase);
  expect(new Set(labels).size).toBe(labels.length);
});

test('a new measures tab gets its column widths in one call a run of columns of the same width', () => {
  const { runtime, bundle } = sampleBundle();
  runtime.calls.reset();
  bundle.call('apiPrepareReport', {});
  const sheet = runtime.spreadsheet.getSheetByName('มาตรการ');
  const header = (sheet?.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map(String);
  const widths = header.map((_, i) => sheet?.getColumnWidth(i + 1));
  // Each follow-up round's progress column, one a round, as wide as its fellows.
  const rounds = header.flatMap((name, i) => (name.startsWith('ความคืบหน้า รอบ') ? [widths[i]] : []));
  expect(rounds).toEqual([110, 110]);
  expect(widths.every((w) => typeof w === 'number' && w >= 70)).toBe(true);
  const runs = widths.filter((w, i) => i === 0 || w !== widths[i - 1]).length;
  const calls = runtime.calls.snapshot();
  expect(calls['Sheet.setColumnWidths']).toBe(runs);
  expect(calls['Sheet.setColumnWidth'] ?? 0).toBe(0);
  expect(runs).toBeLessThan(header.length);
});

test('protecting and sharing lists the sheets once and reads the document properties once', () => {
  const { runtime, bundle } = sampleBundle();
  const prepared = bundle.call<{ snapshot: string | null }>('apiPrepareReport', {});
  bundle.call('apiBuildReport', { snapshot: prepared.snapshot });
  runtime.calls.reset();
  const result = bundle.call<{ protectedTabs: number; shared: unknown[] }>('apiApplySharing', {
    protect: true,
    shareReport: true,
  });
  expect(result.protectedTabs).toBeGreaterThan(0);
  expect(result.shared.length).toBeGreaterThan(0);
  const calls = runtime.calls.snapshot();
  expect(calls['Spreadsheet.getSheets']).toBe(1);
  expect(calls['Spreadsheet.getSheetByName'] ?? 0).toBe(0);
  expect(calls['Properties.getProperties']).toBe(1);
  expect(calls['Properties.getProperty'] ?? 0).toBe(0);
});
