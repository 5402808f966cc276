import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SelfCheckResult } from '../src/core/selfcheck';
import { loadBundle } from '../src/local/bundle';
import { createRuntime, spreadsheetFromSheets } from '../src/local/index';
import type { Runtime } from '../src/local/runtime/index';
import { ProtectionType } from '../src/local/runtime/spreadsheet';
import { ROOT, sampleSheets } from './helpers/workbook';

// The installation check ("ตรวจสอบการติดตั้ง") run by the real bundle against the local services.

/** The sample spreadsheet in a local runtime, the Cloud APIs `off` not enabled (a standard Cloud project). */
function sampleRuntime(off: ('docs' | 'drive')[] = []) {
  const runtime = createRuntime({
    spreadsheet: spreadsheetFromSheets(sampleSheets()),
    projectDir: join(ROOT, 'dist'),
    pdf: () => Buffer.from('%PDF-1.4\n%%EOF\n'),
    docsApi: !off.includes('docs'),
    driveApi: !off.includes('drive'),
  });
  return { runtime, bundle: loadBundle(runtime, join(ROOT, 'dist', 'Code.js')) };
}

/** Everything the check could leave behind: tabs, Drive files, Docs, properties, cached keys. */
function inventory(runtime: Runtime) {
  return {
    tabs: runtime.spreadsheet.getSheets().map((s) => s.getName()),
    files: [...runtime.driveFiles.keys()],
    docs: [...runtime.documents.keys()],
    properties: [...runtime.documentProperties.keys()],
    protections: runtime.spreadsheet.getProtections(ProtectionType.SHEET as never).length,
  };
}

const ALL_STEPS = ['sheet', 'protect', 'cache', 'properties', 'doc', 'image', 'docsApi', 'pdf', 'drive'];

