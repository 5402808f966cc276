import { existsSync } from 'node:fs';
import { warmChromiumPdfWriter } from '../../src/local/pdf';
import { createRuntime } from '../../src/local/runtime/index';

// The CLI's builds start Chromium before they read the workbook, so that the PDF does not wait for it.
jest.setTimeout(60_000);

const exited = (warm: ReturnType<typeof warmChromiumPdfWriter>) =>
  new Promise<number | null>((resolve) => warm.worker?.on('exit', (code) => resolve(code)));

/** The folders the worker was given: its job's, and its home when it runs as nobody (null otherwise). */
const folders = (warm: ReturnType<typeof warmChromiumPdfWriter>): string[] => {
  const job = JSON.parse(warm.worker?.spawnargs.at(-1) ?? '{}') as { dir: string; home: string | null };
  return [job.dir, job.home].filter((f): f is string => typeof f === 'string');
};

/** The Doc as a PDF, once saved and closed (reopened, as a closed Doc must be). */
function asPdf(runtime: ReturnType<typeof createRuntime>, id: string): number[] {
  const { DocumentApp } = runtime.globals as { DocumentApp: GoogleAppsScript.Document.DocumentApp };
  return DocumentApp.openById(id).getAs('application/pdf').getBytes();
}

describe('a PDF writer whose Chromium is started ahead', () => {
  test('prints the first PDF, and its browser is gone after', async () => {
    const warm = warmChromiumPdfWriter();
    const gone = exited(warm);
    const runtime = createRuntime({ pdf: warm.write });
    const { DocumentApp } = runtime.globals as { DocumentApp: GoogleAppsScript.Document.DocumentApp };
    const doc = DocumentApp.create('ทดสอบ');
    doc.getBody().appendParagraph('รายงานผลการประเมิน');
    const id = doc.getId();
    doc.saveAndClose();
    const pdf = Buffer.from(asPdf(runtime, id));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The browser is gone after (its exit code is not the point: a warm print that failed is printed cold).
    await gone;
    expect(folders(warm).filter((f) => existsSync(f))).toEqual([]);
  });

  test('a second PDF is printed too (as a cold start)', () => {
    const warm = warmChromiumPdfWriter();
    const runtime = createRuntime({ pdf: warm.write });
    const { DocumentApp } = runtime.globals as { DocumentApp: GoogleAppsScript.Document.DocumentApp };
    const doc = DocumentApp.create('ทดสอบ');
    const id = doc.getId();
    doc.saveAndClose();
    const sizes = [1, 2].map(() => asPdf(runtime, id).length);
    expect(sizes.every((n) => n > 500)).toBe(true);
  });

  test('closed without a job, its browser stops', async () => {
    const warm = warmChromiumPdfWriter();
    const gone = exited(warm);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(folders(warm).every((f) => existsSync(f))).toBe(true);
    warm.close();
    expect(await gone).toBe(0);
    expect(folders(warm).filter((f) => existsSync(f))).toEqual([]);
  });
});
