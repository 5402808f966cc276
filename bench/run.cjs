// Service calls and local time of the one-click flow (the real dist/Code.js in the local runtime):
// on the sample workbook (a page's first click, and the click after it), and on a large one at 1× and 10×
// its rows; and the sharing step on 30 divisions (bench/sharing.cjs). `npm run bench -- --json` for JSON;
// `npm run bench -- --docs` writes the speed table of docs/speed.md (a test checks that it matches).
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const {
  chartSvg,
  createRuntime,
  loadBundle,
  spreadsheetFromSheets,
  svgToPng,
} = require('../build/local.cjs');
const { largeWorkbook, sample } = require('./workbooks.cjs');
const costs = require('./costs.cjs');
const { printSharing, shareAtScale } = require('./sharing.cjs');

const ROOT = join(__dirname, '..');

// The sidebar's server calls for one click, in its order (src/ui/sidebar.ts, runBuild): the check and
// the measures tab, then the Doc (which answers with the sidebar's new view and the Doc's link), then the
// PDF in a call of its own; for the results report (buildResults), the check, the Doc, the PDF.
const PLAN_STEPS = ['apiPrepareReport', 'apiBuildReport', 'apiSaveReportPdf'];
const RESULTS_STEPS = ['apiPrepareResultsReport', 'apiBuildResultsReport', 'apiSaveReportPdf'];
/** The report each build step makes, for the PDF call after it. */
const KIND_OF = { apiBuildReport: 'plan', apiBuildResultsReport: 'results' };

/** What the sidebar hands the report step: the first step's charts drawn as PNGs (src/ui/chart-images.ts). */
function drawnBySidebar(answer) {
  return (answer?.charts ?? []).map(({ key, spec }) => ({
    key,
    png: svgToPng(chartSvg(spec.type, spec.grid, spec.options)).toString('base64'),
  }));
}

/** One click, as the sidebar makes it: its server calls in order, their calls, time and what they carried. */
function oneClick(runtime, bundle, withFont, serverSteps = PLAN_STEPS) {
  const total = {};
  const steps = {};
  let ms = 0;
  let kb = 0;
  let answer = null;
  const phases = [];
  let atDoc = null;
  serverSteps.forEach((step, index) => {
    const before = runtime.phases.length;
    const tabs = runtime.spreadsheet.getSheets().length;
    // As the sidebar does: the report step gets the token of the tabs the first step kept, and the charts
    // drawn in the browser (drawn here before the clock starts: that is the browser's time, not Google's).
    // A page's first build also asks for the chart font (src/ui/sidebar.ts). The PDF call names the Doc.
    const options =
      step === 'apiSaveReportPdf'
        ? { kind: KIND_OF[serverSteps[index - 1]], docId: answer.docId, pdfId: answer.pdfId }
        : {
            force: false,
            snapshot: answer?.snapshot ?? null,
            charts: drawnBySidebar(answer),
            withFont: withFont && index === 0,
            pdfLater: true,
          };
    runtime.calls.reset();
    const started = process.hrtime.bigint();
    answer = bundle.call(step, options);
    // In bytes as sent (UTF-8: a Thai character is three).
    kb += (Buffer.byteLength(JSON.stringify(options)) + Buffer.byteLength(JSON.stringify(answer))) / 1024;
    ms += Number(process.hrtime.bigint() - started) / 1e6;
    const calls = runtime.calls.snapshot();
    steps[step] = {
      tabs,
      getValues: calls['Range.getValues'] ?? 0,
      setValues: calls['Range.setValues'] ?? 0,
      calls: runtime.calls.total(),
      roundTrips: costs.estimate(calls, 1).roundTrips,
    };
    for (const [k, v] of Object.entries(calls)) total[k] = (total[k] ?? 0) + v;
    for (const phase of runtime.phases.slice(before)) {
      const priced = costs.estimate(phase.calls, 0);
      phases.push({ step, label: phase.label, roundTrips: priced.roundTrips, estimate: priced.estimate });
    }
    // The moment the sidebar shows the Doc's link: the build call has answered.
    if (KIND_OF[step]) atDoc = costs.estimate({ ...total }, index + 1, kb);
  });
  return { total, steps, ms, kb, phases, atDoc };
}

/**
 * A page's first click on the workbook, or its click after `before` o25 clicks (the Doc then exists; the
 * page has the chart font unless `steps` are another report's, which a page may well build first).
 */
