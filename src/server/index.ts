import sample from '../../samples/oie-2568.json';
import { type Analysis, analyze, totalsOnlyYear } from '../core/analysis/analyze';
import { type AnalysisJson, analysisJson } from '../core/analysis/json';
import { errorFindings, errorLines } from '../core/findings';
import { followUpOf } from '../core/measures/follow-up';
import {
  type Advice,
  REFUSAL_ADVICE,
  type RefusalReason,
  type SharingPlan,
  UNREACHABLE_ADVICE,
} from '../core/measures/sharing';
import {
  measureChecksOf,
  measuresTabOf,
  type ProgressSummary,
  progressSummary,
  readMeasureRows,
} from '../core/measures/tab';
import { type ChartToDraw, chartsToDraw, type DrawnChart, drawnChartsOf } from '../core/report/drawn-charts';
import { buildReport, type ReportModel } from '../core/report/model';
import { buildResultsReport } from '../core/report/results-report';
import { analyzeRollup, type Rollup } from '../core/rollup/analyze';
import { type RollupJson, rollupJson } from '../core/rollup/json';
import { buildRollupReport, overviewRows } from '../core/rollup/report';
import type { SelfCheckResult } from '../core/selfcheck';
import { summaryText } from '../core/summary';
import type { SheetData } from '../core/workbook/reader';
import { findTab } from '../core/workbook/reader';
import { matchesAlias, TABS } from '../core/workbook/schema';
import { templateTabs } from '../core/workbook/template';
import { chartFont } from './chart-font';
import { DocumentProps } from './document-props';
import { phase, UserError, withDocumentLock } from './errors';
import {
  type Language,
  recordReport,
  recordResults,
  recordShare,
  requireRecordFits,
  saveLanguage,
  user,
} from './last-report';
import { type MeasuresResult, writeMeasures } from './measures';
import { type Overview, overview } from './overview';
import {
  type PdfResult,
  type ReportKind,
  type ReportLinks,
  type ReportStyle,
  renderReport,
  reportIdEntries,
  saveReportPdf,
} from './report-doc';
import {
  AGENCY_REFUSAL_ADVICE,
  type AgencySharingPlan,
  agencySharingPlan,
  type RollupOverview,
  requireRollup,
  requireWithinShareLimit,
  rollupOverview,
  writeFollowUpTab,
  writeOverviewTab,
} from './rollup';
import { selfCheck, selfCheckDialog } from './selfcheck';
import { applySharing, type SharingResult, sharingPlan } from './sharing';
import { findSheet, type OpenWorkbook, openWorkbook, readAllTabs } from './sheets';
import { keepTabs, takeTabs } from './snapshot';

const MENU = {
  open: 'เปิดแถบ ita-report',
  analyse: 'ตรวจและวิเคราะห์ผล ITA',
  selfCheck: 'ตรวจสอบการติดตั้ง',
};

/** Runs in AuthMode.FULL when the add-on is installed: the same menu as onOpen. */
export function onInstall(e: GoogleAppsScript.Events.SheetsOnOpen): void {
  onOpen(e);
}

/** Builds the add-on menu only: in AuthMode.NONE nothing else may run. */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(MENU.open, 'showSidebar')
    .addItem(MENU.analyse, 'showAnalysis')
    .addItem(MENU.selfCheck, 'showSelfCheck')
    .addToUi();
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('ita-report');
  SpreadsheetApp.getUi().showSidebar(html);
}

/**
 * The guide (docs/guide-th.md, its pictures inline: dist/Guide.html) in a dialog over the spreadsheet: an
 * officer cannot open a file of the repository, and the sidebar is too narrow to read it in.
 */
export function apiShowGuide(): boolean {
  const html = HtmlService.createHtmlOutputFromFile('Guide').setWidth(760).setHeight(600);
  SpreadsheetApp.getUi().showModalDialog(html, 'คู่มือการใช้งาน ita-report');
  return true;
}

/** The open spreadsheet, its tabs of the workbook format read (one getSheets, one getValues a tab), analysed. */
function analyseOpenSpreadsheet(): { workbook: OpenWorkbook; sheets: SheetData[]; analysis: Analysis } {
  const workbook = openWorkbook();
  const sheets = readAllTabs(workbook.tabs);
  return { workbook, sheets, analysis: analyze(sheets) };
}

