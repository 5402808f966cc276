import type { AnalysisJson } from '../core/analysis/json';
import type { Finding } from '../core/findings';
import type { DivisionFollowUp } from '../core/measures/follow-up';
import { REFUSAL_ADVICE, type SharingPlan, UNREACHABLE_ADVICE } from '../core/measures/sharing';
import type { ReadinessCheck } from '../core/readiness';
import type { LastReport } from '../server/last-report';
import type { Labels } from '../server/overview';
import type { ReportLinks } from '../server/report-doc';
import type { SharingResult } from '../server/sharing';
import { type Child, h, srOnly } from './dom';
import {
  cellRanges,
  digits,
  type FindingGroup,
  groupFindings,
  messageOf,
  proseDigits,
  type Style,
  score,
  short,
  signed,
  when,
} from './format';
import { findingText, type Key } from './i18n';
import type { Place, State, Step } from './state';

/** What the views call back: every action the sidebar offers. */
export interface Actions {
  toggleLanguage(): void;
  createTemplate(withSample: boolean): void;
  askSample(): void;
  check(): void;
  build(force: boolean): void;
  cancelConfirm(): void;
  showAllGroups(all: boolean): void;
  selectCell(where: string, at: Place): void;
  copyPdfLink(): void;
  /** Copies a read-only field's text, then says so with the message of `done`. */
  copyText(inputId: string, done: Key): void;
  selectMeasureRows(rows: number[]): void;
  buildResults(): void;
  previewSharing(): void;
  applySharing(): void;
  cancelSharing(): void;
  setNotify(on: boolean): void;
  setShareSpreadsheet(on: boolean): void;
}

export interface View {
  state: State;
  t: (key: Key, vars?: Record<string, string | number>) => string;
  style: Style;
  actions: Actions;
}

const GROUPS_SHOWN = 3;

/** A button that stays focusable while the sidebar is busy (aria-disabled), so focus never drops. */
function button(
  v: View,
  id: string,
  label: string,
  onclick: () => void,
  options: { primary?: boolean; disabled?: boolean; cls?: string } = {},
): HTMLElement {
  const off = options.disabled ?? v.state.busy !== null;
  return h(
    'button',
    {
      type: 'button',
      id,
      class: [options.primary ? 'action' : '', options.cls ?? ''].join(' ').trim() || false,
      'aria-disabled': off ? 'true' : false,
      onclick: () => {
        if (!off) onclick();
      },
    },
    label,
  );
}

/** The message of an action, where it happened: a server error looks unlike a data finding. */
export function messageView(v: View, at: Place): HTMLElement | null {
  const m = v.state.message;
  if (!m || m.at !== at) return null;
  const text = v.state.lang === 'th' ? m.th : m.en;
  if (m.kind === 'notice')
    return h('div', { class: 'notice', id: `${at}-notice`, tabindex: '-1', role: 'status' }, `✓ ${text}`);
  return h(
    'div',
    { class: `server-error ${m.kind}`, id: `${at}-error`, role: 'alert', tabindex: '-1' },
    h('strong', {}, `⚠ ${v.t('serverError')}: `),
    text,
  );
}

export function headerView(v: View): HTMLElement {
  return h(
    'header',
    {},
    h('h1', { class: 'brand' }, 'ita-report'),
    h(
      'button',
      {
        type: 'button',
        class: 'lang',
        id: 'lang',
        lang: v.state.lang === 'th' ? 'en' : 'th',
        'aria-label': v.t('switchToLabel'),
        onclick: () => v.actions.toggleLanguage(),
      },
      v.t('switchTo'),
    ),
  );
}

