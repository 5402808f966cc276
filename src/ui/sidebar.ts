import type { AnalysisJson } from '../core/analysis/json';
import type { Finding } from '../core/findings';
import { REFUSAL_ADVICE, type SharingPlan, UNREACHABLE_ADVICE } from '../core/measures/sharing';
import { type ProgressSummary, STATUSES } from '../core/measures/tab';
import type { SharingResult } from '../server/sharing';
import { type Key, type Lang, text } from './i18n';
import { call, explain, type ShownError } from './run';

interface State {
  lang: Lang;
  ready: boolean | null;
  busy: string | null;
  error: ShownError | null;
  analysis: AnalysisJson | null;
  steps: { key: Key; state: 'running' | 'done' | 'failed'; note?: string }[];
  links: { docUrl: string; pdfUrl: string | null; pdfError: string | null; draft: boolean } | null;
  plan: SharingPlan | null;
  progress: ProgressSummary | null;
  notify: boolean;
  /** The opt-in spreadsheet step: add the division e-mails as editors of the spreadsheet. */
  shareSpreadsheet: boolean;
  shareResult: SharingResult | null;
  notice: string | null;
}

const state: State = {
  lang: 'th',
  ready: null,
  busy: null,
  error: null,
  analysis: null,
  steps: [],
  links: null,
  plan: null,
  progress: null,
  notify: false,
  shareSpreadsheet: false,
  shareResult: null,
  notice: null,
};

type Child = Node | string | null | false | undefined;

function h(
  tag: string,
  attrs: Record<string, string | boolean | ((e: Event) => void)> = {},
  ...children: Child[]
): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (v === true) el.setAttribute(k, '');
    else if (v !== false) el.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== false && c !== undefined) el.append(c);
  return el;
}

const t = (key: Key, vars?: Record<string, string | number>) => text(state.lang, key, vars);
const score = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : Number.isInteger(v) ? String(v) : v.toFixed(2);
const signed = (v: number) => `${v > 0 ? '+' : ''}${v.toFixed(2)}`;

async function step<T>(key: Key, work: () => Promise<T>): Promise<T> {
  const entry: State['steps'][number] = { key, state: 'running' };
  state.steps.push(entry);
  render();
  try {
    const result = await work();
    entry.state = 'done';
    return result;
  } catch (e) {
    entry.state = 'failed';
    throw e;
  } finally {
    render();
  }
}

async function guarded(label: string, work: () => Promise<void>): Promise<void> {
  state.busy = label;
  state.error = null;
  state.notice = null;
  render();
  try {
    await work();
  } catch (e) {
    state.error = explain(e);
  } finally {
    state.busy = null;
    render();
  }
}

const analyse = () =>
  guarded('check', async () => {
    state.analysis = await call('apiAnalyze');
  });

const createTemplate = (withSample: boolean) =>
  guarded('template', async () => {
    const result = await call('apiCreateTemplate', withSample);
    state.notice = `${t('created')}: ${result.created.join(', ') || '–'}`;
    state.ready = (await call('apiStatus')).ready;
    if (state.ready) state.analysis = await call('apiAnalyze');
  });

const buildAll = () =>
  guarded('build', async () => {
    state.steps = [];
    state.links = null;
    state.analysis = await step('stepAnalyse', () => call('apiAnalyze'));
    const measures = await step('stepMeasures', () => call('apiWriteMeasures'));
    state.steps[state.steps.length - 1].note = t('measuresDone', {
      rows: measures.rows,
      added: measures.summary.added,
      kept: measures.summary.keptEdits,
    });
    const report = await step('stepReport', () => call('apiBuildReport'));
    state.links = {
      docUrl: report.docUrl,
      pdfUrl: report.pdfUrl,
      pdfError: report.pdfError,
      draft: report.draft,
    };
    state.progress = await call('apiProgress');
  });

const previewSharing = () =>
  guarded('plan', async () => {
    state.plan = await call('apiSharingPlan');
  });

/** Decides from the plan the server just gave, not from what this page remembers; never runs twice at once. */
function applySharing(): void {
  const plan = state.plan;
  if (state.busy !== null || !plan) return;
  void guarded('share', async () => {
    const result = await call('apiApplySharing', {
      protect: true,
      shareSpreadsheet: state.shareSpreadsheet && plan.withoutAccess.length > 0,
      shareReport: plan.hasReport,
      notify: state.notify,
    });
    state.plan = null;
    state.shareResult = result;
    state.notice = t('sharedDone', {
      ranges: result.protectedRanges,
      tabs: result.protectedTabs,
      editors: result.editorsAdded.length,
      shared: result.shared.length,
    });
  });
}

