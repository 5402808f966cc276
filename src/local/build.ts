import { existsSync, mkdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AnalysisJson } from '../core/analysis/json';
import { decodeUserError, errorMessage } from '../core/errors';
import type { SharingPlan } from '../core/measures/sharing';
import { explainUnsavedFormulas } from '../core/workbook/limits';
import type { SharingResult } from '../server/sharing';
import { writeFilesAtomically } from './atomic';
import { loadBundle } from './bundle';
import { docToHtml } from './doc-html';
import { packageRoot } from './package-root';
import { warmChromiumPdfWriter } from './pdf';
import { createRuntime, type Runtime } from './runtime/index';
import { shareAll } from './share';
import { loadSpreadsheet, restoreProperties, spreadsheetToXlsx } from './workbook-io';

export { packageRoot };

export interface BuildOptions {
  workbook: string;
  out: string;
  /** dist/ of the add-on: Code.js and Sidebar.html. */
  distDir?: string;
  /** Also render the PDF (needs Chromium). */
  pdf?: boolean;
  /** Build despite data errors (the report says it is unconfirmed). */
  force?: boolean;
  /** Then run "share with divisions" as the sidebar's confirm with every box ticked. */
  share?: boolean;
  /** `plan` (default): the o25 report, measures written first; `results`: the results report, the tab only read. */
  report?: ReportKind;
  log?: (line: string) => void;
}

export interface BuildResult {
  runtime: Runtime;
  analysis: AnalysisJson;
  measures: { rows: number; summary: Record<string, number> } | null;
  report: {
    docId: string;
    pdfId: string | null;
    pdfError: string | null;
    /** What did not stop the build, and what to do (the tables' layout, the PDF). */
    warnings: { th: string; en: string }[];
    name: string;
    unconfirmed: boolean;
  } | null;
  files: string[];
  /** The message of a step that failed for a reason the user can act on. */
  error: { th: string; en: string } | null;
  /** What the sharing step planned and did (with --share). */
  sharing: { plan: SharingPlan; result: SharingResult } | null;
}

/** The error text the add-on gives the sidebar (JSON with th/en), or the plain message. */
export function userMessage(e: unknown): { th: string; en: string } {
  const { th, en } = decodeUserError(e);
  return { th, en };
}

export { errorMessage };

export type ReportKind = 'plan' | 'results';

/**
 * The files each kind of build writes into its folder; any of its own that a build does not write is
 * removed, and the other report's files are left alone (one folder may hold both reports).
 */
export const REPORT_FILES = {
  plan: { html: 'report.html', pdf: 'report.pdf' },
  results: { html: 'results.html', pdf: 'results.pdf' },
} as const;
export const OUTPUT_FILES = [
  'workbook.xlsx',
  ...Object.values(REPORT_FILES).flatMap((f) => [f.html, f.pdf]),
  'rollup.html',
  'rollup.pdf',
] as const;

/** Why `out` cannot take a build of `workbook` (a file, or a folder where the output would replace it), or null. */
export function outputProblem(workbook: string, out: string): { th: string; en: string } | null {
  if (existsSync(out) && !statSync(out).isDirectory()) {
    return { en: `--out ${out} is a file, not a folder`, th: `--out ${out} เป็นไฟล์ ไม่ใช่โฟลเดอร์` };
  }
  const input = existsSync(workbook) ? realpathSync(workbook) : resolve(workbook);
  const folder = existsSync(out) ? realpathSync(out) : resolve(out);
  for (const name of OUTPUT_FILES) {
    const target = join(folder, name);
    if (target === input || (existsSync(target) && realpathSync(target) === input)) {
      return {
        en: `--out ${out} would overwrite the input ${workbook} (${name}); choose another folder`,
        th: `--out ${out} จะเขียนทับไฟล์ที่อ่าน ${workbook} (${name}) โปรดเลือกโฟลเดอร์อื่น`,
      };
    }
  }
  return null;
}

/**
 * The one-click flow of the sidebar, run on an .xlsx workbook: the real bundle dist/Code.js in a vm context
 * whose globals are the local Apps Script services. Writes the workbook as the add-on left it, the report
 * as HTML and, with Chromium, as PDF.
 */
export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const problem = outputProblem(options.workbook, options.out);
  if (problem) throw new Error(problem.en);
  const dist = options.distDir ?? join(packageRoot(), 'dist');
  const { runtime, unsaved, closePdf } = await openRuntime(options, dist, log);
  try {
    return await buildOn(runtime, unsaved, options, dist, log);
  } finally {
    closePdf();
  }
}

type Unsaved = Awaited<ReturnType<typeof loadSpreadsheet>>['unsaved'];