function run(name, sheets, before = 0, steps = PLAN_STEPS) {
  const runtime = createRuntime({
    spreadsheet: spreadsheetFromSheets(sheets),
    projectDir: join(ROOT, 'dist'),
    // The click's last steps (the PDF and its upload to Drive) run as in Apps Script; the bench counts
    // calls, so the PDF's pages do not matter and no browser is started to print them.
    pdf: () => Buffer.from('%PDF-1.4\n%%EOF\n'),
  });
  const bundle = loadBundle(runtime, join(ROOT, 'dist', 'Code.js'));
  for (let i = 0; i < before; i++) oneClick(runtime, bundle, i === 0);
  const click = oneClick(runtime, bundle, before === 0 || steps !== PLAN_STEPS, steps);
  const { total, ms, kb, phases } = click;
  const rows = sheets.reduce((n, s) => n + s.values.length, 0);
  const sum = Object.values(total).reduce((a, b) => a + b, 0);
  // Each step is one google.script.run call from the sidebar.
  const serverCalls = steps.length;
  const { roundTrips, estimate, unpriced } = costs.estimate(total, serverCalls, kb);
  return {
    name,
    rows,
    ms: Math.round(ms),
    total: sum,
    serverCalls,
    carriedKb: Math.round(kb),
    // The whole click, to the PDF's link; and the moment the Doc's link is shown, one server call earlier.
    roundTrips,
    estimate,
    docLink: { roundTrips: click.atDoc.roundTrips, estimate: click.atDoc.estimate },
    unpriced,
    steps: click.steps,
    // Each console.time phase of the server code with its calls priced: what a real run's log times.
    phases,
    calls: total,
  };
}

function runAll() {
  const results = [
    run('sample', sample),
    run('sample, next click', sample, 1),
    run('sample, results report', sample, 1, RESULTS_STEPS),
    run('large ×1', largeWorkbook(100, 30)),
    run('large ×10', largeWorkbook(1000, 300)),
  ];
  const [small, big] = results.slice(-2);
  const grew = Object.keys({ ...small.calls, ...big.calls }).filter((k) => small.calls[k] !== big.calls[k]);
  // The sharing step on 30 divisions of 3 addresses each, beside the click (bench/sharing.cjs).
  return { results, callsThatGrewTenfold: grew, sharing: shareAtScale(30, 3) };
}

const TABLE_START = '<!-- bench:table (npm run bench -- --docs writes it) -->';
const SPEED_DOC = join(ROOT, 'docs', 'speed.md');
const TABLE_END = '<!-- bench:end -->';

/** The speed table of docs/speed.md: the counts of a run (time varies from run to run and stays out of it). */
function speedTable(report) {
  const rows = report.results.map((r) => {
    const steps = Object.values(r.steps);
    const setValues = steps.reduce((n, s) => n + s.setValues, 0);
    const getValues = steps.map((s) => s.getValues).join(', ');
    const estimate = `${r.estimate.lowS}–${r.estimate.highS} s`;
    return [
      r.name,
      r.rows.toLocaleString('en'),
      r.total,
      r.serverCalls,
      `${r.carriedKb} KB`,
      r.roundTrips,
      estimate,
      `${r.docLink.roundTrips}, ${r.docLink.estimate.lowS}–${r.docLink.estimate.highS} s`,
      getValues,
      setValues,
    ];
  });
  return markdownTable(SPEED_HEADER, rows);
}

const SPEED_HEADER = [
  'workbook',
  'rows',
  'service calls',
  'server calls',
  'carried both ways',
  'round trips',
  'estimate in Apps Script',
  'Doc link after',
  '`getValues` per step',
  '`setValues` (all steps)',
];

/** A Markdown table with its columns padded, as the formatter (Biome) writes it. */
function markdownTable(header, rows) {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(3, ...cells.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

/** docs/speed.md with its speed table replaced by `table`. */
function withSpeedTable(doc, table) {
  documentedSpeedTable(doc);
  const start = doc.indexOf(TABLE_START) + TABLE_START.length;
  return `${doc.slice(0, start)}\n${table}\n${doc.slice(doc.indexOf(TABLE_END))}`;
}

function printText(report) {
  for (const r of report.results) {
    console.log(
      `${r.name}: ${r.rows} rows, ${r.total} service calls, ${r.serverCalls} server calls carrying ${r.carriedKb} KB, ${r.roundTrips} round trips, ` +
        `estimated ${r.estimate.lowS}–${r.estimate.highS} s in Apps Script (${r.ms} ms here)`,
    );
    console.log(
      `  the Doc's link after ${r.docLink.roundTrips} round trips, ${r.docLink.estimate.lowS}–${r.docLink.estimate.highS} s; ` +
        `the PDF's after ${r.roundTrips}, ${r.estimate.lowS}–${r.estimate.highS} s`,
    );
    for (const [step, s] of Object.entries(r.steps)) {
      console.log(
        `  ${step}: ${s.tabs} tabs, ${s.getValues} getValues, ${s.setValues} setValues, ${s.calls} calls`,
      );
    }
  }
  const grew = report.callsThatGrewTenfold;
  console.log(
    grew.length === 0
      ? 'No call count changed when the rows grew tenfold.'
      : `Calls that changed with the rows: ${grew.join(', ')}`,
  );
  printSharing(report.sharing);
}

/** A markdown table's cells without the padding a formatter adds, to compare tables by content. */
function tableCells(markdown) {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split('|').map((cell) => cell.trim().replace(/^-+$/, '-')));
}

/** The speed table of docs/speed.md, as cells. */
function documentedSpeedTable(doc) {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`docs/speed.md has no ${TABLE_START} … ${TABLE_END} block`);
  return tableCells(doc.slice(start + TABLE_START.length, end));
}