const FILE_KEY = {
  spreadsheet: 'fileSheet',
  protection: 'fileProtection',
  doc: 'fileDoc',
  pdf: 'filePdf',
} as const;

/** Every address Google refused, with why and what to do; every file the user could not reach. */
function shareResultView(result: SharingResult): HTMLElement | null {
  if (result.refused.length === 0 && result.unreachable.length === 0 && result.withoutAccess.length === 0)
    return null;
  return h(
    'div',
    { class: 'warn', id: 'share-refused' },
    result.withoutAccess.length > 0
      ? h('p', { id: 'still-without-access' }, t('stillWithout', { emails: result.withoutAccess.join(', ') }))
      : null,
    result.refused.length + result.unreachable.length > 0 ? h('p', {}, t('refusedTitle')) : null,
    h(
      'ul',
      { class: 'emails' },
      ...result.refused.map((r) =>
        h(
          'li',
          {},
          h('strong', {}, r.email),
          ` (${t(FILE_KEY[r.target])}): ${REFUSAL_ADVICE[r.reason][state.lang]}`,
        ),
      ),
      ...result.unreachable.map((u) => h('li', {}, UNREACHABLE_ADVICE[u.what][state.lang])),
    ),
  );
}

function findingsView(findings: Finding[]): HTMLElement {
  if (findings.length === 0) return h('p', { class: 'ok' }, `✓ ${t('noFindings')}`);
  const groups = (['error', 'warning', 'info'] as const).map((severity) => {
    const mine = findings.filter((f) => f.severity === severity);
    if (mine.length === 0) return null;
    return h(
      'div',
      { class: `group ${severity}` },
      h('div', { class: 'group-title' }, `${t(severity)} (${mine.length})`),
      h(
        'ul',
        { class: 'findings' },
        ...mine.map((f) => {
          const message = state.lang === 'th' ? f.message : f.message_en;
          const where = f.where;
          return h(
            'li',
            { class: `finding ${severity}`, 'data-where': where ?? '' },
            where
              ? h(
                  'button',
                  {
                    class: 'cell',
                    title: t('clickToSelect'),
                    onclick: () => {
                      void call('apiSelectCell', where).catch((e) => {
                        state.error = explain(e);
                        render();
                      });
                    },
                  },
                  where,
                )
              : null,
            h(
              'span',
              { class: 'message' },
              message.startsWith(`${where}: `) ? message.slice(`${where}: `.length) : message,
            ),
          );
        }),
      ),
    );
  });
  return h('div', {}, ...groups);
}

const LEVELS_EN: Record<string, string> = {
  ผ่านดีเยี่ยม: 'Pass with excellence',
  ผ่านดี: 'Pass, good',
  ผ่าน: 'Pass',
  ไม่ผ่าน: 'Not passed',
};

/** The level as the analysis names it (Thai), with its English name in English. */
function levelLabel(level: string | null): string {
  if (!level) return '–';
  return state.lang === 'en' && LEVELS_EN[level] ? `${LEVELS_EN[level]} (${level})` : level;
}

