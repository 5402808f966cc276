import type { SharingPlan } from '../core/measures/sharing';
import type { SharedResult } from '../server/index';
import type { Overview } from '../server/overview';
import type { ReportLinks } from '../server/report-doc';
import { buildView } from './cards/build';
import { checkView } from './cards/check';
import { followUpView } from './cards/follow-up';
import { lastReportView } from './cards/last-report';
import { agencyFollowUpView, rollupView } from './cards/rollup';
import { selfCheckView } from './cards/selfcheck';
import { FILE_KEY, shareView } from './cards/share';
import type { Actions, View } from './cards/shared';
import { headerView, sampleConfirmView, startView } from './cards/start';
import { summaryView } from './cards/summary';
import { drawCharts } from './chart-images';
import { h, markThai } from './dom';
import { digits, groupFindings, proseDigits, type Style } from './format';
import { type Key, learnWords, text } from './i18n';
import { call, explain } from './run';

import { type Place, type State, type Step, state } from './state';

const style = (): Style => ({ lang: state.lang, thaiDigits: state.overview?.thaiDigits ?? true });
/** A string of the sidebar's language, in the one digit style of the settings. */
const t = (key: Key, vars?: Record<string, string | number>) =>
  proseDigits(style(), text(state.lang, key, vars));
let serial = 0;
let shownSerial = 0;

function say(th: string, en: string, kind: NonNullable<State['message']>['kind'], at: Place): void {
  state.message = { th, en, kind, at, serial: ++serial };
}

/** A message of the page's words, in both languages (the digits as the words have them). */
function sayWords(
  key: Key,
  kind: NonNullable<State['message']>['kind'],
  at: Place,
  vars?: Record<string, string>,
): void {
  say(text('th', key, vars), text('en', key, vars), kind, at);
}

/** A quick call's failure, said in the card of the control that made it (nothing is busy meanwhile). */
const failIn = (at: Place) => (e: unknown) => {
  const shown = explain(e);
  say(shown.th, shown.en, shown.kind, at);
  render();
};

/** Tells a screen reader what happened (progress and results), in the one live region of the page. */
function announce(message: string): void {
  const live = document.getElementById('live');
  if (!live) return;
  live.textContent = '';
  setTimeout(() => {
    live.textContent = message;
  }, 50);
}

/** A coordinator's workbook: the roll-up's cards instead of one agency's. */
const rollupCards = (v: View) => [
  headerView(v),
  h('p', { class: 'muted intro' }, t('rollupIntro')),
  rollupView(v),
  agencyFollowUpView(v),
  shareView(v),
  selfCheckView(v, render),
];

const cards = (v: View) => {
  const rollup = state.overview?.rollup;
  learnWords(rollup?.words);
  return rollup ? rollupCards(v) : agencyCards(v);
};

const agencyCards = (v: View) => [
  headerView(v),
  state.overview?.ready ? sampleConfirmView(v) : null,
  h(
    'p',
    { class: 'muted intro' },
    state.overview === null && state.busy === 'load' ? t('loading') : t('intro'),
  ),
  startView(v),
  lastReportView(v),
  checkView(v),
  buildView(v),
  shareView(v),
  summaryView(v),
  followUpView(v),
  selfCheckView(v, render),
];

/**
 * Draws the cards. A card whose markup did not change keeps its elements, and the control that had focus
 * (found again by id) keeps it, so a keyboard or screen-reader user never lands back on the page.
 */
function render(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  document.documentElement.lang = state.lang;
  const next = cards({ state, t, style: style(), actions }).filter((c): c is HTMLElement => c !== null);
  // In English, the Thai that remains (names, tabs, measures) is marked as Thai for a screen reader.
  if (state.lang === 'en') for (const el of next) markThai(el);
  const old = Array.from(root.children) as HTMLElement[];
  next.forEach((el, i) => {
    const here = old[i];
    if (here && here.outerHTML === el.outerHTML) {
      next[i] = here;
      return;
    }
  });
  if (next.some((el, i) => old[i] !== el) || old.length !== next.length) {
    const keep = new Set(next);
    for (const el of old) if (!keep.has(el)) el.remove();
    next.forEach((el, i) => {
      if (root.children[i] !== el) root.insertBefore(el, root.children[i] ?? null);
    });
  }
  const target = state.focus ?? focused;
  state.focus = null;
  const el = target ? document.getElementById(target) : null;
  if (el && el !== document.activeElement) el.focus({ preventScroll: true });
  const m = state.message;
  if (m && m.serial !== shownSerial) {
    shownSerial = m.serial;
    document
      .getElementById(`${m.at}-${m.kind === 'notice' ? 'notice' : 'error'}`)
      ?.scrollIntoView({ block: 'nearest' });
  }
}

