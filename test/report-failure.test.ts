import { join } from 'node:path';
import { loadBundle } from '../src/local/bundle';
import { createRuntime, type RuntimeOptions } from '../src/local/runtime/index';
import { loadSpreadsheet, restoreProperties } from '../src/local/workbook-io';
import type { ReportLinks } from '../src/server/report-doc';
import { ROOT } from './helpers/workbook';

// A build that fails midway in Apps Script (a chart, the Docs API call) must leave the Doc tracked, no
// scratch tab, a message that says what was built, and a next build that rewrites the same Doc.
const DIST = join(ROOT, 'dist');

async function sample(options: RuntimeOptions = {}) {
  const loaded = await loadSpreadsheet(join(ROOT, 'samples', 'oie-2568.xlsx'));
  const runtime = createRuntime({ spreadsheet: loaded.build, projectDir: DIST, ...options });
  restoreProperties(runtime, loaded.state);
  const bundle = loadBundle(runtime, join(DIST, 'Code.js'));
  bundle.call('apiWriteMeasures');
  return { runtime, bundle };
}

describe('a build whose advanced service is off in the Cloud project still delivers what it can', () => {
  // "If you use a standard Cloud project, you must manually enable the API corresponding to the advanced
  // service" (developers.google.com/apps-script/guides/services/advanced): a published add-on's Docs or
  // Drive API may be off, and then answers "… has not been used in project N before or it is disabled".
  const pdf = () => Buffer.from('%PDF-1.4\n%%EOF\n');
  const tables = (runtime: Awaited<ReturnType<typeof sample>>['runtime'], docId: string) =>
    (runtime.documents.get(docId)?.body.children ?? []).filter((n) => n.type === 'TABLE');

  test('the Docs API off: the Doc and the PDF, without the tables laid out, and a warning naming the fix', async () => {
    const { runtime, bundle } = await sample({ docsApi: false, pdf });
    const links = bundle.call<ReportLinks>('apiBuildReport');
    expect(runtime.documents.has(links.docId)).toBe(true);
    expect(links.pdfId).toEqual(expect.any(String));
    expect(runtime.driveFiles.get(links.pdfId as string)?.data?.toString()).toContain('%PDF');
    expect(tables(runtime, links.docId).length).toBeGreaterThan(0);
    expect(tables(runtime, links.docId).every((t) => t.type === 'TABLE' && t.pinnedHeaderRows === 0)).toBe(
      true,
    );
    expect(links.warnings).toHaveLength(1);
    expect(links.warnings[0].en).toContain('has not been used in project');
    expect(links.warnings[0].en).toContain("Enable the Google Docs API in the script's Google Cloud project");
    expect(links.warnings[0].th).toContain('เปิดใช้ Google Docs API ในโปรเจกต์ Google Cloud');
  });

  test('the Drive API off: the Doc, no PDF, and the same fix named for Drive', async () => {
    const { runtime, bundle } = await sample({ driveApi: false, pdf });
    const links = bundle.call<ReportLinks>('apiBuildReport');
    expect(runtime.documents.has(links.docId)).toBe(true);
    expect(tables(runtime, links.docId).some((t) => t.type === 'TABLE' && t.pinnedHeaderRows === 1)).toBe(
      true,
    );
    expect(links.pdfId).toBeNull();
    expect(links.pdfError).toContain('Google Drive API has not been used in project');
    expect(links.warnings.map((w) => w.en)).toEqual([
      expect.stringContaining("Enable the Google Drive API in the script's Google Cloud project"),
    ]);
  });

  test('a Docs API call that fails for another reason: the Doc delivered, the message passed on, no fix invented', async () => {
    const { runtime, bundle } = await sample({ pdf });
    runtime.calls.failNext('Docs.Documents.batchUpdate', 'Service unavailable: Docs');
    const links = bundle.call<ReportLinks>('apiBuildReport');
    expect(links.pdfId).toEqual(expect.any(String));
    expect(links.warnings).toHaveLength(1);
    expect(links.warnings[0].en).toContain('Service unavailable: Docs');
    expect(links.warnings[0].en).not.toContain('Enable the');
  });
});

describe.each([['a chart', 'EmbeddedChart.getAs']])('a build that fails at %s', (_what, call) => {
  test('keeps the Doc tracked, leaves no scratch tab, says what was built, and the retry reuses the Doc', async () => {
    const { runtime, bundle } = await sample();
    runtime.calls.failNext(call, 'Service unavailable: Docs');
    expect(() => bundle.call('apiBuildReport')).toThrow(/report-incomplete/);
    const docId = runtime.documentProperties.get('ita.reportDocId');
    expect(docId).toEqual(expect.any(String));
    expect(runtime.documents.has(docId as string)).toBe(true);
    expect(runtime.spreadsheet.getSheets().map((s) => s.getName())).not.toContain('_ita_report_charts');
    const retry = bundle.call<{ docId: string; reused: boolean }>('apiBuildReport');
    expect(retry).toMatchObject({ docId, reused: true });
    expect(runtime.documents.size).toBe(1);
  });

  test('the message names the Doc and what to do, in Thai and English', async () => {
    const { runtime, bundle } = await sample();
    runtime.calls.failNext(call, 'Service unavailable: Docs');
    let thrown: unknown;
    try {
      bundle.call('apiBuildReport');
    } catch (e) {
      thrown = e;
    }
    const { th, en } = JSON.parse((thrown as Error).message);
    const docId = runtime.documentProperties.get('ita.reportDocId');
    expect(th).toContain(`https://docs.google.com/document/d/${docId}/edit`);
    expect(th).toContain('กดสร้างรายงานอีกครั้ง');
    expect(en).toContain('Service unavailable: Docs');
  });
});

test("each phase of a click is timed in the execution's log (console.time), for real Apps Script figures", async () => {
  const { runtime, bundle } = await sample();
  runtime.logs.length = 0;
  bundle.call('apiPrepareReport');
  bundle.call('apiBuildReport');
  expect(runtime.logs).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^ita: read and analyse: \d+ ms$/),
      expect.stringMatching(/^ita: write measures: \d+ ms$/),
      expect.stringMatching(/^ita: write the Doc and its PDF: \d+ ms$/),
      // The steps whose cost the bench can only estimate, each timed on its own.
      expect.stringMatching(/^ita: open or make the Doc: \d+ ms$/),
      expect.stringMatching(/^ita: save the Doc: \d+ ms$/),
      expect.stringMatching(/^ita: arrange the tables \(Docs API\): \d+ ms$/),
      expect.stringMatching(/^ita: export the PDF: \d+ ms$/),
    ]),
  );
});

test('a scratch chart tab left by an earlier run is replaced, not drawn over, and gone after the build', async () => {
  const { runtime, bundle } = await sample();
  // What a run cut off between drawing and deleting would leave: the tab, with a chart anchored where
  // the next run anchors its first one.
  const left = runtime.spreadsheet.insertSheet('_ita_report_charts');
  left.getRange('A1:B2').setValues([
    ['stale', 'x'],
    ['a', 1],
  ]);
  left.insertChart(left.newChart().addRange(left.getRange('A1:B2')).setPosition(1, 1, 0, 0).build());
  runtime.calls.reset();
  bundle.call('apiBuildReport');
  const calls = runtime.calls.snapshot();
  expect(calls['Spreadsheet.deleteSheet']).toBe(2);
  expect(calls['EmbeddedChart.getAs']).toBe(3);
  expect(runtime.spreadsheet.getSheets().map((s) => s.getName())).not.toContain('_ita_report_charts');
});
