import type { SharedResult } from '../../server/index';
import { h } from '../dom';
import { digits, proseDigits } from '../format';
import type { State } from '../state';
import { button, messageView, type View } from './shared';

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

function planView(v: View, plan: NonNullable<State['plan']>): HTMLElement {
  return h(
    'div',
    { class: 'confirm', id: 'share-plan', tabindex: '-1', role: 'group', 'aria-labelledby': 'plan-title' },
    h('h3', { id: 'plan-title' }, v.t('planTitle')),
    // The agencies' plan: the server's sentences (who gets which row, Google's limit, the note).
    ...(plan.said ?? []).map((l) =>
      h(
        'div',
        { class: l.warn === true && 'warn' },
        h('p', {}, proseDigits(v.style, l[v.state.lang])),
        l.items
          ? h(
              'ul',
              { class: 'emails' },
              ...l.items.map((e) => h('li', {}, e)),
              l.more ? h('li', {}, `… +${digits(v.style, String(l.more))}`) : null,
            )
          : null,
      ),
    ),
    h(
      'p',
      {},
      v.t('planProtect', {
        n: digits(v.style, String(plan.measureProtections.length)),
        tabs: plan.teamTabs.join(', '),
      }),
    ),
    plan.hasMeasures ? null : h('p', { class: 'warn' }, v.t('planNoMeasures')),
    plan.hasReport && v.state.overview?.lastReport?.unconfirmed
      ? h('p', { class: 'warn', id: 'plan-unconfirmed' }, `⚠ ${v.t('planUnconfirmed')}`)
      : null,
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
        { primary: true, disabled: v.state.busy !== null || plan.overLimit },
      ),
      button(v, 'cancel-share', v.t('cancel'), () => v.actions.cancelSharing()),
    ),
  );
}

/** A file's word, by what a refusal names. */
export const FILE_KEY = {
  spreadsheet: 'fileSheet',
  protection: 'fileProtection',
  doc: 'fileDoc',
  pdf: 'filePdf',
} as const;

/** Every address Google refused, with why and what to do; every file the user could not reach. */
function shareResultView(v: View, result: SharedResult): HTMLElement | null {
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
      ...result.refused.map((r, i) =>
        h(
          'li',
          {},
          h('strong', {}, r.email),
          ` (${v.t(FILE_KEY[r.target])}): ${result.advice.refused[i]?.[v.state.lang] ?? r.message}`,
        ),
      ),
      ...result.unreachable.map((u, i) =>
        h('li', {}, result.advice.unreachable[i]?.[v.state.lang] ?? u.message),
      ),
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
    s.plan
      ? planView(v, s.plan)
      : button(v, 'preview-share', v.t('preview'), () => v.actions.previewSharing(), {
          disabled: s.busy !== null || (s.overview?.ready === false && !s.overview.rollup),
        }),
    // The result where focus lands: the message with the counts per file, then each refusal and what to do.
    messageView(v, 'share'),
    s.shareResult && !s.plan ? shareResultView(v, s.shareResult) : null,
  );
}