/** The one place the sidebar asks the server for its view of the spreadsheet. */
async function refresh(): Promise<Overview> {
  const overview = await call('apiOverview');
  state.overview = overview;
  return overview;
}

async function guarded(
  busy: NonNullable<State['busy']>,
  at: Place,
  work: () => Promise<void>,
): Promise<void> {
  if (state.busy !== null) return;
  state.busy = busy;
  state.message = null;
  render();
  try {
    await work();
  } catch (e) {
    const shown = explain(e);
    say(shown.th, shown.en, shown.kind, at);
    announce(state.lang === 'th' ? shown.th : shown.en);
  } finally {
    state.busy = null;
    render();
  }
}

let ticker: ReturnType<typeof setInterval> | null = null;

function stopTicker(): void {
  if (ticker) clearInterval(ticker);
  ticker = null;
}

/** Shows the running step's seconds, updating only that text (no redraw, nothing announced). */
function tick(): void {
  const running = [...state.steps, ...state.resultsSteps].find((s) => s.state === 'running');
  if (!running?.startedAt) return;
  running.seconds = Math.floor((Date.now() - running.startedAt) / 1000);
  const el = document.getElementById('elapsed');
  if (el) el.textContent = ` (${t('seconds', { n: digits(style(), String(running.seconds)) })})`;
}

async function step<T>(index: number, work: () => Promise<T>, steps = state.steps): Promise<T> {
  const entry = steps[index];
  entry.state = 'running';
  entry.startedAt = Date.now();
  entry.seconds = 0;
  announce(t('stepOf', { i: index + 1, n: steps.length, step: t(entry.key) }));
  render();
  try {
    const result = await work();
    entry.state = 'done';
    return result;
  } catch (e) {
    entry.state = 'failed';
    for (const later of steps.slice(index + 1)) later.state = 'stopped';
    throw e;
  } finally {
    entry.seconds = Math.floor((Date.now() - (entry.startedAt ?? Date.now())) / 1000);
    render();
  }
}

const hasDataErrors = () => (state.overview?.analysis?.findings ?? []).some((f) => f.severity === 'error');

function askToForce(serverText?: { th: string; en: string }): void {
  state.confirm = { kind: 'build', serverText };
  state.focus = 'build-confirm';
  announce(
    t('confirmErrors', {
      n: (state.overview?.analysis?.findings ?? []).filter((f) => f.severity === 'error').length,
    }),
  );
}

/** The font the charts are drawn in: asked of the server with the page's first build, then kept. */
let chartFont: string | null = null;

/**
 * The links of a report whose Doc was just written, with its PDF made by a call of its own: a PDF that could
 * not be made is said beside the Doc's link, never a failed build. The last-report card gets the link too.
 */
async function withPdf(kind: 'plan' | 'results', links: ReportLinks): Promise<ReportLinks> {
  try {
    const pdf = await call('apiSaveReportPdf', { kind, docId: links.docId, pdfId: links.pdfId });
    const last = kind === 'plan' ? state.overview?.lastReport : state.overview?.lastResults;
    if (last && pdf.pdfUrl) last.pdfUrl = pdf.pdfUrl;
    return { ...links, ...pdf, warnings: [...links.warnings, ...pdf.warnings] };
  } catch (e) {
    const shown = explain(e);
    return { ...links, pdfError: state.lang === 'th' ? shown.th : shown.en };
  }
}

