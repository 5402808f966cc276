// Service calls and local time of the one-click flow (the real dist/Code.js in the local runtime):
// on the sample workbook, and on a large one at 1× and 10× its rows. `npm run bench -- --json` for JSON.
const { join } = require('node:path');
const { createRuntime, loadBundle, spreadsheetFromSheets } = require('../build/local.cjs');
const { largeWorkbook, sample } = require('./workbooks.cjs');

const ROOT = join(__dirname, '..');

const STEPS = ['apiAnalyze', 'apiWriteMeasures', 'apiBuildReport'];

function run(name, sheets) {
  const runtime = createRuntime({
    spreadsheet: spreadsheetFromSheets(sheets),
    projectDir: join(ROOT, 'dist'),
  });
  const bundle = loadBundle(runtime, join(ROOT, 'dist', 'Code.js'));
  const total = {};
  const steps = {};
  let ms = 0;
  for (const step of STEPS) {
    const tabs = runtime.spreadsheet.getSheets().length;
    runtime.calls.reset();
    const started = process.hrtime.bigint();
    bundle.call(step);
    ms += Number(process.hrtime.bigint() - started) / 1e6;
    const calls = runtime.calls.snapshot();
    steps[step] = {
      tabs,
      getValues: calls['Range.getValues'] ?? 0,
      setValues: calls['Range.setValues'] ?? 0,
      calls: runtime.calls.total(),
    };
    for (const [k, v] of Object.entries(calls)) total[k] = (total[k] ?? 0) + v;
  }
  const rows = sheets.reduce((n, s) => n + s.values.length, 0);
  const sum = Object.values(total).reduce((a, b) => a + b, 0);
  return { name, rows, ms: Math.round(ms), total: sum, steps, calls: total };
}

const results = [
  run('sample (OIE 2568)', sample),
  run('large ×1 (10 years, 100 peers, 30 measures)', largeWorkbook(100, 30)),
  run('large ×10 (10 years, 1,000 peers, 300 measures)', largeWorkbook(1000, 300)),
];
const [, small, big] = results;
const grew = Object.keys({ ...small.calls, ...big.calls }).filter((k) => small.calls[k] !== big.calls[k]);
const report = { results, callsThatGrewTenfold: grew };

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  for (const r of results) {
    console.log(`${r.name}: ${r.rows} rows, ${r.total} service calls, ${r.ms} ms`);
    for (const [step, s] of Object.entries(r.steps)) {
      console.log(
        `  ${step}: ${s.tabs} tabs, ${s.getValues} getValues, ${s.setValues} setValues, ${s.calls} calls`,
      );
    }
  }
  console.log(
    grew.length === 0
      ? 'No call count changed when the rows grew tenfold.'
      : `Calls that changed with the rows: ${grew.join(', ')}`,
  );
}
