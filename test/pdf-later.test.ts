import { join } from 'node:path';
import { loadBundle } from '../src/local/bundle';
import { createRuntime, spreadsheetFromSheets } from '../src/local/index';
import type { ReportLinks } from '../src/server/report-doc';
import { ROOT, sampleSheets } from './helpers/workbook';

// The Doc's link sooner: the build call answers once the Doc is written and closed; the PDF follows in a
// call of its own (apiSaveReportPdf), as the sidebar makes them.

type Overview = { lastReport: { pdfUrl: string | null; docUrl: string } | null };
type Built = ReportLinks & { overview: Overview };
type Pdf = { pdfId: string | null; pdfUrl: string | null; pdfError: string | null; warnings: unknown[] };

function sample(driveApi = true) {
  const runtime = createRuntime({
    spreadsheet: spreadsheetFromSheets(sampleSheets()),
    projectDir: join(ROOT, 'dist'),
    pdf: () => Buffer.from('%PDF-1.4\n%%EOF\n'),
    driveApi,
  });
  return { runtime, bundle: loadBundle(runtime, join(ROOT, 'dist', 'Code.js')) };
}

/** A click as the sidebar makes it, to the Doc's link; then its PDF call. */
function click(bundle: ReturnType<typeof sample>['bundle']): { built: Built; pdf: () => Pdf } {
  const prepared = bundle.call<{ snapshot: string | null }>('apiPrepareReport', {});
  const built = bundle.call<Built>('apiBuildReport', { snapshot: prepared.snapshot, pdfLater: true });
  return {
    built,
    pdf: () => bundle.call<Pdf>('apiSaveReportPdf', { kind: 'plan', docId: built.docId, pdfId: built.pdfId }),
  };
}

describe('the Doc link first, the PDF in a call of its own', () => {
  test('the build call answers with the Doc and no PDF yet; the PDF call makes it and the card links it', () => {
    const { runtime, bundle } = sample();
    const { built, pdf } = click(bundle);
    expect(built).toMatchObject({ pdfLater: true, pdfUrl: null, pdfError: null, pdfId: null });
    expect(runtime.documents.has(built.docId)).toBe(true);
    expect([...runtime.driveFiles.values()].filter((f) => f.mimeType === 'application/pdf')).toEqual([]);
    // The build is recorded with its Doc already: a reload shows the Doc's link.
    expect(built.overview.lastReport?.docUrl).toBe(built.docUrl);
    const made = pdf();
    expect(made.pdfError).toBeNull();
    expect(runtime.driveFiles.get(made.pdfId as string)?.mimeType).toBe('application/pdf');
    expect(runtime.documentProperties.get('ita.reportPdfId')).toBe(made.pdfId);
    const after = bundle.call<Overview>('apiOverview');
    expect(after.lastReport?.pdfUrl).toBe(made.pdfUrl);
  });

  test("a rebuild's PDF call rewrites the same PDF and writes no property", () => {
    const { runtime, bundle } = sample();
    const first = click(bundle);
    const pdfId = first.pdf().pdfId;
    const second = click(bundle);
    expect(second.built.pdfId).toBe(pdfId);
    runtime.calls.reset();
    expect(second.pdf().pdfId).toBe(pdfId);
    expect(runtime.calls.get('Properties.setProperties')).toBe(0);
    expect(runtime.calls.get('Lock.tryLock')).toBe(0);
  });

  test('a PDF that fails is said with its fix, and the card then links no PDF, until a build that works', () => {
    const { runtime, bundle } = sample(false);
    const { pdf } = click(bundle);
    const failed = pdf();
    expect(failed.pdfUrl).toBeNull();
    expect(failed.pdfError).toMatch(/Google Drive API has not been used/);
    expect(JSON.stringify(failed.warnings)).toMatch(/Google Drive API/);
    expect(bundle.call<Overview>('apiOverview').lastReport?.pdfUrl).toBeNull();
    expect(runtime.documentProperties.get('ita.reportPdfError')).toBe(failed.pdfError);
  });

  test('a request that names no report is refused', () => {
    const { bundle } = sample();
    expect(() => bundle.call('apiSaveReportPdf', { kind: 'other', docId: 'x' })).toThrow(/bad-request/);
    expect(() => bundle.call('apiSaveReportPdf', { kind: 'plan', docId: '../x' })).toThrow(/bad-request/);
  });
});