async function runBuild(force: boolean): Promise<void> {
  state.steps = (['stepAnalyse', 'stepMeasures', 'stepReport', 'stepPdf'] as Key[]).map(
    (key): Step => ({ key, state: 'waiting' }),
  );
  state.links = null;
  ticker = setInterval(tick, 1000);
  try {
    // Two server calls a click: the check and the measures tab, then the report (with the new overview).
    const prepared = await step(0, () => call('apiPrepareReport', { force, withFont: chartFont === null }));
    chartFont ??= prepared.font;
    state.overview = prepared.overview;
    const measures = prepared.measures;
    if (!measures) {
      state.steps = [];
      askToForce();
      return;
    }
    state.steps[1].state = 'done';
    state.steps[1].counts = {
      rows: measures.rows,
      added: measures.summary.added,
      kept: measures.summary.keptEdits,
    };
    // The input tabs the first call read come back from the document cache: only the measures tab is read.
    // The charts are drawn here and go with the call: Sheets draws only those this page could not.
    const report = await step(2, async () =>
      call('apiBuildReport', {
        force,
        snapshot: prepared.snapshot,
        charts: await drawCharts(prepared.charts, chartFont),
        pdfLater: true,
      }),
    );
    state.overview = report.overview;
    state.links = report;
    // The Doc's link is shown now; its PDF follows in a call of its own.
    announce(t('docReady'));
    state.links = await step(3, () => withPdf('plan', report));
    const key: Key = report.unconfirmed ? 'builtUnconfirmed' : 'built';
    const done = t(key);
    // A forced build is done, but not a success: it says so in the warning colour.
    sayWords(key, report.unconfirmed ? 'caution' : 'notice', 'build');
    announce(done);
  } catch (e) {
    const shown = explain(e);
    if (shown.code === 'data-errors') {
      state.steps = [];
      askToForce({ th: shown.th, en: shown.en });
      return;
    }
    throw e;
  } finally {
    if (ticker) clearInterval(ticker);
    ticker = null;
  }
}

/**
 * Copies a read-only field to the clipboard. Where the Clipboard API is missing or refused (the add-on's
 * frame may not be allowed to write the clipboard), the text is selected and copied the old way; only if
 * that fails too is the user told to press Ctrl+C on the selected text.
 */
function copyField(inputId: string, done: Key, at: Place): void {
  const input = document.getElementById(inputId) as HTMLInputElement | HTMLTextAreaElement | null;
  if (!input) return;
  const copied = () => {
    sayWords(done, 'notice', at);
    announce(t(done));
    render();
  };
  const fallback = () => {
    input.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    if (ok) return copied();
    sayWords('copyFailed', 'notice', at);
    announce(t('copyFailed'));
    render();
    // render() rebuilds the card: select the new field's text, ready for Ctrl+C.
    (document.getElementById(inputId) as HTMLInputElement | null)?.select();
  };
  if (navigator.clipboard?.writeText) navigator.clipboard.writeText(input.value).then(copied, fallback);
  else fallback();
}

/**
 * The sharing step in two server calls, each an execution of its own with its own 6 minutes: the
 * protections and the spreadsheet first (rows protected before anyone gains edit access), then the report's
 * Doc and PDF (Drive takes one address a call). Their results as one. (bench/sharing.cjs makes the same.)
 * A coordinator's workbook shares the follow-up rows with the agencies, through the same steps.
 */
async function shareInTwoCalls(
  plan: SharingPlan,
  shareSpreadsheet: boolean,
  notify: boolean,
): Promise<SharedResult> {
  const api = state.overview?.rollup ? 'apiApplyAgencySharing' : 'apiApplySharing';
  const first = await call(api, {
    protect: true,
    shareSpreadsheet,
    shareReport: false,
    notify,
  });
  if (!plan.hasReport) return first;
  const second = await call(api, {
    protect: false,
    shareSpreadsheet: false,
    shareReport: true,
    notify,
  });
  return {
    ...first,
    shared: second.shared,
    refused: [...first.refused, ...second.refused],
    unreachable: [...first.unreachable, ...second.unreachable],
    advice: {
      refused: [...first.advice.refused, ...second.advice.refused],
      unreachable: [...first.advice.unreachable, ...second.advice.unreachable],
    },
  };
}