/** `ita: label: N ms` lines of an Apps Script Executions log (pasted as text), by label. */
function timingsOf(log) {
  const timings = new Map();
  for (const m of log.matchAll(/(ita: [^\n]+?): (\d+(?:\.\d+)?) ?ms\b/g)) {
    const list = timings.get(m[1]) ?? [];
    list.push(Number(m[2]));
    timings.set(m[1], list);
  }
  return timings;
}

/**
 * Each phase of the sample's click beside what a real run's log says it took: the figures that can replace
 * the cost table's estimates. `within`: every logged time inside the estimate's bounds.
 */
function compareWithLog(report, log) {
  const timings = timingsOf(log);
  return report.results[0].phases.map((p) => {
    const measured = timings.get(p.label) ?? [];
    const low = p.estimate.lowS * 1000;
    const high = p.estimate.highS * 1000;
    return {
      phase: p.label,
      estimateMs: [low, high],
      measuredMs: measured,
      within: measured.length > 0 ? measured.every((ms) => ms >= low && ms <= high) : null,
    };
  });
}

function printComparison(rows) {
  console.log('| phase | estimate | measured | within |');
  console.log('| --- | --- | --- | --- |');
  for (const r of rows) {
    const measured =
      r.measuredMs.length > 0
        ? `${Math.min(...r.measuredMs)}–${Math.max(...r.measuredMs)} ms (${r.measuredMs.length})`
        : 'not in the log';
    const within = r.within === null ? '' : r.within ? 'yes' : 'NO';
    console.log(`| ${r.phase} | ${r.estimateMs[0]}–${r.estimateMs[1]} ms | ${measured} | ${within} |`);
  }
}

/**
 * Each priced Apps Script method beside what a real run measured of it: the self-check's JSON (its
 * `timings`, one call each) or the `ita: Class.method: N ms` lines of an Executions log. `within`: every
 * measured time inside the cost table's bounds (null: nothing measured).
 */
function compareMethods(measured) {
  return [...measured].map(([method, ms]) => {
    const cost = costs.costOf(method);
    return {
      method,
      kind: cost.kind,
      estimateMs: [cost.lowMs, cost.highMs],
      measuredMs: ms,
      within: ms.length > 0 ? ms.every((t) => t >= cost.lowMs && t <= cost.highMs) : null,
      source: cost.source,
    };
  });
}

/** The self-check's JSON (`ita-report selfcheck --json`, or copied from the add-on), or null for log text. */
function selfCheckOf(text) {
  try {
    const json = JSON.parse(text);
    if (json?.kind !== 'ita-report selfcheck' || !Array.isArray(json.timings)) return null;
    return json;
  } catch {
    return null;
  }
}

/** Measured milliseconds by method: the self-check's timings, or the log's lines whose label is a method. */
function methodTimings(text) {
  const check = selfCheckOf(text);
  const measured = new Map();
  const add = (method, ms) => measured.set(method, [...(measured.get(method) ?? []), ms]);
  if (check) {
    for (const t of check.timings)
      if (typeof t.ms === 'number' && /^[\w.]+$/.test(t.method)) add(t.method, t.ms);
    return measured;
  }
  for (const [label, list] of timingsOf(text)) {
    const method = label.slice('ita: '.length);
    if (/^[A-Z][\w]*(\.[\w]+)+$/.test(method)) for (const ms of list) add(method, ms);
  }
  return measured;
}

function printMethodComparison(rows) {
  console.log('| method | kind | estimate | measured | within |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const measured = `${Math.min(...r.measuredMs)}–${Math.max(...r.measuredMs)} ms (${r.measuredMs.length})`;
    const within = r.within === null ? '' : r.within ? 'yes' : 'NO';
    console.log(
      `| ${r.method} | ${r.kind} | ${r.estimateMs[0]}–${r.estimateMs[1]} ms | ${measured} | ${within} |`,
    );
  }
}

/** `--compare FILE`: a self-check's JSON, or pasted Executions-log lines (phases, and methods if any). */
function compare(text) {
  const methods = compareMethods(methodTimings(text));
  const log = !selfCheckOf(text);
  if (log) printComparison(compareWithLog(runAll(), text));
  if (methods.length === 0) return;
  if (log) console.log('');
  printMethodComparison(methods);
}

module.exports = {
  runAll,
  speedTable,
  tableCells,
  documentedSpeedTable,
  compareWithLog,
  compareMethods,
  methodTimings,
  SPEED_DOC,
};

if (require.main === module) {
  const compareAt = process.argv.indexOf('--compare');
  if (compareAt >= 0) {
    // A real run's self-check JSON, or its Executions log pasted into a file: measured against the estimate.
    compare(readFileSync(process.argv[compareAt + 1], 'utf8'));
  } else if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(runAll(), null, 2)}\n`);
  } else if (process.argv.includes('--docs')) {
    writeFileSync(SPEED_DOC, withSpeedTable(readFileSync(SPEED_DOC, 'utf8'), speedTable(runAll())));
    console.log(`docs/speed.md: speed table written from this run`);
  } else {
    printText(runAll());
  }
}
