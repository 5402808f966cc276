// The sharing step at scale: 30 divisions of 3 addresses each, every division owning measure rows of its
// own, shared with every box ticked (each division's rows protected, the spreadsheet, the report's Doc and
// PDF) in the sidebar's two server calls (src/ui/sidebar.ts, shareInTwoCalls), then shared again (what a
// second run costs when nothing changed). Run by bench/run.cjs.
const { join } = require('node:path');
const { createRuntime, loadBundle, spreadsheetFromSheets } = require('../build/local.cjs');
const { divisionOwners, divisionsWorkbook } = require('./workbooks.cjs');
const costs = require('./costs.cjs');

const ROOT = join(__dirname, '..');
/** The sidebar's two server calls of the step, each an execution of its own. */
const CALLS = [
  [
    'protections and spreadsheet',
    { protect: true, shareSpreadsheet: true, shareReport: false, notify: false },
  ],
  ['report Doc and PDF', { protect: false, shareSpreadsheet: false, shareReport: true, notify: false }],
];
/** One execution's limit: "Script runtime: 6 min / execution" (developers.google.com/apps-script/guides/services/quotas). */
const EXECUTION_S = 360;

/** The workbook after one o25 click, each measure row given to its divisions (as the team would). */
function sharedWorkbook(divisions, each) {
  const runtime = createRuntime({
    spreadsheet: spreadsheetFromSheets(divisionsWorkbook(divisions, each)),
    projectDir: join(ROOT, 'dist'),
    pdf: () => Buffer.from('%PDF-1.4\n%%EOF\n'),
  });
  const bundle = loadBundle(runtime, join(ROOT, 'dist', 'Code.js'));
  bundle.call('apiWriteMeasures');
  bundle.call('apiBuildReport');
  const tab = runtime.spreadsheet.getSheetByName('มาตรการ');
  const values = tab.getDataRange().getValues();
  const column = values[0].indexOf('ผู้รับผิดชอบ') + 1;
  const owners = divisionOwners(values.length - 1, divisions);
  owners.forEach((codes, i) => {
    tab.getRange(i + 2, column).setValue(codes);
  });
  return { runtime, bundle, measures: owners.length };
}

/** One server call of the step: its calls, the list calls and those of one address, e-mails sent, the estimate. */
function serverCall(runtime, bundle, options) {
  runtime.calls.reset();
  const mailBefore = runtime.mail.length;
  const started = process.hrtime.bigint();
  const result = bundle.call('apiApplySharing', options);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const calls = runtime.calls.snapshot();
  const pick = (names) => Object.fromEntries(names.map((n) => [n, calls[n] ?? 0]));
  const { roundTrips, estimate, unpriced } = costs.estimate(calls, 1);
  return {
    protections: result.protectedRanges + result.protectedTabs,
    calls: runtime.calls.total(),
    listCalls: pick(['Protection.addEditors', 'Spreadsheet.addEditors', 'Document.addViewers']),
    oneAddressCalls: pick([
      'Protection.addEditor',
      'Spreadsheet.addEditor',
      'Document.addViewer',
      'Drive.Permissions.create',
    ]),
    refused: result.refused.length,
    emails: runtime.mail.length - mailBefore,
    roundTrips,
    estimate,
    unpriced,
    ms: Math.round(ms),
    calledMethods: calls,
  };
}

/** The step as the sidebar runs it: its two server calls. */
function share(runtime, bundle) {
  return CALLS.map(([label, options]) => ({ label, ...serverCall(runtime, bundle, options) }));
}

/** The step on `divisions` divisions of `each` addresses: the first run, and a second one after it. */
function shareAtScale(divisions = 30, each = 3) {
  const { runtime, bundle, measures } = sharedWorkbook(divisions, each);
  const first = share(runtime, bundle);
  const again = share(runtime, bundle);
  return { name: `${divisions} divisions × ${each} addresses`, divisions, each, measures, first, again };
}

function printSharing(s) {
  for (const [run, calls] of [
    ['first share', s.first],
    ['shared again', s.again],
  ]) {
    console.log(`sharing, ${s.name}, ${s.measures} measure rows, ${run}: two server calls`);
    for (const r of calls) {
      const list = Object.entries(r.listCalls)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ');
      const one = Object.entries(r.oneAddressCalls)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ');
      console.log(
        `  ${r.label}: ${r.protections} protections, ${r.calls} service calls, ${r.roundTrips} round trips, ` +
          `estimated ${r.estimate.lowS}–${r.estimate.highS} s of one execution's ${EXECUTION_S} s (${r.ms} ms here)`,
      );
      console.log(`    list calls: ${list}; one address a call: ${one}; ${r.emails} e-mails sent by Google`);
    }
  }
}

module.exports = { shareAtScale, printSharing, EXECUTION_S };