async function buildOn(
  runtime: Runtime,
  unsaved: Unsaved,
  options: BuildOptions,
  dist: string,
  log: (line: string) => void,
): Promise<BuildResult> {
  const bundle = loadBundle(runtime, join(dist, 'Code.js'));
  bundle.call('onOpen', { authMode: 'LIMITED' });
  const result: BuildResult = {
    runtime,
    analysis: null as unknown as AnalysisJson,
    measures: null,
    report: null,
    files: [],
    error: null,
    sharing: null,
  };
  mkdirSync(options.out, { recursive: true });
  const kind = options.report ?? 'plan';
  let analysis: AnalysisJson | null = null;
  try {
    const force = { force: options.force ?? false };
    const { overview, ...report } =
      kind === 'plan'
        ? buildPlan(bundle, force, log, result)
        : bundle.call<Built>('apiBuildResultsReport', force);
    analysis = overview.analysis;
    result.report = report;
    log(`รายงาน: ${report.name}`);
    if (options.share) result.sharing = shareAll(bundle);
  } catch (e) {
    result.error = userMessage(e);
  }
  // The analysis the build answered with; when it stopped before, the analysis alone (a read of its own).
  const analyzed = analysis ?? bundle.call<AnalysisJson>('apiAnalyze');
  result.analysis = { ...analyzed, findings: explainUnsavedFormulas(unsaved, analyzed.findings) };
  const files = await outputFiles(runtime, result.report, kind);
  writeOutput(options.out, files, kind);
  result.files = files.map((f) => join(options.out, f.name));
  return result;
}

/**
 * The local runtime over the workbook file. The file's parsed form is let go once the runtime holds its
 * cells (it is the larger of the two: a build of 50,000 rows would otherwise hold both to the end).
 */
async function openRuntime(options: BuildOptions, dist: string, log: (line: string) => void) {
  // Chromium starts while the workbook is read and the report made.
  const pdf = warmChromiumPdfWriter(options.pdf !== false);
  try {
    const loaded = await loadSpreadsheet(resolve(options.workbook));
    for (const note of loaded.notes) log(note);
    const runtime = createRuntime({ spreadsheet: loaded.build, projectDir: dist, pdf: pdf.write });
    restoreProperties(runtime, loaded.state);
    return { runtime, unsaved: loaded.unsaved, closePdf: pdf.close };
  } catch (e) {
    pdf.close();
    throw e;
  }
}

/** What a report's build call answers: its links, and the sidebar's view after it (the analysis in it). */
type Built = NonNullable<BuildResult['report']> & { overview: { analysis: AnalysisJson | null } };

/**
 * The o25 report as the sidebar builds it, in its two calls: the tabs read and checked and the measures
 * tab written, then the report from the input tabs the first call kept and the measures tab read again
 * (every tab once, unless the kept tabs were too large for the cache). Data errors without `force` stop it
 * with the message the add-on gives.
 */
function buildPlan(
  bundle: ReturnType<typeof loadBundle>,
  force: { force: boolean },
  log: (line: string) => void,
  result: BuildResult,
): Built {
  const prepared = bundle.call<{
    measures: { rows: number; summary: Record<string, number> } | null;
    snapshot: string | null;
  }>('apiPrepareReport', force);
  // Not written: the data has errors. The measures step says so, in the add-on's words.
  const measures =
    prepared.measures ?? bundle.call<NonNullable<typeof prepared.measures>>('apiWriteMeasures', force);
  const s = measures.summary;
  log(
    `มาตรการ: ${measures.rows} แถว (เพิ่ม ${s.added}, ปรับ ${s.updated}, คงข้อความที่แก้ ${s.keptEdits} ช่อง, ไม่อยู่ในข้อเสนอ ${s.retired})`,
  );
  result.measures = measures;
  return bundle.call<Built>('apiBuildReport', { ...force, snapshot: prepared.snapshot });
}

async function outputFiles(runtime: Runtime, report: BuildResult['report'], kind: ReportKind) {
  const names = REPORT_FILES[kind];
  const files: { name: string; data: string | Buffer }[] = [
    { name: 'workbook.xlsx', data: await spreadsheetToXlsx(runtime) },
  ];
  const doc = report ? runtime.documents.get(report.docId) : undefined;
  if (doc) files.push({ name: names.html, data: docToHtml(doc) });
  const pdf = report?.pdfId ? runtime.driveFiles.get(report.pdfId)?.data : null;
  if (pdf) files.push({ name: names.pdf, data: pdf });
  return files;
}

/**
 * Puts this build's files in place, each whole, and removes the files of this kind of report that an
 * earlier build wrote and this one did not (the other report's stay).
 */
function writeOutput(out: string, files: { name: string; data: string | Buffer }[], kind: ReportKind): void {
  writeFilesAtomically(files.map((f) => ({ path: join(out, f.name), data: f.data })));
  for (const name of ['workbook.xlsx', REPORT_FILES[kind].html, REPORT_FILES[kind].pdf]) {
    if (!files.some((f) => f.name === name)) rmSync(join(out, name), { force: true });
  }
}