export function startView(v: View): HTMLElement | null {
  if (v.state.overview?.ready !== false) return null;
  const confirming = v.state.confirm?.kind === 'sample';
  return h(
    'section',
    { class: 'card', id: 'start-card', 'aria-labelledby': 'start-title' },
    h('h2', { id: 'start-title' }, v.t('startTitle')),
    h('p', {}, v.t('startText')),
    h(
      'div',
      { class: 'buttons' },
      button(v, 'create-empty', v.t('createEmpty'), () => v.actions.createTemplate(false), { primary: true }),
      confirming ? null : button(v, 'create-sample', v.t('createSample'), () => v.actions.askSample()),
    ),
    confirming
      ? h(
          'div',
          { class: 'confirm', id: 'sample-confirm', tabindex: '-1' },
          h('p', { class: 'warn' }, `⚠ ${v.t('sampleWarn')}`),
          h(
            'div',
            { class: 'buttons' },
            button(v, 'confirm-sample', v.t('sampleConfirm'), () => v.actions.createTemplate(true)),
            button(v, 'cancel-sample', v.t('cancel'), () => v.actions.cancelConfirm()),
          ),
        )
      : h('p', { class: 'muted' }, v.t('sampleWarn')),
    messageView(v, 'start'),
  );
}

function linkLine(id: string, href: string, label: string): HTMLElement {
  return h('a', { href, target: '_blank', rel: 'noopener', id }, label);
}

function sharedView(v: View, last: LastReport): HTMLElement {
  const shared = last.shared;
  if (!shared) return h('p', { class: 'muted' }, v.t('notShared'));
  return h(
    'div',
    {},
    h(
      'p',
      {},
      v.t('sharedWith', { n: digits(v.style, String(shared.emails.length)), when: when(v.style, shared.at) }),
    ),
    h('ul', { class: 'emails' }, ...shared.emails.map((e) => h('li', {}, e))),
  );
}

export function lastReportView(v: View): HTMLElement | null {
  const last = v.state.overview?.lastReport;
  if (!last) return null;
  const changed = last.inputsChanged || last.measuresChanged;
  return h(
    'section',
    { class: 'card', id: 'last-report', 'aria-labelledby': 'last-title' },
    h('h2', { id: 'last-title' }, v.t('lastTitle')),
    h('p', { id: 'last-when' }, v.t('lastWhen', { when: when(v.style, last.at), who: last.by || '–' })),
    last.unconfirmed
      ? h('p', { class: 'warn', id: 'last-unconfirmed' }, `⚠ ${v.t('lastUnconfirmed')}`)
      : null,
    last.draft ? h('p', { class: 'warn', id: 'last-draft' }, `⚠ ${v.t('draftReport')}`) : null,
    last.inputsChanged ? h('p', { class: 'warn', id: 'data-changed' }, `⚠ ${v.t('inputsChanged')}`) : null,
    last.measuresChanged
      ? h('p', { class: 'warn', id: 'measures-changed' }, `⚠ ${v.t('measuresChanged')}`)
      : null,
    changed ? null : h('p', { class: 'ok', id: 'up-to-date' }, `✓ ${v.t('upToDate')}`),
    h(
      'div',
      { class: 'links' },
      linkLine('last-doc', last.docUrl, v.t('openDoc')),
      last.pdfUrl ? linkLine('last-pdf', last.pdfUrl, v.t('openPdf')) : null,
    ),
    last.pdfUrl
      ? h(
          'div',
          { class: 'copy' },
          h('label', { for: 'pdf-url', class: 'muted' }, v.t('pdfLink')),
          h(
            'div',
            { class: 'copy-row' },
            h('input', { id: 'pdf-url', type: 'text', readonly: true, value: last.pdfUrl }),
            button(v, 'copy-pdf', v.t('copy'), () => v.actions.copyPdfLink(), { disabled: false }),
          ),
          h('p', { class: 'muted' }, v.t('pdfStable')),
        )
      : null,
    sharedView(v, last),
    messageView(v, 'last'),
  );
}

function groupLabel(v: View, g: FindingGroup): string {
  const first = g.findings[0];
  if (g.findings.length === 1) return proseDigits(v.style, messageOf(first, v.state.lang));
  const known = findingText(v.state.lang, g.code, g.findings.length).label;
  const n = digits(v.style, String(g.findings.length));
  return known ? digits(v.style, known) : `${v.t('cellsOf', { n })}: ${messageOf(first, v.state.lang)}`;
}

