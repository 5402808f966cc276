// What each Apps Script call costs in Apps Script, for the bench's estimate of one click. Nobody reaches
// Google from this machine and Google publishes no per-call timings, so most figures are estimates; each
// says so, or names its source. A real run's Executions log (the server code's console.time lines) gives
// the true figures to put here instead.
//
// kind:
//   'roundTrip' reaches a Google backend before it returns (a read, a lock, a file, an advanced service);
//   'write'     a Sheets edit, queued and sent with the next round trip (it costs, but waits for none);
//   'local'     a builder, an object the script already holds, or a Doc element edit pending until saveAndClose.

const SOURCES = {
  ziritione:
    'ziritione.org/post/apps_script_performance: 100 runs; setProperty 43–231 ms (avg 62), getProperty 20–84 ms (avg 30), cache put 73–281 ms (avg 93), cache get 3–8 ms (avg 3–4), each of one small value',
  bulkWrite:
    'developreference "What is faster: ScriptDb or SpreadsheetApp": one 4,000-cell setValues under 50 ms; adding flush() 610 ms',
  gasBook:
    'moseskim/google-app-scripts-3rd 16/16-02.gs, timed with console.time in Apps Script: one getValues of 1,000 cells and one setValues of them, 333 ms together (cell by cell, 1,000 getValue/setValue pairs took 318,580 ms)',
  docsPending:
    'developers.google.com/apps-script/reference/document/document#saveAndClose(): "Saves the current Document. Causes pending updates to be flushed and applied." An element edit reaches no backend; 0–5 ms a call is an estimate, as for the other calls made in the script',
  batchUpdate:
    'developers.google.com/docs/api/concepts/request-response: documents.batchUpdate submits a list of edit requests to apply atomically (one call); its time is an estimate',
  estimate: 'estimate: no published figure; replace with the Executions log of a real run',
};