const actions: Actions = {
  toggleLanguage() {
    state.lang = state.lang === 'th' ? 'en' : 'th';
    render();
    call('apiSetLanguage', state.lang).catch(failIn('header'));
  },
  askSample(opener) {
    state.confirm = { kind: 'sample', opener };
    state.focus = 'sample-confirm';
    render();
  },
  createTemplate(withSample) {
    state.confirm = null;
    void guarded('template', 'start', async () => {
      const result = await call('apiCreateTemplate', withSample);
      await refresh();
      const tabs = result.created.join(', ') || '–';
      const a = state.overview?.analysis;
      // The sample's figures are another agency's: the message says whose, not the template's words.
      const vars = { tabs, agency: a?.agency ?? '–', year: String(a?.year ?? '–') };
      const key: Key = !withSample ? 'created' : result.created.length > 0 ? 'sampleLoaded' : 'sampleNone';
      sayWords(key, withSample ? 'caution' : 'notice', state.overview?.ready ? 'check' : 'start', vars);
      state.focus = state.overview?.ready ? 'check-notice' : 'create-empty';
      announce(t(key, vars));
    });
  },
  check() {
    void guarded('check', 'check', async () => {
      announce(t('checking'));
      await refresh();
      state.confirm = null;
      const findings = state.overview?.analysis?.findings ?? [];
      const count = (s: string) => findings.filter((f) => f.severity === s).length;
      announce(
        t('checked', {
          summary:
            findings.length === 0
              ? t('noFindings')
              : t('findingsCount', { e: count('error'), w: count('warning'), i: count('info') }),
        }),
      );
    });
  },
  build(force) {
    if (!force && hasDataErrors()) {
      askToForce();
      render();
      return;
    }
    state.confirm = null;
    state.focus = 'build';
    void guarded('build', 'build', () => runBuild(force));
  },
  cancelConfirm() {
    state.focus = state.confirm?.kind === 'sample' ? state.confirm.opener : 'build';
    state.confirm = null;
    render();
  },
  showFinding(where) {
    const groups = groupFindings(state.overview?.analysis?.findings ?? []);
    const index = groups.findIndex((g) => g.findings.some((f) => f.where === where));
    if (index < 0) return;
    state.allGroups = state.allGroups || index >= 3;
    state.focus = `group-${index}`;
    render();
    document.getElementById(`group-${index}`)?.scrollIntoView({ block: 'nearest' });
  },
  openGuide() {
    call('apiShowGuide').catch(failIn('header'));
  },
  showAllGroups(all) {
    state.allGroups = all;
    render();
  },
  selectCell(where, at) {
    call('apiSelectCell', where).catch(failIn(at));
  },
  copyPdfLink() {
    copyField('pdf-url', 'copied', 'last');
  },
  copyText(inputId, done) {
    copyField(inputId, done, 'follow');
  },
  selectMeasureRows(rows) {
    call('apiSelectMeasureRows', rows).catch(failIn('follow'));
  },
  buildResults() {
    void guarded('results', 'follow', async () => {
      state.resultsSteps = (['stepCheck', 'stepReport'] as Key[]).map(
        (key): Step => ({ key, state: 'waiting' }),
      );
      state.resultsLinks = null;
      ticker = setInterval(tick, 1000);
      // As for the o25 report: the tabs checked and the chart handed over, drawn here, then the report.
      const steps = state.resultsSteps;
      const prepared = await step(
        0,
        () => call('apiPrepareResultsReport', { force: false, withFont: chartFont === null }),
        steps,
      ).finally(stopTicker);
      chartFont ??= prepared.font;
      ticker = setInterval(tick, 1000);
      const report = await step(
        1,
        async () =>
          call('apiBuildResultsReport', {
            force: false,
            snapshot: prepared.snapshot,
            charts: await drawCharts(prepared.charts, chartFont),
            pdfLater: true,
          }),
        steps,
      ).finally(stopTicker);
      state.overview = report.overview;
      state.resultsLinks = report;
      render();
      state.resultsLinks = await withPdf('results', report);
      sayWords('resultsBuilt', 'notice', 'follow');
      state.focus = 'results-doc';
      announce(t('resultsBuilt'));
    });
  },
  previewSharing() {
    void guarded('plan', 'share', async () => {
      state.plan = await call(state.overview?.rollup ? 'apiAgencySharingPlan' : 'apiSharingPlan');
      state.focus = 'share-plan';
      announce(t('planTitle'));
    });
  },
  /** Decides from the plan the server just gave, not from what this page remembers; never runs twice at once. */
  applySharing() {
    const plan = state.plan;
    if (state.busy !== null || !plan) return;
    void guarded('share', 'share', async () => {
      const result = await shareInTwoCalls(
        plan,
        state.shareSpreadsheet && plan.withoutAccess.length > 0,
        state.notify,
      );
      state.plan = null;
      state.shareResult = result;
      const words = (lang: 'th' | 'en') => sharedWords(lang, result);
      // Where focus lands and what is announced: the counts per file and every refusal, not only success.
      const refused = result.refused.length > 0 || result.withoutAccess.length > 0;
      say(words('th'), words('en'), refused ? 'caution' : 'notice', 'share');
      state.focus = 'share-notice';
      announce(proseDigits(style(), words(state.lang)));
      await refresh();
    });
  },
  cancelSharing() {
    state.plan = null;
    state.focus = 'preview-share';
    render();
  },
  setNotify(on) {
    state.notify = on;
  },
  setShareSpreadsheet(on) {
    state.shareSpreadsheet = on;
  },
  buildRollup() {
    void guarded('rollup', 'rollup', async () => {
      announce(t('rollupRunning'));
      // As for the o25 report: the tab checked and the charts handed over, drawn here, then the report.
      const prepared = await call('apiPrepareRollupReport', { force: false, withFont: chartFont === null });
      chartFont ??= prepared.font;
      const report = await call('apiBuildRollupReport', {
        force: false,
        snapshot: prepared.snapshot,
        charts: await drawCharts(prepared.charts, chartFont),
      });
      state.rollupLinks = report;
      sayWords('rollupBuilt', 'notice', 'rollup');
      state.focus = 'rollup-doc';
      announce(t('rollupBuilt'));
    });
  },
  writeAgencyFollowUp() {
    void guarded('rollup', 'rollup-follow', async () => {
      const written = await call('apiWriteAgencyFollowUp', { force: false });
      await refresh();
      const th = { lang: 'th' as const, thaiDigits: state.overview?.thaiDigits ?? true };
      say(
        text('th', 'agencyFollowWritten', { n: digits(th, String(written.rows)) }),
        text('en', 'agencyFollowWritten', { n: written.rows }),
        'notice',
        'rollup-follow',
      );
      state.focus = 'rollup-follow-notice';
      announce(t('agencyFollowWritten', { n: written.rows }));
    });
  },
};

