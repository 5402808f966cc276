import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RollupJson } from '../core/rollup/json';
import type { ReportLinks } from '../server/report-doc';
import { writeFilesAtomically } from './atomic';
import { outputProblem, packageRoot, userMessage } from './build';
import { loadBundle } from './bundle';
import { docToHtml } from './doc-html';
import { warmChromiumPdfWriter } from './pdf';
import { createRuntime, type Runtime } from './runtime/index';
import { loadSpreadsheet, restoreProperties, spreadsheetToXlsx } from './workbook-io';

/** What `ita-report rollup --out DIR` writes. */
export const ROLLUP_FILES = ['workbook.xlsx', 'rollup.html', 'rollup.pdf'] as const;

export interface RollupOptions {
  workbook: string;
  out: string;
  distDir?: string;
  pdf?: boolean;
  force?: boolean;
  log?: (line: string) => void;
}

export interface RollupResult {
  runtime: Runtime;
  rollup: RollupJson;
  report: (ReportLinks & { overviewTab: string; agencies: number; rollup: RollupJson }) | null;
  files: string[];
  error: { th: string; en: string } | null;
  /** Milliseconds of each step: the .xlsx read, the two server calls, the .xlsx written, the files put in place. */
  timings: Record<string, number>;
}

/**
 * "สร้างรายงานภาพรวม" on an .xlsx coordinator's workbook, as the sidebar runs it: the real bundle dist/Code.js
 * in the local runtime writes the `ภาพรวมหน่วยงาน` tab, the roll-up Doc and its PDF; then the workbook as the
 * add-on left it, the Doc as HTML and the PDF are put in DIR, each whole.
 */
export async function runRollup(options: RollupOptions): Promise<RollupResult> {
  const problem = outputProblem(options.workbook, options.out);
  if (problem) throw new Error(problem.en);
  const dist = options.distDir ?? join(packageRoot(), 'dist');
  const timings: Record<string, number> = {};
  let clock = Date.now();
  const lap = (name: string) => {
    timings[name] = Date.now() - clock;
    clock = Date.now();
  };
  // Chromium starts while the workbook is read and the roll-up made.
  const pdf = warmChromiumPdfWriter(options.pdf !== false);
  try {
    return await rollupWith(options, dist, pdf.write, lap, timings);
  } finally {
    pdf.close();
  }
}

async function rollupWith(
  options: RollupOptions,
  dist: string,
  pdfWriter: ReturnType<typeof warmChromiumPdfWriter>['write'],
  lap: (name: string) => void,
  timings: Record<string, number>,
): Promise<RollupResult> {
  const loaded = await loadSpreadsheet(resolve(options.workbook));
  lap('read');
  for (const note of loaded.notes) options.log?.(note);
  const runtime = createRuntime({ spreadsheet: loaded.build, projectDir: dist, pdf: pdfWriter });
  restoreProperties(runtime, loaded.state);
  const bundle = loadBundle(runtime, join(dist, 'Code.js'));
  bundle.call('onOpen', { authMode: 'LIMITED' });
  mkdirSync(options.out, { recursive: true });
  let report: RollupResult['report'] = null;
  let error: RollupResult['error'] = null;
  try {
    // The build answers with the roll-up it made; only when it refuses is the roll-up asked for alone.
    report = bundle.call<NonNullable<RollupResult['report']>>('apiBuildRollupReport', {
      force: options.force ?? false,
    });
  } catch (e) {
    error = userMessage(e);
  }
  lap('apiBuildRollupReport');
  const rollup = report?.rollup ?? bundle.call<RollupJson>('apiRollup');
  const result: RollupResult = { runtime, rollup, report, files: [], error, timings };
  const files: { name: string; data: string | Buffer }[] = [
    { name: 'workbook.xlsx', data: await spreadsheetToXlsx(runtime) },
  ];
  const doc = result.report ? runtime.documents.get(result.report.docId) : undefined;
  if (doc) files.push({ name: 'rollup.html', data: docToHtml(doc) });
  const pdf = result.report?.pdfId ? runtime.driveFiles.get(result.report.pdfId)?.data : null;
  if (pdf) files.push({ name: 'rollup.pdf', data: pdf });
  lap('write');
  writeFilesAtomically(files.map((f) => ({ path: join(options.out, f.name), data: f.data })));
  for (const name of ROLLUP_FILES.slice(1))
    if (!files.some((f) => f.name === name)) rmSync(join(options.out, name), { force: true });
  result.files = files.map((f) => join(options.out, f.name));
  lap('rename');
  return result;
}