/**
 * The open spreadsheet analysed from the input tabs the click's first call kept and the measures tab read
 * now (the first call wrote it); every tab read again when they are not in the cache.
 */
function analyseWithSnapshot(token: string | null | undefined): ReturnType<typeof analyseOpenSpreadsheet> {
  const inputs = token ? takeTabs(token) : null;
  if (!inputs) return analyseOpenSpreadsheet();
  const workbook = openWorkbook();
  const sheets = [...inputs, ...readAllTabs(workbook.tabs, [TABS.measures])];
  return { workbook, sheets, analysis: analyze(sheets) };
}

function requireAnalysable(analysis: Analysis): void {
  if (analysis.ok) return;
  const first = analysis.findings.find((f) => f.severity === 'error');
  throw new UserError(
    'not-analysable',
    `วิเคราะห์ไม่ได้: ${first?.message ?? 'ไม่มีแท็บตั้งค่าหรือคะแนน'}`,
    `Cannot analyse: ${first?.message_en ?? 'no settings or score tabs'}`,
  );
}

/**
 * A year read for its total alone (the old assessment, before the first framework with indicators) gets no
 * o25 report: its sections would be dashes under another year's item numbers. `force` builds it anyway.
 */
function requireIndicators(analysis: Analysis, options: BuildOptions | undefined): void {
  const cur = analysis.current;
  if (!cur || options?.force) return;
  const only = totalsOnlyYear(cur.year, cur.framework, analysis.frameworks);
  if (only) throw new UserError('totals-only-year', only.th, only.en);
}

/** Both reports' font and size, from the settings. */
function reportStyle(analysis: Analysis): ReportStyle {
  const settings = analysis.workbook.settings;
  return { font: settings?.font ?? 'Sarabun', size: settings?.fontSize ?? 12 };
}

/** What the sidebar (or the CLI) says when the user has chosen to build despite data errors. */
export interface BuildOptions {
  force?: boolean;
  /** The token of the input tabs the click's first call kept (apiPrepareReport), so as not to read them again. */
  snapshot?: string | null;
  /** The report's charts as the sidebar drew them from the first call's specs (the rest Sheets draws). */
  charts?: DrawnChart[];
  /** The sidebar has no chart font yet: the first call sends it (once a page, not once a click). */
  withFont?: boolean;
  /** The sidebar asks for the PDF in a call of its own (apiSaveReportPdf), to show the Doc's link first. */
  pdfLater?: boolean;
}

/**
 * Data errors stop a build: a wrong report is worse than none. The user may go on (`force`), and the
 * report then says it is unconfirmed.
 */
function requireNoErrors(analysis: Analysis, options: BuildOptions | undefined): void {
  const errors = errorFindings(analysis.findings);
  if (errors.length === 0 || options?.force) return;
  throw new UserError(
    'data-errors',
    `ข้อมูลมีข้อผิดพลาด ${errors.length} รายการ จึงยังไม่สร้าง: ${errorLines(errors, 'th').join('; ')}`,
    `The data has ${errors.length} error(s), so nothing was built: ${errorLines(errors, 'en').join('; ')}`,
  );
}

/** The analysis of the open spreadsheet, as `ita-report analyze --json` prints it. */
export function apiAnalyze(): AnalysisJson {
  return analysisJson(analyseOpenSpreadsheet().analysis);
}

export function showAnalysis(): void {
  const { analysis } = analyseOpenSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  const text = summaryText(analysisJson(analysis), analysis.workbook.settings?.thaiDigits ?? true);
  ui.alert(MENU.analyse, text, ui.ButtonSet.OK);
}

/**
 * The installation check: every capability a click uses, tried on scratch objects that it removes, each call
 * timed; nothing of the workbook is read or written. Sharing is left out (it would e-mail someone).
 */
export function apiSelfCheck(): SelfCheckResult {
  return selfCheck();
}

