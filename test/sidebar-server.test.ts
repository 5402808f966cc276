import { join } from 'node:path';
import { loadBundle } from '../src/local/bundle';
import { spreadsheetFromSheets } from '../src/local/index';
import { createRuntime } from '../src/local/runtime/index';
import { loadSpreadsheet, restoreProperties } from '../src/local/workbook-io';
import type { Overview } from '../src/server/overview';
import { ROOT, sampleSheets } from './helpers/workbook';

const SAMPLE = join(ROOT, 'samples', 'oie-2568.xlsx');
const DIST = join(ROOT, 'dist');

async function sampleRuntime() {
  const loaded = await loadSpreadsheet(SAMPLE);
  const runtime = createRuntime({
    spreadsheet: loaded.build,
    projectDir: DIST,
    user: 'officer@agency.example',
  });
  restoreProperties(runtime, loaded.state);
  return { runtime, bundle: loadBundle(runtime, join(DIST, 'Code.js')) };
}

describe('what the sidebar reads from the server: apiOverview', () => {
  test('before any build: the analysis, the checklist with the measures still to write, no last report', async () => {
    const { bundle } = await sampleRuntime();
    const o = bundle.call<Overview>('apiOverview');
    expect(o.ready).toBe(true);
    expect(o.analysis?.scores['2568'].total).toBe(96.06);
    expect(o.lastReport).toBeNull();
    expect(Object.fromEntries(o.readiness.map((c) => [c.id, c.state]))).toEqual({
      errors: 'ok',
      years: 'ok',
      indicators: 'ok',
      measures: 'todo',
      approval: 'ok',
      emails: 'ok',
    });
    expect(o.labels.indicators['1'].th).toBe('การปฏิบัติหน้าที่');
    expect(o.labels.items.e7).toBeTruthy();
    expect(o.thaiDigits).toBe(true);
  });

  test('after a build the last report is remembered: when, by whom, the links; a changed score is noticed', async () => {
    const { runtime, bundle } = await sampleRuntime();
    bundle.call('apiWriteMeasures');
    const links = bundle.call<{ docUrl: string; pdfUrl: string | null }>('apiBuildReport');
    const before = bundle.call<Overview>('apiOverview');
    expect(before.lastReport).toMatchObject({
      by: 'officer@agency.example',
      docUrl: links.docUrl,
      pdfUrl: links.pdfUrl,
      unconfirmed: false,
      inputsChanged: false,
      measuresChanged: false,
      shared: null,
    });
    expect(Number.isNaN(Date.parse(before.lastReport?.at ?? ''))).toBe(false);
    expect(before.readiness.find((c) => c.id === 'measures')?.state).toBe('ok');
    runtime.spreadsheet.getSheetByName('คะแนนรวม')?.getRange('B3').setValue(90);
    const after = bundle.call<Overview>('apiOverview');
    expect(after.lastReport?.inputsChanged).toBe(true);
    expect(after.lastReport?.measuresChanged).toBe(false);
  });

  test('each report says what changed since it was built: the tab, and the column or setting', async () => {
    const { runtime, bundle } = await sampleRuntime();
    bundle.call('apiWriteMeasures');
    bundle.call('apiBuildReport');
    bundle.call('apiBuildResultsReport');
    const settings = runtime.spreadsheet.getSheetByName('ตั้งค่า');
    // A setting only the results report prints: the o25 report stays current, the results report does not.
    settings?.appendRow(['วันที่รายงานผล', '31 มีนาคม 2569']);
    const dated = bundle.call<Overview>('apiOverview');
    expect(dated.lastReport).toMatchObject({ inputsChanged: false, measuresChanged: false, changes: [] });
    expect(dated.lastResults?.measuresChanged).toBe(true);
    expect(dated.lastResults?.changes).toEqual([{ tab: 'ตั้งค่า', parts: ['วันที่รายงานผล'] }]);

    // An item score: the o25 report names the tab and the year's column; the results report does not print it.
    const items = runtime.spreadsheet.getSheetByName('รายข้อ');
    const header = items?.getRange(1, 1, 1, items.getLastColumn()).getValues()[0] ?? [];
    const column = header.findIndex((h) => String(h).includes('2568')) + 1;
    expect(column).toBeGreaterThan(0);
    items?.getRange(5, column).setValue(12.5);
    const scored = bundle.call<Overview>('apiOverview');
    expect(scored.lastReport?.inputsChanged).toBe(true);
    expect(scored.lastReport?.changes).toEqual([{ tab: 'รายข้อ', parts: [String(header[column - 1])] }]);
    expect(scored.lastResults?.changes).toEqual([{ tab: 'ตั้งค่า', parts: ['วันที่รายงานผล'] }]);

    // A division's progress (a follow-up column): the results report changed, the o25 plan did not.
    const measures = runtime.spreadsheet.getSheetByName('มาตรการ');
    const mHeader = measures?.getRange(1, 1, 1, measures.getLastColumn()).getValues()[0] ?? [];
    measures?.getRange(2, mHeader.indexOf('สถานะ') + 1).setValue('เสร็จสิ้น');
    const progressed = bundle.call<Overview>('apiOverview');
    expect(progressed.lastReport?.measuresChanged).toBe(false);
    expect(progressed.lastResults?.changes).toContainEqual({ tab: 'มาตรการ', parts: ['สถานะ'] });
  });

  test('a report built from totals alone is remembered as a draft, and the checklist says what is missing', () => {
    const sheets = sampleSheets().filter((s) => s.name !== 'ตัวชี้วัด' && s.name !== 'รายข้อ');
    const runtime = createRuntime({ spreadsheet: spreadsheetFromSheets(sheets), projectDir: DIST });
    const bundle = loadBundle(runtime, join(DIST, 'Code.js'));
    bundle.call('apiWriteMeasures');
    expect(bundle.call<{ draft: boolean }>('apiBuildReport').draft).toBe(true);
    const o = bundle.call<Overview>('apiOverview');
    expect(o.lastReport?.draft).toBe(true);
    expect(o.readiness.find((c) => c.id === 'indicators')).toMatchObject({ state: 'fail', count: 10 });
  });

  test('an approver not named fails the approval line, pointing at its settings cell', () => {
    const sheets = sampleSheets();
    const settings = sheets.find((s) => s.name === 'ตั้งค่า');
    const at = settings?.values.findIndex((r) => r[0] === 'ผู้อนุมัติ') ?? -1;
    if (!settings || at < 0) throw new Error('the sample names an approver');
    settings.values[at][1] = '';
    const runtime = createRuntime({ spreadsheet: spreadsheetFromSheets(sheets), projectDir: DIST });
    const o = loadBundle(runtime, join(DIST, 'Code.js')).call<Overview>('apiOverview');
    expect(o.readiness.find((c) => c.id === 'approval')).toMatchObject({
      state: 'fail',
      missing: ['ผู้อนุมัติ'],
      where: `ตั้งค่า!B${at + 1}`, // the row the sample has it on
    });
  });

  test('a measure row without its owner is named with its cell', async () => {
    const { runtime, bundle } = await sampleRuntime();
    bundle.call('apiWriteMeasures');
    const sheet = runtime.spreadsheet.getSheetByName('มาตรการ');
    const header = sheet?.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
    const owner = header.indexOf('ผู้รับผิดชอบ') + 1;
    sheet?.getRange(3, owner).setValue('');
    const check = bundle.call<Overview>('apiOverview').readiness.find((c) => c.id === 'measures');
    expect(check).toMatchObject({ state: 'fail', count: 1 });
    expect(check?.where).toMatch(/^มาตรการ!G3$/);
  });

  test('whom the report was shared with is remembered', async () => {
    const { bundle } = await sampleRuntime();
    bundle.call('apiWriteMeasures');
    bundle.call('apiBuildReport');
    bundle.call('apiApplySharing', { protect: true, shareReport: true });
    const shared = bundle.call<Overview>('apiOverview').lastReport?.shared;
    expect(shared?.by).toBe('officer@agency.example');
    expect(new Set(shared?.emails)).toEqual(
      // the address without a Google account gets the Doc (Document.addViewers), not the PDF
      new Set([
        'sl.head@oie.example',
        'sl.staff@oie.example',
        'ss.head@oie.example',
        'ss.assistant@no-google.example',
        'psd@oie.example',
      ]),
    );
    // Per file: the Doc went to all five; this runtime has no PDF writer, so there is no PDF to share
    // (test/ui/share.test.ts counts the PDF's refusal).
    expect(shared?.files).toEqual({ doc: { shared: 5, refused: 0 }, pdf: { shared: 0, refused: 0 } });
  });

  test('the language choice is kept in the user properties; an unknown one is refused', async () => {
    const { runtime, bundle } = await sampleRuntime();
    expect(bundle.call<Overview>('apiOverview').lang).toBeNull();
    bundle.call('apiSetLanguage', 'en');
    expect(bundle.call<Overview>('apiOverview').lang).toBe('en');
    expect(runtime.userProperties.get('ita.language')).toBe('en');
    expect(() => bundle.call('apiSetLanguage', 'fr')).toThrow(/bad-language/);
  });

  test('a new spreadsheet is not ready, and creating the template lands on the settings tab', () => {
    const runtime = createRuntime({ projectDir: DIST });
    runtime.spreadsheet.insertSheet('Sheet1');
    const bundle = loadBundle(runtime, join(DIST, 'Code.js'));
    const o = bundle.call<Overview>('apiOverview');
    expect(o).toMatchObject({ ready: false, analysis: null, readiness: [] });
    bundle.call('apiCreateTemplate', false);
    const active = runtime.spreadsheet._state.activeRange;
    expect(active?._sheet._name).toBe('ตั้งค่า');
    expect([active?._row, active?._col]).toEqual([2, 2]);
  });
});