function summaryView(a: AnalysisJson): HTMLElement | null {
  const cur = a.year !== null ? a.scores[String(a.year)] : undefined;
  if (!cur) return null;
  const years = Object.keys(a.scores)
    .map(Number)
    .filter((y) => y < (a.year as number));
  const prevYear = years.length > 0 ? Math.max(...years) : null;
  const inds = Object.entries(a.deltas.indicators).filter((x): x is [string, number] => x[1] !== null);
  const up = inds.filter(([, d]) => d > 0).map(([k, d]) => `${k} (${signed(d)})`);
  const down = inds.filter(([, d]) => d < 0).map(([k, d]) => `${k} (${signed(d)})`);
  const SHOWN = 8;
  const weakest = a.weakest
    .slice(0, SHOWN)
    .map((w) => `${w.item}${w.part ? `·${w.part}` : ''} ${score(w.score)}`);
  if (a.weakest.length > SHOWN) weakest.push(t('more', { n: a.weakest.length - SHOWN }));
  return h(
    'section',
    { class: 'card', id: 'summary' },
    h('h2', {}, t('summaryTitle')),
    h(
      'div',
      { class: 'headline' },
      h('div', { class: 'total' }, score(cur.total)),
      h(
        'div',
        {},
        h('div', { class: 'level' }, `${t('level')} ${levelLabel(cur.level)}`),
        a.deltas.total !== null && prevYear !== null
          ? h(
              'div',
              { class: a.deltas.total >= 0 ? 'delta up' : 'delta down' },
              `${signed(a.deltas.total)} ${t('from')} ${prevYear}`,
            )
          : null,
      ),
    ),
    h(
      'table',
      { class: 'tools' },
      h(
        'tbody',
        {},
        ...Object.entries(cur.tools).map(([k, v]) =>
          h(
            'tr',
            {},
            h('th', {}, k),
            h('td', {}, score(v)),
            h(
              'td',
              { class: 'muted' },
              typeof a.deltas.tools[k] === 'number' ? signed(a.deltas.tools[k] as number) : '',
            ),
          ),
        ),
      ),
    ),
    h('p', {}, h('b', {}, `${t('up')}: `), up.join(', ') || t('none')),
    h('p', {}, h('b', {}, `${t('down')}: `), down.join(', ') || t('none')),
    h('p', {}, h('b', {}, `${t('weakest')}: `), weakest.join(', ') || t('none')),
  );
}

function progressView(p: ProgressSummary): HTMLElement {
  return h(
    'section',
    { class: 'card', id: 'progress' },
    h('h2', {}, t('progressTitle')),
    h(
      'p',
      {},
      t('progressLine', {
        total: p.total,
        done: p.byStatus[STATUSES[2]] ?? 0,
        doing: p.byStatus[STATUSES[1]] ?? 0,
      }),
    ),
    h(
      'table',
      { class: 'tools' },
      h(
        'tbody',
        {},
        ...p.byDivision.map((d) =>
          h(
            'tr',
            {},
            h('th', {}, d.division),
            h('td', {}, `${d.done}/${d.total}`),
            h('td', { class: 'muted' }, d.meanProgress === null ? '' : `${d.meanProgress}%`),
          ),
        ),
      ),
    ),
  );
}

function planView(plan: SharingPlan): HTMLElement {
  return h(
    'div',
    { class: 'confirm', id: 'share-plan' },
    h('p', {}, t('planProtect', { n: plan.measureProtections.length, tabs: plan.teamTabs.join(', ') })),
    plan.hasMeasures ? null : h('p', { class: 'warn' }, t('planNoMeasures')),
    !plan.hasReport ? h('p', { class: 'muted' }, t('planNoReport')) : null,
    plan.viewers.length === 0
      ? h('p', { class: 'muted' }, t('noDivisions'))
      : plan.hasReport
        ? h(
            'div',
            {},
            h('p', {}, t('planShare')),
            h('ul', { class: 'emails' }, ...plan.viewers.map((e) => h('li', {}, e))),
          )
        : null,
    plan.withoutAccess.length > 0
      ? h(
          'div',
          { class: 'warn' },
          h('p', {}, t('planMissing')),
          h('ul', { class: 'emails' }, ...plan.withoutAccess.map((e) => h('li', {}, e))),
          h(
            'label',
            { class: 'check' },
            h('input', {
              type: 'checkbox',
              id: 'share-spreadsheet',
              ...(state.shareSpreadsheet ? { checked: true } : {}),
              onchange: (e: Event) => {
                state.shareSpreadsheet = (e.target as HTMLInputElement).checked;
              },
            }),
            ` ${t('shareSheet')}`,
          ),
        )
      : null,
    plan.foreignProtections.length > 0
      ? h(
          'div',
          { class: 'muted', id: 'foreign-protections' },
          h('p', {}, t('planForeign')),
          h(
            'ul',
            { class: 'emails' },
            ...plan.foreignProtections.map((f) =>
              h('li', {}, f.description ? `${f.where} (${f.description})` : f.where),
            ),
          ),
        )
      : null,
    h(
      'label',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        ...(state.notify ? { checked: true } : {}),
        onchange: (e: Event) => {
          state.notify = (e.target as HTMLInputElement).checked;
        },
      }),
      ` ${t('notify')}`,
    ),
    h(
      'div',
      { class: 'buttons' },
      h(
        'button',
        {
          class: 'action',
          id: 'confirm-share',
          disabled: state.busy !== null,
          onclick: () => applySharing(),
        },
        state.busy === 'share' ? t('sharing') : t('confirm'),
      ),
      h(
        'button',
        {
          onclick: () => {
            state.plan = null;
            render();
          },
        },
        t('cancel'),
      ),
    ),
  );
}