/** The installation check from the menu: its table and its JSON (to copy) in a dialog. */
export function showSelfCheck(): void {
  SpreadsheetApp.getUi().showModalDialog(selfCheckDialog(selfCheck()), MENU.selfCheck);
}

/** Writes or refreshes the `มาตรการ` tab, keeping every cell a person edited. */
export function apiWriteMeasures(options?: BuildOptions): MeasuresResult {
  return withDocumentLock(() => {
    const { workbook, sheets, analysis } = analyseOpenSpreadsheet();
    requireAnalysable(analysis);
    requireNoErrors(analysis, options);
    requireIndicators(analysis, options);
    return writeMeasures(workbook, analysis, sheets, new DocumentProps());
  });
}

/** What the first of a click's two server calls answers. */
export interface Prepared extends HandedOver {
  overview: Overview;
  /** null when the data has errors and the user has not said to go on: nothing was written. */
  measures: MeasuresResult | null;
}

/** What a click's first call hands the sidebar for its second (either report's). */
export interface HandedOver {
  /** For the second call: the input tabs this call read, kept in the document cache (null: not kept). */
  snapshot: string | null;
  /** The report's charts, for the sidebar to draw and hand to the second call. */
  charts: ChartToDraw[];
  /** The font to draw them in (base64 TTF), when asked for (`withFont`). */
  font: string | null;
}

/** The input tabs kept for the second call, the charts of the report `model` gives, and the font if asked. */
function handOver(
  sheets: SheetData[],
  model: () => ReportModel,
  options: BuildOptions | undefined,
): HandedOver {
  const charts = phase('ita: the charts to draw', () => chartsToDraw(model()));
  const inputs = sheets.filter((s) => !matchesAlias(s.name, TABS.measures));
  const font = options?.withFont ? chartFont() : null;
  return { snapshot: keepTabs(inputs), charts, font };
}

/**
 * The first of the sidebar's two server calls for one click: the tabs read once, checked, and the
 * measures tab written, unless the data has errors and the user has not said to go on (then the sidebar
 * asks, from the overview it gets back).
 */
export function apiPrepareReport(options?: BuildOptions): Prepared {
  return withDocumentLock(() => {
    const { workbook, sheets, analysis } = phase('ita: read and analyse', analyseOpenSpreadsheet);
    requireAnalysable(analysis);
    requireIndicators(analysis, options);
    const props = new DocumentProps();
    const view = overview(hasInputTabs(sheets), sheets, analysis, false, props);
    const unconfirmed = errorFindings(analysis.findings).length > 0;
    if (unconfirmed && !options?.force)
      return { overview: view, measures: null, snapshot: null, charts: [], font: null };
    const measures = phase('ita: write measures', () => writeMeasures(workbook, analysis, sheets, props));
    // The charts come from the scores alone: the report's measures do not change them.
    const model = () => buildReport({ analysis, measures: [], today: new Date(), unconfirmed });
    return { overview: view, measures, ...handOver(sheets, model, options) };
  });
}

/**
 * Builds the report Doc and its PDF from the analysis and the measures tab as the divisions left it (the
 * second server call of a click), and answers with the sidebar's overview as it stands after the build.
 */
export function apiBuildReport(options?: BuildOptions): ReportLinks & { overview: Overview } {
  return withDocumentLock(() => {
    const { workbook, sheets, analysis } = phase('ita: read the measures tab, analyse', () =>
      analyseWithSnapshot(options?.snapshot),
    );
    requireAnalysable(analysis);
    requireNoErrors(analysis, options);
    requireIndicators(analysis, options);
    const measures = readMeasureRows(measuresTabOf(sheets)?.values ?? [], [], measureChecksOf(analysis));
    const unconfirmed = errorFindings(analysis.findings).length > 0;
    const model = phase('ita: the report model', () =>
      buildReport({ analysis, measures, today: new Date(), unconfirmed }),
    );
    requireRecordFits(model.name, sheets, 'plan');
    const props = new DocumentProps();
    const by = user();
    const links = phase('ita: write the Doc and its PDF', () =>
      renderReport(
        workbook,
        model,
        reportStyle(analysis),
        'plan',
        props,
        drawnChartsOf(options?.charts),
        options?.pdfLater === true,
      ),
    );
    recordReport(links, sheets, new Date(), by, props);
    return { ...links, overview: overview(hasInputTabs(sheets), sheets, analysis, false, props) };
  });
}