/** One line per group: "รายข้อ!D2:D62: 61 ช่องไม่ใช่ตัวเลข", a jump to the first cell, a hint, the cells. */
function groupView(v: View, g: FindingGroup, index: number): HTMLElement {
  const cells = g.findings.map((f) => f.where).filter((w): w is string => Boolean(w));
  const range = cells.length > 0 ? cellRanges(cells) : null;
  const hint = findingText(v.state.lang, g.code, g.findings.length).hint;
  const label = groupLabel(v, g);
  return h(
    'li',
    { class: `finding ${g.severity}`, 'data-where': cells[0] ?? '', 'data-code': g.code },
    h(
      'span',
      { class: 'severity' },
      `${g.severity === 'error' ? '✗' : g.severity === 'warning' ? '!' : 'i'} ${v.t(g.severity)}`,
    ),
    range
      ? h(
          'button',
          {
            type: 'button',
            class: 'cell',
            id: `cell-${index}`,
            'aria-label': `${range} (${v.t('goToCell', { cell: cells[0] })})`,
            onclick: () => v.actions.selectCell(cells[0], 'check'),
          },
          range,
        )
      : null,
    h('span', { class: 'message' }, label),
    hint ? h('div', { class: 'hint' }, `${v.t('howToFix')}: ${hint}`) : null,
    g.findings.length > 1
      ? h(
          'details',
          {},
          h('summary', {}, v.t('allCells', { n: digits(v.style, String(g.findings.length)) })),
          h(
            'ul',
            { class: 'cells' },
            ...g.findings.map((f) =>
              h('li', {}, f.where ? `${f.where}: ${messageOf(f, v.state.lang)}` : messageOf(f, v.state.lang)),
            ),
          ),
        )
      : null,
  );
}

export function findingsView(v: View, findings: Finding[]): HTMLElement {
  if (findings.length === 0) return h('p', { class: 'ok', id: 'no-findings' }, `✓ ${v.t('noFindings')}`);
  const groups = groupFindings(findings);
  const shown = v.state.allGroups ? groups : groups.slice(0, GROUPS_SHOWN);
  const count = (s: Finding['severity']) =>
    digits(v.style, String(findings.filter((f) => f.severity === s).length));
  return h(
    'div',
    { id: 'findings' },
    h(
      'p',
      { class: 'muted' },
      v.t('findingsCount', { e: count('error'), w: count('warning'), i: count('info') }),
    ),
    h('ul', { class: 'findings' }, ...shown.map((g, i) => groupView(v, g, i))),
    groups.length > GROUPS_SHOWN
      ? button(
          v,
          'more-groups',
          v.state.allGroups
            ? v.t('fewerGroups')
            : v.t('moreGroups', { n: digits(v.style, String(groups.length - GROUPS_SHOWN)) }),
          () => v.actions.showAllGroups(!v.state.allGroups),
          { disabled: false, cls: 'link' },
        )
      : null,
  );
}

export function checkView(v: View): HTMLElement {
  const a = v.state.overview?.analysis;
  return h(
    'section',
    { class: 'card', id: 'check-card', 'aria-labelledby': 'check-title' },
    h('h2', { id: 'check-title' }, v.t('checkTitle')),
    button(v, 'check', v.state.busy === 'check' ? v.t('checking') : v.t('check'), () => v.actions.check(), {
      disabled: v.state.busy !== null || v.state.overview?.ready === false,
    }),
    messageView(v, 'check'),
    a ? findingsView(v, a.findings) : null,
  );
}

const CHECK_TEXT: Record<ReadinessCheck['id'], { ok: Key; fail: Key; todo?: Key }> = {
  errors: { ok: 'errorsOk', fail: 'errorsFail' },
  years: { ok: 'yearsOk', fail: 'yearsFail' },
  indicators: { ok: 'indicatorsOk', fail: 'indicatorsFail' },
  measures: { ok: 'measuresOk', fail: 'measuresFail', todo: 'measuresTodo' },
  approval: { ok: 'approvalOk', fail: 'approvalFail' },
  emails: { ok: 'emailsOk', fail: 'emailsFail' },
};