function render(): void {
  const root = document.getElementById('app');
  if (!root) return;
  const busy = state.busy !== null;
  const a = state.analysis;
  const children: Child[] = [
    h(
      'header',
      {},
      h('span', { class: 'brand' }, 'ita-report'),
      h(
        'button',
        {
          class: 'lang',
          id: 'lang',
          onclick: () => {
            state.lang = state.lang === 'th' ? 'en' : 'th';
            document.documentElement.lang = state.lang;
            render();
          },
        },
        t('switchTo'),
      ),
    ),
    h('p', { class: 'muted' }, t('intro')),
    state.error
      ? h(
          'div',
          { class: `error ${state.error.kind}`, role: 'alert', id: 'error' },
          state.lang === 'th' ? state.error.th : state.error.en,
        )
      : null,
    state.notice ? h('div', { class: 'notice', id: 'notice' }, state.notice) : null,
    state.ready === false
      ? h(
          'section',
          { class: 'card' },
          h('h2', {}, t('startTitle')),
          h('p', {}, t('startText')),
          h(
            'div',
            { class: 'buttons' },
            h(
              'button',
              {
                class: 'action',
                id: 'create-sample',
                disabled: busy,
                onclick: () => void createTemplate(true),
              },
              t('createSample'),
            ),
            h(
              'button',
              { id: 'create-empty', disabled: busy, onclick: () => void createTemplate(false) },
              t('createEmpty'),
            ),
          ),
        )
      : null,
    h(
      'section',
      { class: 'card' },
      h('h2', {}, t('checkTitle')),
      h(
        'button',
        { id: 'check', disabled: busy, onclick: () => void analyse() },
        state.busy === 'check' ? t('checking') : t('check'),
      ),
      a ? findingsView(a.findings) : null,
    ),
    a ? summaryView(a) : null,
    state.progress && state.progress.total > 0 ? progressView(state.progress) : null,
    h(
      'section',
      { class: 'card' },
      h('h2', {}, t('buildTitle')),
      h('p', { class: 'muted' }, t('buildText')),
      h(
        'button',
        {
          class: 'action',
          id: 'build',
          disabled: busy || state.ready === false,
          onclick: () => void buildAll(),
        },
        t('build'),
      ),
      state.steps.length > 0
        ? h(
            'ol',
            { class: 'steps', id: 'steps' },
            ...state.steps.map((s) =>
              h(
                'li',
                { class: s.state },
                `${s.state === 'done' ? '✓' : s.state === 'failed' ? '✗' : '…'} ${t(s.key)}`,
                s.note ? h('div', { class: 'muted' }, s.note) : null,
              ),
            ),
          )
        : null,
      state.links
        ? h(
            'div',
            { class: 'links', id: 'links' },
            h(
              'a',
              { href: state.links.docUrl, target: '_blank', rel: 'noopener', id: 'doc-link' },
              t('openDoc'),
            ),
            state.links.pdfUrl
              ? h(
                  'a',
                  { href: state.links.pdfUrl, target: '_blank', rel: 'noopener', id: 'pdf-link' },
                  t('openPdf'),
                )
              : h('span', { class: 'muted' }, t('noPdf', { why: state.links.pdfError ?? '' })),
            state.links.draft ? h('p', { class: 'warning', id: 'draft-note' }, t('draftReport')) : null,
            h('p', { class: 'muted' }, t('pageNumbers')),
          )
        : null,
    ),
    h(
      'section',
      { class: 'card' },
      h('h2', {}, t('shareTitle')),
      h('p', { class: 'muted' }, t('shareText')),
      state.shareResult && !state.plan ? shareResultView(state.shareResult) : null,
      state.plan
        ? planView(state.plan)
        : h(
            'button',
            {
              id: 'preview-share',
              disabled: busy || state.ready === false,
              onclick: () => void previewSharing(),
            },
            t('preview'),
          ),
    ),
  ];
  root.replaceChildren(...children.filter((c): c is Node | string => Boolean(c)));
}

render();
void guarded('status', async () => {
  state.ready = (await call('apiStatus')).ready;
  if (!state.ready) return;
  state.analysis = await call('apiAnalyze');
  state.progress = await call('apiProgress');
});