/**
 * The results report's model (the follow-up item after o25): what each measure of the plan achieved, from
 * what the divisions recorded in the measures tab, which it only reads; none without measures.
 */
function resultsModel(sheets: SheetData[], analysis: Analysis): ReportModel {
  const tab = measuresTabOf(sheets)?.values ?? [];
  const settings = analysis.workbook.settings;
  const planYear = (analysis.current?.year ?? 0) + 1;
  const follow = followUpOf(tab, settings, planYear, new Date(), measureChecksOf(analysis));
  if (follow.items.length === 0) {
    throw new UserError(
      'no-measures',
      'ยังไม่มีมาตรการในแท็บมาตรการ จึงยังรายงานผลการดำเนินการไม่ได้ กดสร้างรายงาน (o25) ก่อนเพื่อเขียนแท็บมาตรการ',
      'The measures tab has no measures yet, so there are no results to report: build the o25 report first, which writes the tab',
    );
  }
  return buildResultsReport({
    analysis,
    measures: follow.rows,
    today: new Date(),
    unconfirmed: errorFindings(analysis.findings).length > 0,
    followUp: follow.items,
    rounds: follow.rounds,
    asOf: follow.asOf,
  });
}

/**
 * The first of the sidebar's two server calls for the results report: the tabs read once and checked,
 * nothing written, and the report's chart handed to the sidebar to draw, as for the o25 report. It reads
 * under the document lock all the same, so as not to read a measures tab another build is writing.
 */
export function apiPrepareResultsReport(options?: BuildOptions): HandedOver {
  return withDocumentLock(() => {
    const { sheets, analysis } = phase('ita: read and analyse', analyseOpenSpreadsheet);
    requireAnalysable(analysis);
    requireNoErrors(analysis, options);
    return handOver(sheets, () => resultsModel(sheets, analysis), options);
  });
}

/**
 * The results report Doc and its PDF, from the measures tab as it stands (read now) and the input tabs the
 * first call kept; every tab read when there is no token (the CLI, or a cache that dropped them). A rebuild
 * rewrites the same Doc and PDF.
 */
export function apiBuildResultsReport(options?: BuildOptions): ReportLinks & { overview: Overview } {
  return withDocumentLock(() => {
    const { workbook, sheets, analysis } = phase('ita: read the measures tab, analyse', () =>
      analyseWithSnapshot(options?.snapshot),
    );
    requireAnalysable(analysis);
    requireNoErrors(analysis, options);
    const model = phase('ita: the report model', () => resultsModel(sheets, analysis));
    requireRecordFits('', sheets, 'results');
    const props = new DocumentProps();
    const by = user();
    const links = phase('ita: write the results Doc and its PDF', () =>
      renderReport(
        workbook,
        model,
        reportStyle(analysis),
        'results',
        props,
        drawnChartsOf(options?.charts),
        options?.pdfLater === true,
      ),
    );
    recordResults(links, sheets, new Date(), by, props);
    return { ...links, overview: overview(hasInputTabs(sheets), sheets, analysis, false, props) };
  });
}

/** The roll-up of a coordinator's workbook (the settings and the `ผลหน่วยงาน` tab), one getValues a tab. */
function rollupOfOpenSpreadsheet(): { workbook: OpenWorkbook; sheets: SheetData[]; rollup: Rollup } {
  const workbook = openWorkbook();
  const sheets = readAllTabs(workbook.tabs);
  return { workbook, sheets, rollup: analyzeRollup(sheets) };
}

/** The roll-up as `ita-report rollup --json` prints it. */
export function apiRollup(): RollupJson {
  return rollupJson(rollupOfOpenSpreadsheet().rollup);
}

/** The roll-up report's model, its figures from the agencies tab alone. */
function rollupModel(rollup: Rollup, force: boolean): ReportModel {
  return buildRollupReport({
    rollup,
    today: new Date(),
    unconfirmed: force && errorFindings(rollup.findings).length > 0,
  });
}