function checkLine(v: View, c: ReadinessCheck, year: number | null): HTMLElement {
  const keys = CHECK_TEXT[c.id];
  let key: Key = c.state === 'ok' ? keys.ok : c.state === 'todo' ? (keys.todo ?? keys.ok) : keys.fail;
  if (c.id === 'emails' && c.state === 'fail' && c.missing.length === 0) key = 'emailsNone';
  const line = v.t(key, {
    n: digits(v.style, String(c.count)),
    missing: c.id === 'approval' ? c.missing.join(', ') : digits(v.style, c.missing.join(', ')),
    year: digits(v.style, String(year ?? '')),
    prev: digits(v.style, String((year ?? 0) - 1)),
  });
  const mark = c.state === 'ok' ? '✓' : c.state === 'todo' ? '○' : '✗';
  const word = v.t(c.state === 'ok' ? 'stateOk' : c.state === 'todo' ? 'stateTodo' : 'stateFail');
  return h(
    'li',
    { class: `check-line ${c.state}`, 'data-check': c.id },
    h('span', { class: 'mark', 'aria-hidden': 'true' }, mark),
    srOnly(`${word}: `),
    h('span', {}, line),
    c.where && c.state === 'fail'
      ? h(
          'button',
          {
            type: 'button',
            class: 'cell',
            'aria-label': v.t('goToCell', { cell: c.where }),
            onclick: () => v.actions.selectCell(c.where as string, 'build'),
          },
          c.where,
        )
      : null,
  );
}

function readinessView(v: View): HTMLElement | null {
  const o = v.state.overview;
  if (!o || o.readiness.length === 0) return null;
  return h(
    'div',
    { id: 'readiness' },
    h('h3', {}, v.t('readinessTitle')),
    h('ul', { class: 'checklist' }, ...o.readiness.map((c) => checkLine(v, c, o.analysis?.year ?? null))),
  );
}

function stepLine(v: View, s: Step, running: boolean): HTMLElement {
  const marks = { waiting: '○', running: '…', done: '✓', failed: '✗', stopped: '–' };
  const words: Record<Step['state'], Key> = {
    waiting: 'stepStopped',
    running: 'stepRunning',
    done: 'stepDone',
    failed: 'stepFailed',
    stopped: 'stepStopped',
  };
  return h(
    'li',
    { class: s.state },
    h('span', { class: 'mark', 'aria-hidden': 'true' }, marks[s.state]),
    h('span', { class: 'step-state' }, `${v.t(words[s.state])}: `),
    v.t(s.key),
    s.seconds !== undefined || running
      ? h(
          'span',
          { class: 'muted', id: running ? 'elapsed' : false },
          ` (${v.t('seconds', { n: digits(v.style, String(s.seconds ?? 0)) })})`,
        )
      : null,
    s.counts
      ? h(
          'div',
          { class: 'muted' },
          v.t('measuresDone', {
            rows: digits(v.style, String(s.counts.rows)),
            added: digits(v.style, String(s.counts.added)),
            kept: digits(v.style, String(s.counts.kept)),
          }),
        )
      : null,
  );
}

function confirmBuildView(v: View): HTMLElement | null {
  const c = v.state.confirm;
  if (c?.kind !== 'build') return null;
  const errors = (v.state.overview?.analysis?.findings ?? []).filter((f) => f.severity === 'error');
  const groups = groupFindings(errors);
  const lines = groups.slice(0, 5).map((g) => {
    const cells = g.findings.map((f) => f.where).filter((w): w is string => Boolean(w));
    return `${cells.length > 0 ? `${cellRanges(cells)}: ` : ''}${groupLabel(v, g)}`;
  });
  if (groups.length > 5) lines.push(v.t('moreGroups', { n: digits(v.style, String(groups.length - 5)) }));
  return h(
    'div',
    {
      class: 'confirm danger',
      id: 'build-confirm',
      tabindex: '-1',
      role: 'group',
      'aria-labelledby': 'build-confirm-title',
    },
    h(
      'p',
      { id: 'build-confirm-title' },
      h('strong', {}, `✗ ${v.t('confirmErrors', { n: digits(v.style, String(errors.length)) })}`),
    ),
    lines.length > 0
      ? h('ul', { class: 'confirm-errors' }, ...lines.map((l) => h('li', {}, l)))
      : c.serverText
        ? h('p', {}, v.state.lang === 'th' ? c.serverText.th : c.serverText.en)
        : null,
    h('p', {}, v.t('confirmErrorsText')),
    h(
      'div',
      { class: 'buttons' },
      button(v, 'build-anyway', v.t('buildAnyway'), () => v.actions.build(true)),
      button(v, 'build-cancel', v.t('fixFirst'), () => v.actions.cancelConfirm()),
    ),
  );
}

