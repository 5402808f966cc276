import { join } from 'node:path';
import { loadBundle } from '../src/local/bundle';
import { createRuntime, spreadsheetFromSheets } from '../src/local/index';
import type { ReportLinks } from '../src/server/report-doc';
import { ROOT } from './helpers/workbook';

// The roll-up report keeps its Doc and PDF across rebuilds, as the other reports do: its ids are written
// with the build (renderReport writes a Doc's id at once only when the body fails).
test('a second roll-up build rewrites the same Doc and the same PDF', () => {
  const { coordinatorSheets } = require('../scripts/rollup-samples.cjs');
  const runtime = createRuntime({
    spreadsheet: spreadsheetFromSheets(coordinatorSheets({ n: 12 }), 'coordinator@province.example'),
    projectDir: join(ROOT, 'dist'),
    pdf: () => Buffer.from('%PDF-1.4 local'),
  });
  const bundle = loadBundle(runtime, join(ROOT, 'dist', 'Code.js'));
  const first = bundle.call<ReportLinks>('apiBuildRollupReport');
  const second = bundle.call<ReportLinks>('apiBuildRollupReport');
  expect(first.pdfId).not.toBeNull();
  expect(second).toMatchObject({ docId: first.docId, pdfId: first.pdfId, reused: true });
  expect(runtime.documentProperties.get('ita.rollupDocId')).toBe(first.docId);
  expect(runtime.documents.size).toBe(1);
});