/** The first call of "สร้างรายงานภาพรวม": the tab read and checked, nothing written, the charts to draw. */
export function apiPrepareRollupReport(options?: BuildOptions): HandedOver {
  return withDocumentLock(() => {
    const { sheets, rollup } = phase('ita: read and roll up', rollupOfOpenSpreadsheet);
    requireRollup(rollup, options?.force ?? false);
    return handOver(sheets, () => rollupModel(rollup, true), options);
  });
}

/**
 * The roll-up report: every agency written to the `ภาพรวมหน่วยงาน` tab (one setValues), then the Doc and its
 * PDF, which stay within 40 pages whatever the number of agencies and point to that tab.
 */
export function apiBuildRollupReport(
  options?: BuildOptions,
): ReportLinks & { overviewTab: string; agencies: number } {
  return withDocumentLock(() => {
    const inputs = options?.snapshot ? takeTabs(options.snapshot) : null;
    const workbook = openWorkbook();
    const sheets = inputs ?? readAllTabs(workbook.tabs);
    const rollup = phase('ita: roll up', () => analyzeRollup(sheets));
    requireRollup(rollup, options?.force ?? false);
    const tab = phase('ita: write the overview tab', () => writeOverviewTab(workbook, overviewRows(rollup)));
    const model = phase('ita: the roll-up model', () => rollupModel(rollup, options?.force ?? false));
    const settings = rollup.settings;
    const style = { font: settings?.font ?? 'Sarabun', size: settings?.fontSize ?? 12 };
    const props = new DocumentProps();
    const links = phase('ita: write the Doc and its PDF', () =>
      renderReport(workbook, model, style, 'rollup', props, drawnChartsOf(options?.charts)),
    );
    // The Doc's and the PDF's ids, so that a rebuild rewrites the same files (renderReport leaves that
    // write to the build's record, which the roll-up has none of).
    props.set(reportIdEntries('rollup', links));
    return { ...links, overviewTab: tab.sheetName, agencies: tab.rows, rollup: rollupJson(rollup) };
  });
}

/** The roll-up cards' view: the roll-up (its findings included) and who has answered in the follow-up tab. */
export function apiRollupOverview(): RollupOverview {
  const { workbook, sheets } = rollupOfOpenSpreadsheet();
  return rollupOverview(workbook, sheets);
}

/** Writes the `ติดตามหน่วยงาน` tab: a row per agency needing attention, what agencies filled kept. */
export function apiWriteAgencyFollowUp(options?: BuildOptions): { sheetName: string; rows: number } {
  return withDocumentLock(() => {
    const { workbook, rollup } = rollupOfOpenSpreadsheet();
    requireRollup(rollup, options?.force ?? false);
    return writeFollowUpTab(workbook, rollup);
  });
}

/** What the sidebar asks a share to do; the boxes it may leave out are off. */
interface ShareOptions {
  protect: boolean;
  shareSpreadsheet?: boolean;
  shareReport: boolean;
  notify?: boolean;
}

/**
 * One share, divisions' or agencies', carried out by the same code and recorded for the last-report card,
 * with what to do about each refusal (`refusals`: the advice naming the tab the addresses come from).
 */
function shareAndRecord(
  workbook: OpenWorkbook,
  plan: Parameters<typeof applySharing>[1],
  options: ShareOptions,
  props: DocumentProps,
  refusals: Record<RefusalReason, Advice>,
): SharedResult {
  const result = applySharing(
    workbook,
    plan,
    {
      protect: options.protect,
      shareSpreadsheet: options.shareSpreadsheet ?? false,
      shareReport: options.shareReport,
      notify: options.notify ?? false,
    },
    props,
  );
  recordShare(result, new Date(), props);
  return {
    ...result,
    advice: {
      refused: result.refused.map((r) => refusals[r.reason]),
      unreachable: result.unreachable.map((u) => u.fix ?? UNREACHABLE_ADVICE[u.what]),
    },
  };
}