function linksView(v: View): HTMLElement | null {
  const links = v.state.links;
  if (!links) return null;
  return h(
    'div',
    { class: 'links', id: 'links' },
    linkLine('doc-link', links.docUrl, v.t('openDoc')),
    links.pdfUrl
      ? linkLine('pdf-link', links.pdfUrl, v.t('openPdf'))
      : h('span', { class: 'muted' }, v.t('noPdf', { why: links.pdfError ?? '' })),
    links.draft ? h('p', { class: 'warn', id: 'draft-note' }, `⚠ ${v.t('draftReport')}`) : null,
    h('p', { class: 'muted' }, v.t('pageNumbers')),
  );
}

export function buildView(v: View): HTMLElement {
  const s = v.state;
  const rebuild = Boolean(s.overview?.lastReport);
  const running = s.busy === 'build';
  return h(
    'section',
    { class: 'card', id: 'build-card', 'aria-labelledby': 'build-title' },
    h('h2', { id: 'build-title' }, v.t('buildTitle')),
    readinessView(v),
    h('p', { class: 'muted' }, v.t('buildText')),
    rebuild ? h('p', { class: 'note', id: 'rebuild-note' }, v.t('rebuildNote')) : null,
    button(
      v,
      'build',
      running ? v.t('building') : rebuild ? v.t('rebuild') : v.t('build'),
      () => v.actions.build(false),
      {
        primary: true,
        disabled: s.busy !== null || s.overview?.ready === false || s.confirm?.kind === 'build',
      },
    ),
    confirmBuildView(v),
    running ? h('p', { class: 'muted', id: 'wait-note' }, v.t('waitNote')) : null,
    s.steps.length > 0
      ? h(
          'ol',
          { class: 'steps', id: 'steps' },
          ...s.steps.map((step) => stepLine(v, step, step.state === 'running')),
        )
      : null,
    messageView(v, 'build'),
    linksView(v),
  );
}

/** A labelled checkbox whose change goes to `onChange`. */
function checkbox(id: string, checked: boolean, onChange: (checked: boolean) => void, label: string) {
  return h(
    'label',
    { class: 'check' },
    h('input', {
      type: 'checkbox',
      id,
      checked,
      onchange: (e: Event) => onChange((e.target as HTMLInputElement).checked),
    }),
    ` ${label}`,
  );
}

function planView(v: View, plan: SharingPlan): HTMLElement {
  return h(
    'div',
    { class: 'confirm', id: 'share-plan', tabindex: '-1', role: 'group', 'aria-labelledby': 'plan-title' },
    h('h3', { id: 'plan-title' }, v.t('planTitle')),
    h(
      'p',
      {},
      v.t('planProtect', {
        n: digits(v.style, String(plan.measureProtections.length)),
        tabs: plan.teamTabs.join(', '),
      }),
    ),
    plan.hasMeasures ? null : h('p', { class: 'warn' }, v.t('planNoMeasures')),
    !plan.hasReport ? h('p', { class: 'muted' }, v.t('planNoReport')) : null,
    plan.viewers.length === 0
      ? h('p', { class: 'muted' }, v.t('noDivisions'))
      : plan.hasReport
        ? h(
            'div',
            {},
            h('p', {}, v.t('planShare')),
            h('ul', { class: 'emails' }, ...plan.viewers.map((e) => h('li', {}, e))),
          )
        : null,
    plan.withoutAccess.length > 0
      ? h(
          'div',
          { class: 'warn' },
          h('p', {}, v.t('planMissing')),
          h('ul', { class: 'emails' }, ...plan.withoutAccess.map((e) => h('li', {}, e))),
          checkbox(
            'share-spreadsheet',
            v.state.shareSpreadsheet,
            v.actions.setShareSpreadsheet,
            v.t('shareSheet'),
          ),
        )
      : null,
    plan.foreignProtections.length > 0
      ? h(
          'div',
          { class: 'muted', id: 'foreign-protections' },
          h('p', {}, v.t('planForeign')),
          h(
            'ul',
            { class: 'emails' },
            ...plan.foreignProtections.map((f) =>
              h('li', {}, f.description ? `${f.where} (${f.description})` : f.where),
            ),
          ),
        )
      : null,
    checkbox('notify', v.state.notify, v.actions.setNotify, v.t('notify')),
    h(
      'div',
      { class: 'buttons' },
      button(
        v,
        'confirm-share',
        v.state.busy === 'share' ? v.t('sharing') : v.t('confirm'),
        () => v.actions.applySharing(),
        { primary: true },
      ),
      button(v, 'cancel-share', v.t('cancel'), () => v.actions.cancelSharing()),
    ),
  );
}