describe('the installation check', () => {
  test('runs every step end to end and leaves nothing behind: tabs, files, Docs, properties as before', () => {
    const { runtime, bundle } = sampleRuntime();
    runtime.documentProperties.set('ita.reportDocId', 'kept');
    const before = inventory(runtime);
    const result = bundle.call<SelfCheckResult>('apiSelfCheck');
    expect(result.steps.map((s) => [s.id, s.ok, s.error])).toEqual(ALL_STEPS.map((id) => [id, true, null]));
    expect(result.ok).toBe(true);
    expect(inventory(runtime)).toEqual(before);
    expect(result.leftBehind).toEqual([]);
    // Each step timed in seconds; sharing named as left out.
    for (const step of result.steps) expect(step.seconds).toBeGreaterThanOrEqual(0);
    expect(result.notChecked.map((n) => n.en).join(' ')).toMatch(/Sharing .* not tried: Google e-mails/);
  });

  test('each timed call is the one Apps Script call its console.time label names', () => {
    const { runtime, bundle } = sampleRuntime();
    const result = bundle.call<SelfCheckResult>('apiSelfCheck');
    const timed = runtime.phases.filter((p) => result.timings.some((t) => `ita: ${t.method}` === p.label));
    expect(timed.map((p) => p.label)).toEqual(result.timings.map((t) => `ita: ${t.method}`));
    for (const phase of timed) expect(phase.calls).toEqual({ [phase.label.slice('ita: '.length)]: 1 });
    // The priced calls of a click are there: the Doc, its image's save, the Docs API, the PDF, the upload.
    expect(result.timings.map((t) => t.method)).toEqual(
      expect.arrayContaining([
        'DocumentApp.create',
        'Document.saveAndClose',
        'Docs.Documents.get',
        'Docs.Documents.batchUpdate',
        'DocumentApp.openById',
        'Document.getAs',
        'Drive.Files.create',
      ]),
    );
  });

  test('reads the width of an image set to 100 back through the Docs API and says whether it is pixels', () => {
    const { bundle } = sampleRuntime();
    const result = bundle.call<SelfCheckResult>('apiSelfCheck');
    // InlineImage.setWidth takes "the new width, in pixels"; the Docs API gives sizes in points (PT).
    expect(result.imageWidth).toEqual({ set: 100, read: 75, unit: 'PT', verdict: 'pixels' });
  });

  test('with the Docs API off, its step fails with the fix, and the rest still runs and is removed', () => {
    const { runtime, bundle } = sampleRuntime(['docs']);
    const before = inventory(runtime);
    const result = bundle.call<SelfCheckResult>('apiSelfCheck');
    const failed = result.steps.filter((s) => !s.ok);
    expect(failed.map((s) => s.id)).toEqual(['docsApi']);
    expect(failed[0].fix?.en).toMatch(/Enable the Google Docs API in the script's Google Cloud project/);
    expect(failed[0].fix?.th).toContain('Google Docs API');
    expect(result.imageWidth.verdict).toBe('unknown');
    expect(inventory(runtime)).toEqual(before);
  });

  test('with Drive off, the upload fails with the fix and the scratch Doc is listed as left behind', () => {
    const { runtime, bundle } = sampleRuntime(['drive']);
    const before = inventory(runtime);
    const result = bundle.call<SelfCheckResult>('apiSelfCheck');
    expect(result.steps.filter((s) => !s.ok).map((s) => s.id)).toEqual(['drive']);
    expect(result.steps.find((s) => s.id === 'drive')?.fix?.en).toMatch(/Enable the Google Drive API/);
    expect(result.leftBehind).toEqual([
      expect.objectContaining({
        what: 'Google Doc',
        url: expect.stringMatching(/^https:\/\/docs\.google\.com/),
      }),
    ]);
    // Only the Doc stays; no tab, property or other file.
    const after = inventory(runtime);
    expect(after.docs).toEqual([result.leftBehind[0].id]);
    expect({ ...after, docs: [], files: [] }).toEqual({ ...before, docs: [], files: [] });
  });

  test('the menu has the check, and its dialog shows the table and the JSON to copy, escaped', () => {
    const { runtime, bundle } = sampleRuntime();
    bundle.call('onOpen', { authMode: 'LIMITED' });
    expect(JSON.stringify(runtime.ui.menus)).toContain('ตรวจสอบการติดตั้ง');
    bundle.call('showSelfCheck');
    const html = runtime.ui.dialogs.map((d) => d.getContent()).join('');
    expect(html).toContain('✓ เขียนและอ่านแท็บชั่วคราว');
    expect(html).toContain('&quot;kind&quot;:&quot;ita-report selfcheck&quot;');
  });
});

describe('npm run bench -- --compare', () => {
  test("reads the check's JSON and prints each priced method's estimate beside its measurement", () => {
    const { bundle } = sampleRuntime();
    const result = bundle.call<SelfCheckResult>('apiSelfCheck');
    const file = join(mkdtempSync(join(tmpdir(), 'ita-selfcheck-')), 'selfcheck.json');
    writeFileSync(file, JSON.stringify(result, null, 2));
    const out = execFileSync(process.execPath, [join(ROOT, 'bench', 'run.cjs'), '--compare', file], {
      encoding: 'utf8',
    });
    const rows = out.split('\n').filter((line) => /^\| [A-Z]\w*\./.test(line));
    expect(rows.length).toBe(new Set(result.timings.map((t) => t.method)).size);
    const create = result.timings.find((t) => t.method === 'DocumentApp.create');
    expect(out).toContain(
      `| DocumentApp.create | roundTrip | 1000–4000 ms | ${create?.ms}–${create?.ms} ms (1) |`,
    );
  });

  test('reads pasted Executions-log lines as before, and their method lines beside the estimate', () => {
    const bench = require(join(ROOT, 'bench', 'run.cjs')) as {
      methodTimings: (text: string) => Map<string, number[]>;
      compareMethods: (m: Map<string, number[]>) => { method: string; within: boolean | null }[];
    };
    const log = [
      '12:00:01 Debug ita: DocumentApp.create: 2500 ms',
      '12:00:05 Debug ita: export the PDF: 3120 ms',
      '12:00:06 Debug ita: Drive.Files.create: 9000 ms',
    ].join('\n');
    expect(bench.compareMethods(bench.methodTimings(log))).toEqual([
      expect.objectContaining({ method: 'DocumentApp.create', within: true }),
      expect.objectContaining({ method: 'Drive.Files.create', within: false }),
    ]);
  });
});