/** What sharing the follow-up rows with the agencies would do, before anything happens. */
export function apiAgencySharingPlan(): AgencySharingPlan {
  const { workbook, sheets, rollup } = rollupOfOpenSpreadsheet();
  requireRollup(rollup, true);
  return agencySharingPlan(workbook, rollup, sheets, new DocumentProps());
}

/**
 * Protects each follow-up row for its agency's e-mails and, if asked, makes those agencies editors of the
 * spreadsheet and viewers of the roll-up report: the divisions' sharing (applySharing) with the agencies in
 * their place. Refused whole when the spreadsheet would hold more addresses than Google allows a file.
 */
export function apiApplyAgencySharing(options: ShareOptions): SharedResult {
  return withDocumentLock(() => {
    const { workbook, sheets, rollup } = rollupOfOpenSpreadsheet();
    requireRollup(rollup, true);
    const props = new DocumentProps();
    const plan = agencySharingPlan(workbook, rollup, sheets, props);
    requireWithinShareLimit(plan);
    return shareAndRecord(workbook, plan, options, props, AGENCY_REFUSAL_ADVICE);
  });
}

/** A Doc or Drive file id as the build call answered it. */
const FILE_ID = /^[\w-]{1,200}$/;

/**
 * The PDF of the Doc a build call (`pdfLater`) just wrote, in a call of its own that the sidebar starts as
 * soon as it shows the Doc's link. It takes no lock: it reads nothing of the spreadsheet, and the build's
 * record is already written; a second build meanwhile rewrites the same PDF after it.
 */
export function apiSaveReportPdf(request: {
  kind: ReportKind;
  docId: string;
  pdfId: string | null;
}): PdfResult {
  const kind = request?.kind;
  if ((kind !== 'plan' && kind !== 'results') || !FILE_ID.test(String(request.docId))) {
    throw new UserError('bad-request', 'คำขอสร้าง PDF ไม่ถูกต้อง', 'Not a request for a report PDF');
  }
  const pdfId = typeof request.pdfId === 'string' && FILE_ID.test(request.pdfId) ? request.pdfId : null;
  return phase('ita: the PDF, in its own call', () =>
    saveReportPdf(kind, request.docId, pdfId, new DocumentProps()),
  );
}

/** Selects a cell a finding names (`Tab!A1`), so the user sees it. */
export function apiSelectCell(where: string): boolean {
  const spreadsheet = SpreadsheetApp.getActive();
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]+\d+)$/.exec(where);
  if (!m) return false;
  const sheet = spreadsheet.getSheetByName(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
  if (!sheet) return false;
  sheet.activate();
  sheet.getRange(m[3]).activate();
  return true;
}

/**
 * Selects rows of the measures tab (a division's, from the follow-up), so that the team lands on them: one
 * range a run of adjacent rows, across the tab's columns.
 */
export function apiSelectMeasureRows(rows: number[]): boolean {
  if (!Array.isArray(rows) || rows.length === 0 || rows.length > 1000) return false;
  if (!rows.every((r) => Number.isInteger(r) && r >= 2)) return false;
  const sheet = findSheet(SpreadsheetApp.getActive().getSheets(), 'measures');
  if (!sheet) return false;
  const last = sheet.getMaxRows();
  const sorted = [...new Set(rows)].filter((r) => r <= last).sort((a, b) => a - b);
  if (sorted.length === 0) return false;
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const run = runs[runs.length - 1];
    if (run && run[1] === r - 1) run[1] = r;
    else runs.push([r, r]);
  }
  sheet.activate();
  sheet.getRangeList(runs.map(([a, b]) => `${a}:${b}`)).activate();
  return true;
}

/** What "protect and share" would do, shown in the sidebar before anything happens. */
export function apiSharingPlan(): SharingPlan {
  const { workbook, sheets, analysis } = analyseOpenSpreadsheet();
  requireAnalysable(analysis);
  return sharingPlan(workbook.spreadsheet, analysis, sheets, new DocumentProps());
}

/**
 * Protects each division's rows and the team's tabs; if asked, adds the division e-mails as editors of the
 * spreadsheet and shares the report with them.
 */