const FILE_KEY = {
  spreadsheet: 'fileSheet',
  protection: 'fileProtection',
  doc: 'fileDoc',
  pdf: 'filePdf',
} as const;

/** Every address Google refused, with why and what to do; every file the user could not reach. */
function shareResultView(v: View, result: SharingResult): HTMLElement | null {
  if (result.refused.length === 0 && result.unreachable.length === 0 && result.withoutAccess.length === 0)
    return null;
  return h(
    'div',
    { class: 'warn', id: 'share-refused' },
    result.withoutAccess.length > 0
      ? h(
          'p',
          { id: 'still-without-access' },
          v.t('stillWithout', { emails: result.withoutAccess.join(', ') }),
        )
      : null,
    result.refused.length + result.unreachable.length > 0 ? h('p', {}, v.t('refusedTitle')) : null,
    h(
      'ul',
      { class: 'emails' },
      ...result.refused.map((r) =>
        h(
          'li',
          {},
          h('strong', {}, r.email),
          ` (${v.t(FILE_KEY[r.target])}): ${REFUSAL_ADVICE[r.reason][v.state.lang]}`,
        ),
      ),
      ...result.unreachable.map((u) => h('li', {}, UNREACHABLE_ADVICE[u.what][v.state.lang])),
    ),
  );
}

export function shareView(v: View): HTMLElement {
  const s = v.state;
  return h(
    'section',
    { class: 'card', id: 'share-card', 'aria-labelledby': 'share-title' },
    h('h2', { id: 'share-title' }, v.t('shareTitle')),
    h('p', { class: 'muted' }, v.t('shareText')),
    s.shareResult && !s.plan ? shareResultView(v, s.shareResult) : null,
    s.plan
      ? planView(v, s.plan)
      : button(v, 'preview-share', v.t('preview'), () => v.actions.previewSharing(), {
          disabled: s.busy !== null || s.overview?.ready === false,
        }),
    messageView(v, 'share'),
  );
}

const LEVELS_EN: Record<string, string> = {
  ผ่านดีเยี่ยม: 'Pass with excellence',
  ผ่านดี: 'Pass, good',
  ผ่าน: 'Pass',
  ไม่ผ่าน: 'Not passed',
};

function levelLabel(v: View, level: string | null): string {
  if (!level) return '–';
  return v.state.lang === 'en' && LEVELS_EN[level] ? `${LEVELS_EN[level]} (${level})` : level;
}

function indicatorLine(v: View, labels: Labels, key: string, d: number): HTMLElement {
  const name = labels.indicators[key];
  const label = name ? (v.state.lang === 'th' ? name.th : name.en) : '';
  return h(
    'li',
    {},
    `${digits(v.style, key)}. ${short(label, 30)} `,
    h('span', { class: d > 0 ? 'delta up' : 'delta down' }, signed(v.style, d)),
  );
}

function weakLine(v: View, labels: Labels, w: AnalysisJson['weakest'][number]): HTMLElement {
  const topic = labels.items[w.item];
  return h(
    'li',
    {},
    h('span', { class: 'item-id' }, w.item),
    w.part ? ` ${v.t('part', { n: digits(v.style, String(w.part)) })}` : '',
    topic ? ` · ${short(topic)}` : '',
    h('span', { class: 'item-score' }, ` ${score(v.style, w.score)}`),
  );
}

