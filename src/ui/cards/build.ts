import type { ReadinessCheck } from '../../core/readiness';
import { h, srOnly } from '../dom';
import { cellRanges, digits, groupFindings } from '../format';
import type { Key } from '../i18n';
import type { Step } from '../state';
import { button, groupLabel, linkLine, messageView, type View } from './shared';

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
      : links.pdfLater && links.pdfError === null
        ? h('span', { class: 'muted', id: 'pdf-pending' }, v.t('pdfPending'))
        : h('span', { class: 'muted' }, v.t('noPdf', { why: links.pdfError ?? '' })),
    ...(links.warnings ?? []).map((w) => h('p', { class: 'warn build-warning' }, `⚠ ${w[v.state.lang]}`)),
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