export function apiApplySharing(options: ShareOptions): SharedResult {
  return withDocumentLock(() => {
    const { workbook, sheets, analysis } = analyseOpenSpreadsheet();
    requireAnalysable(analysis);
    const props = new DocumentProps();
    const plan = sharingPlan(workbook.spreadsheet, analysis, sheets, props);
    return shareAndRecord(workbook, plan, options, props, REFUSAL_ADVICE);
  });
}

/** What sharing did, with what to do about each refusal and each file out of reach, in both languages. */
export interface SharedResult extends SharingResult {
  /** In the order of `refused` and `unreachable`: sent with the result rather than bundled in the sidebar. */
  advice: { refused: Advice[]; unreachable: Advice[] };
}

/** The measures by status and by division, as the divisions left them. */
export function apiProgress(): ProgressSummary {
  const { sheets, analysis } = analyseOpenSpreadsheet();
  const rows = readMeasureRows(measuresTabOf(sheets)?.values ?? [], [], measureChecksOf(analysis));
  return progressSummary(
    rows,
    analysis.workbook.divisions.map((d) => d.code),
  );
}

function hasInputTabs(sheets: readonly { name: string }[]): boolean {
  const named = sheets.map((s) => ({ name: s.name, values: [] as unknown[][] }));
  return (
    Boolean(findTab(named, 'settings')) &&
    (['totals', 'indicators', 'items'] as const).some((k) => findTab(named, k))
  );
}

/**
 * The sidebar's view of the spreadsheet, from one read of its tabs: the analysis, the readiness
 * checklist, the follow-up of the measures, the last report (and whether the data changed since) and the
 * user's language.
 */
export function apiOverview(): Overview {
  const workbook = openWorkbook();
  const sheets = readAllTabs(workbook.tabs);
  // The tabs read are those of the workbook format, which is all hasInputTabs looks for.
  const ready = hasInputTabs(sheets);
  const view = overview(ready, sheets, ready ? analyze(sheets) : null);
  // A coordinator's workbook: the settings and the agencies tab, no score tab of its own.
  if (!ready && findTab(sheets, 'agencies')) return { ...view, rollup: rollupOverview(workbook, sheets) };
  return view;
}

/** Remembers the user's language for the sidebar (per user, across spreadsheets). */
export function apiSetLanguage(lang: Language): Language {
  if (lang !== 'th' && lang !== 'en')
    throw new UserError('bad-language', `ภาษา "${lang}" ไม่รองรับ`, `Unknown language "${lang}"`);
  saveLanguage(lang);
  return lang;
}

/** Opens the settings tab at its first value, where a new spreadsheet's work starts. */
function landOnSettings(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const settings = spreadsheet
    .getSheets()
    .find((s) => findTab([{ name: s.getName(), values: [] }], 'settings'));
  if (!settings) return;
  settings.activate();
  settings.getRange('B2').activate();
}

/** Creates the template tabs that are missing (empty, or filled with the sample workbook). Never overwrites a tab. */
export function apiCreateTemplate(withSample: boolean): { created: string[]; skipped: string[] } {
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActive();
    const tabs: SheetData[] = withSample
      ? (sample as { sheets: SheetData[] }).sheets
      : templateTabs(new Date());
    const existing = spreadsheet.getSheets().map((s) => s.getName());
    const created: string[] = [];
    const skipped: string[] = [];
    for (const tab of tabs) {
      // A tab is there already under any of its names (an English `Settings` for `ตั้งค่า`).
      const aliases = Object.values(TABS).find((names) => matchesAlias(tab.name, names)) ?? [tab.name];
      if (existing.some((name) => matchesAlias(name, aliases))) {
        skipped.push(tab.name);
        continue;
      }
      const sheet = spreadsheet.insertSheet(tab.name);
      const width = Math.max(...tab.values.map((r) => r.length));
      const grid = tab.values.map((r) => [...r, ...Array(width - r.length).fill('')]);
      if (width > sheet.getMaxColumns())
        sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
      sheet.getRange(1, 1, grid.length, width).setValues(grid);
      sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground('#e8f0fe');
      sheet.setFrozenRows(1);
      created.push(tab.name);
    }
    landOnSettings(spreadsheet);
    return { created, skipped };
  });
}