function listOrNone(v: View, title: string, items: HTMLElement[], id: string): Child[] {
  return [
    h('h3', {}, title),
    items.length > 0 ? h('ul', { class: 'plain', id }, ...items) : h('p', { class: 'muted' }, v.t('none')),
  ];
}

export function summaryView(v: View): HTMLElement | null {
  const o = v.state.overview;
  const a = o?.analysis;
  const cur = a && a.year !== null ? a.scores[String(a.year)] : undefined;
  if (!o || !a || !cur) return null;
  const prevYear = Math.max(
    ...Object.keys(a.scores)
      .map(Number)
      .filter((y) => y < (a.year as number)),
  );
  const inds = Object.entries(a.deltas.indicators).filter((x): x is [string, number] => x[1] !== null);
  const SHOWN = 8;
  const weakest = a.weakest.slice(0, SHOWN).map((w) => weakLine(v, o.labels, w));
  if (a.weakest.length > SHOWN)
    weakest.push(
      h('li', { class: 'muted' }, v.t('more', { n: digits(v.style, String(a.weakest.length - SHOWN)) })),
    );
  return h(
    'section',
    { class: 'card', id: 'summary', 'aria-labelledby': 'summary-title' },
    h('h2', { id: 'summary-title' }, v.t('summaryTitle')),
    h(
      'div',
      { class: 'headline' },
      h('div', { class: 'total' }, score(v.style, cur.total)),
      h(
        'div',
        {},
        h('div', { class: 'level' }, `${v.t('level')} ${levelLabel(v, cur.level)}`),
        a.deltas.total !== null && Number.isFinite(prevYear)
          ? h(
              'div',
              { class: a.deltas.total >= 0 ? 'delta up' : 'delta down' },
              `${signed(v.style, a.deltas.total)} ${v.t('from')} ${digits(v.style, String(prevYear))}`,
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
        ...Object.entries(cur.tools).map(([k, val]) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, k),
            h('td', {}, score(v.style, val)),
            h(
              'td',
              { class: 'muted' },
              typeof a.deltas.tools[k] === 'number' ? signed(v.style, a.deltas.tools[k] as number) : '',
            ),
          ),
        ),
      ),
    ),
    ...listOrNone(
      v,
      v.t('up'),
      inds.filter(([, d]) => d > 0).map(([k, d]) => indicatorLine(v, o.labels, k, d)),
      'indicators-up',
    ),
    ...listOrNone(
      v,
      v.t('down'),
      inds.filter(([, d]) => d < 0).map(([k, d]) => indicatorLine(v, o.labels, k, d)),
      'indicators-down',
    ),
    ...listOrNone(v, v.t('weakest'), weakest, 'weakest'),
  );
}

/** The first late measures in sight; past three, the rest behind "and N more", so one card stays short. */
function lateList(v: View, late: DivisionFollowUp['lateMeasures']): HTMLElement | null {
  if (late.length === 0) return null;
  const line = (m: DivisionFollowUp['lateMeasures'][number]) =>
    h(
      'li',
      {},
      h('span', { class: 'severity' }, `⚠ ${v.t('followLate')}: `),
      m.title,
      h(
        'span',
        { class: 'muted' },
        ` (${proseDigits(v.style, v.state.lang === 'th' ? m.why.th : m.why.en)})`,
      ),
    );
  const shown = h('ul', { class: 'late-list' }, ...late.slice(0, 3).map(line));
  if (late.length <= 3) return shown;
  const rest = late.slice(3);
  return h(
    'div',
    {},
    shown,
    h(
      'details',
      { class: 'late-more' },
      h('summary', {}, v.t('more', { n: digits(v.style, String(rest.length)) })),
      h('ul', { class: 'late-list' }, ...rest.map(line)),
    ),
  );
}