/** [pattern, kind, lowMs, highMs, source] — the first pattern that matches a `Class.method` wins. */
const COSTS = [
  [/^(DataValidationBuilder|EmbeddedChartBuilder|ProtectionBuilder)\./, 'local', 0, 1, 'estimate'],
  [/^SpreadsheetApp\.(newDataValidation|getActive|getUi)$/, 'local', 0, 2, 'estimate'],
  [/^Blob\./, 'local', 0, 1, 'estimate'],
  [
    /^(Sheet|Range)\.(getName|getRange|getDataRange|getMaxRows|getMaxColumns|getSheetName)$/,
    'local',
    0,
    5,
    'estimate',
  ],
  [/^Range\.getValues$/, 'roundTrip', 50, 300, 'gasBook'],
  [/^Range\.(getDisplayValues|getFormulas|getNumberFormats)$/, 'roundTrip', 50, 300, 'estimate'],
  [/^Spreadsheet\.(getSheets|getSheetByName)$/, 'roundTrip', 20, 200, 'estimate'],
  [/^Range\.setValues$/, 'write', 10, 50, 'bulkWrite'],
  [/^(Range|Sheet)\.(set|insert|hide|show|clear)/, 'write', 5, 50, 'estimate'],
  [/^Spreadsheet\.(insertSheet|deleteSheet)$/, 'roundTrip', 200, 1000, 'estimate'],
  [/^Sheet\.(newChart)$/, 'local', 0, 2, 'estimate'],
  [/^Sheet\.(insertChart|removeChart|protect)$/, 'roundTrip', 200, 1000, 'estimate'],
  [/^Sheet\.getCharts$/, 'roundTrip', 50, 300, 'estimate'],
  [/^EmbeddedChart\.(getAs|getBlob)$/, 'roundTrip', 500, 3000, 'estimate'],
  // A chart getCharts returned carries its position: reading it asks no backend (estimate).
  [/^(EmbeddedChart\.getContainerInfo|ContainerInfo\.)/, 'local', 0, 2, 'estimate'],
  // A protection getProtections returned, or a range the script holds, carries where it is and its
  // description: reading them asks no backend (estimate).
  [
    /^(Protection\.(getRange|getProtectionType|getDescription|canDomainEdit)|Range\.(getA1Notation|getSheet))$/,
    'local',
    0,
    5,
    'estimate',
  ],
  [
    /^(Range|Sheet|Protection|Spreadsheet)\.(protect|getProtections|addEditor|addEditors|removeEditor|removeEditors|addViewer|addViewers|getEditors|getOwner|setDescription|setDomainEdit|setWarningOnly|canEdit)/,
    'roundTrip',
    100,
    600,
    'estimate',
  ],
  [/^Properties\.(setProperties|setProperty|deleteProperty)$/, 'roundTrip', 43, 231, 'ziritione'],
  [/^Properties\.(getProperties|getProperty)$/, 'roundTrip', 20, 84, 'ziritione'],
  [/^PropertiesService\./, 'local', 0, 2, 'estimate'],
  [/^(CacheService\.|Utilities\.getUuid$)/, 'local', 0, 2, 'estimate'],
  // Decoding a picture the sidebar sent is work in the script itself (estimate).
  [/^Utilities\.(base64Decode|newBlob)$/, 'local', 0, 20, 'estimate'],
  [/^Cache\.(get|getAll)$/, 'roundTrip', 3, 8, 'ziritione'],
  [/^Cache\.(put|putAll|remove|removeAll)$/, 'roundTrip', 73, 281, 'ziritione'],
  [/^LockService\./, 'local', 0, 2, 'estimate'],
  [/^Lock\./, 'roundTrip', 20, 200, 'estimate'],
  [/^Session\./, 'local', 0, 5, 'estimate'],
  [/^User\.getEmail$/, 'roundTrip', 10, 100, 'estimate'],
  [/^DocumentApp\.(create)$/, 'roundTrip', 1000, 4000, 'estimate'],
  [/^DocumentApp\.(openById|openByUrl)$/, 'roundTrip', 500, 2000, 'estimate'],
  [/^Document\.(saveAndClose)$/, 'roundTrip', 500, 3000, 'estimate'],
  [/^Document\.(getAs|getBlob)$/, 'roundTrip', 2000, 8000, 'estimate'],
  [
    /^Document\.(addViewer|addViewers|addEditor|addEditors|removeViewer|getViewers|getEditors)$/,
    'roundTrip',
    200,
    1000,
    'estimate',
  ],
  [/^Docs\.Documents\.batchUpdate$/, 'roundTrip', 500, 3000, 'batchUpdate'],
  [/^Docs\.Documents\.get$/, 'roundTrip', 300, 1500, 'estimate'],
  [/^Drive\./, 'roundTrip', 300, 2000, 'estimate'],
  [/^HtmlService\.|^HtmlOutput\./, 'local', 0, 5, 'estimate'],
  // The Doc's elements, read and edited in the script: their edits are pending until saveAndClose, whose
  // cost above is that of applying them (docsPending); each call's own cost is an estimate.
  [
    /^(Document|Body|Paragraph|Table|TableRow|TableCell|Text|InlineImage|ListItem|HeaderSection|FooterSection)\./,
    'local',
    0,
    5,
    'docsPending',
  ],
  [/^(Menu|Ui)\./, 'local', 0, 5, 'estimate'],
];

/**
 * One server call from the sidebar (google.script.run): loading the script and the request itself, and
 * what it carries both ways (the drawn charts up, the overview down) at 16 to 2 Mbit/s.
 */
const SERVER_CALL = { lowMs: 300, highMs: 1500, lowMsPerKb: 0.5, highMsPerKb: 4, source: 'estimate' };

const FALLBACK = ['roundTrip', 50, 500, 'estimate'];

function costOf(method) {
  const row = COSTS.find(([pattern]) => pattern.test(method));
  const [kind, lowMs, highMs, source] = row ? row.slice(1) : FALLBACK;
  return { kind, lowMs, highMs, source };
}

/**
 * Round trips and an estimated time (seconds, low and high) for the calls of one click: `serverCalls` calls
 * from the sidebar that carried `kb` kilobytes in all, both ways.
 */
function estimate(calls, serverCalls, kb = 0) {
  let roundTrips = 0;
  let low = serverCalls * SERVER_CALL.lowMs + kb * SERVER_CALL.lowMsPerKb;
  let high = serverCalls * SERVER_CALL.highMs + kb * SERVER_CALL.highMsPerKb;
  const unknown = [];
  for (const [method, count] of Object.entries(calls)) {
    const cost = costOf(method);
    if (!COSTS.some(([pattern]) => pattern.test(method))) unknown.push(method);
    if (cost.kind === 'roundTrip') roundTrips += count;
    low += count * cost.lowMs;
    high += count * cost.highMs;
  }
  const seconds = (ms) => Math.round(ms / 100) / 10;
  return { roundTrips, estimate: { lowS: seconds(low), highS: seconds(high) }, unpriced: unknown };
}

module.exports = { COSTS, SOURCES, SERVER_CALL, costOf, estimate };