/** What sharing did, in one sentence a language: the counts per file, then each address refused. */
function sharedWords(lang: 'th' | 'en', r: SharedResult): string {
  const count = (file: 'doc' | 'pdf') => {
    const refused = r.refused.filter((x) => x.target === file).length;
    const shared = r.shared.filter((x) => x.file === file).length;
    return `${shared}${refused > 0 ? text(lang, 'refusedN', { n: refused }) : ''}`;
  };
  const files = text(lang, 'shareFiles', { doc: count('doc'), pdf: count('pdf') });
  const done = text(lang, 'sharedDone', {
    ranges: r.protectedRanges,
    tabs: r.protectedTabs,
    editors: r.editorsAdded.length,
    files,
  });
  const refusals = r.refused.map((x) => `${x.email} (${text(lang, FILE_KEY[x.target])})`);
  const stop = lang === 'th' ? ' ' : '. ';
  return refusals.length > 0 ? `${done}${stop}${text(lang, 'refusedTitle')} ${refusals.join(', ')}` : done;
}

/** Escape closes an open confirmation or the sharing plan, and focus goes back to what opened it. */
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape' || state.busy !== null) return;
  if (state.confirm) actions.cancelConfirm();
  else if (state.plan) actions.cancelSharing();
  else return;
  e.preventDefault();
});

render();
void guarded('load', 'check', async () => {
  const overview = await refresh();
  if (overview.lang) state.lang = overview.lang;
});