/** One division's line: its counts, its late measures with why, and a jump to its rows. */
function divisionFollowUp(v: View, d: DivisionFollowUp): HTMLElement {
  const n = (x: number) => digits(v.style, String(x));
  const name = d.name && d.name !== d.code ? `${d.name} (${d.code})` : d.code;
  return h(
    'li',
    { class: d.late > 0 ? 'division late' : 'division' },
    h('strong', {}, name),
    d.total === 0
      ? h('p', { class: 'muted' }, v.t('followNone'))
      : h(
          'p',
          {},
          v.t('followCounts', {
            done: n(d.done),
            underWay: n(d.underWay),
            late: n(d.late),
            notStarted: n(d.notStarted),
          }) + (d.cancelled > 0 ? v.t('followCountsCancelled', { cancelled: n(d.cancelled) }) : ''),
        ),
    lateList(v, d.lateMeasures),
    d.rows.length > 0
      ? button(
          v,
          `jump-${d.code}`,
          v.t('followJump', { code: d.code }),
          () => v.actions.selectMeasureRows(d.rows),
          {
            disabled: false,
            cls: 'link-button',
          },
        )
      : null,
  );
}

/** The e-mails of the divisions with late measures, in a field to copy from. */
function lateEmailsView(v: View, emails: string[]): HTMLElement | null {
  if (emails.length === 0) return h('p', { class: 'ok', id: 'no-late' }, `✓ ${v.t('followNoLate')}`);
  return h(
    'div',
    { class: 'copy' },
    h('label', { for: 'late-emails', class: 'muted' }, v.t('lateEmails')),
    // A text area, not a one-line field: at 300 px every address stays in sight, wrapped after its comma.
    h(
      'textarea',
      { id: 'late-emails', class: 'emails', readonly: true, rows: String(Math.min(6, emails.length)) },
      emails.join(', '),
    ),
    button(v, 'copy-emails', v.t('copyEmails'), () => v.actions.copyText('late-emails', 'emailsCopied'), {
      disabled: false,
    }),
  );
}

/** Follow-up for the team: each division's measures by state, the late ones named, and the results report. */
export function followUpView(v: View): HTMLElement | null {
  const f = v.state.overview?.followUp;
  if (!f) return null;
  const n = (x: number) => digits(v.style, String(x));
  const sum = (k: 'done' | 'underWay' | 'late' | 'notStarted') => f.totals[k];
  const results = v.state.resultsLinks;
  const running = v.state.busy === 'results';
  return h(
    'section',
    { class: 'card', id: 'follow-up', 'aria-labelledby': 'follow-title' },
    h('h2', { id: 'follow-title' }, v.t('followTitle')),
    h(
      'p',
      { id: 'follow-line' },
      v.t('followLine', {
        asOf: v.state.lang === 'th' ? proseDigits(v.style, f.asOf) : f.asOfIso,
        total: n(f.totals.total),
        done: n(sum('done')),
        underWay: n(sum('underWay')),
        late: n(sum('late')),
        notStarted: n(sum('notStarted')),
      }) + (f.totals.cancelled > 0 ? v.t('followCancelled', { cancelled: n(f.totals.cancelled) }) : ''),
    ),
    h(
      'ul',
      { class: 'divisions', id: 'follow-divisions' },
      ...f.divisions.map((d) => divisionFollowUp(v, d)),
    ),
    lateEmailsView(v, f.lateEmails),
    h('p', { class: 'muted' }, v.t('resultsText')),
    button(
      v,
      'build-results',
      running ? v.t('buildingResults') : v.t('buildResults'),
      () => v.actions.buildResults(),
      {
        primary: false,
      },
    ),
    messageView(v, 'follow'),
    resultsLinksView(v, results),
  );
}

/** The results report just built, or the last one (who built it when, and whether the tab changed since). */
function resultsLinksView(v: View, built: ReportLinks | null): HTMLElement | null {
  const last = v.state.overview?.lastResults ?? null;
  const links = built ?? last;
  if (!links) return null;
  return h(
    'div',
    { class: 'links', id: 'results-links' },
    !built && last
      ? h(
          'p',
          { id: 'results-when' },
          v.t('resultsLast', { when: when(v.style, last.at), who: last.by || '–' }),
        )
      : null,
    last?.measuresChanged && !built
      ? h('p', { class: 'warn', id: 'results-changed' }, `⚠ ${v.t('resultsChanged')}`)
      : null,
    linkLine('results-doc', links.docUrl, v.t('openDoc')),
    links.pdfUrl ? linkLine('results-pdf', links.pdfUrl, v.t('openPdf')) : null,
  );
}
