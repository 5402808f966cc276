import type { LastReport } from '../../server/last-report';
import { h } from '../dom';
import { digits, when } from '../format';
import { button, changesView, fileCounts, linkLine, messageView, type View } from './shared';

function sharedView(v: View, last: LastReport): HTMLElement {
  const shared = last.shared;
  if (!shared) return h('p', { class: 'muted' }, v.t('notShared'));
  return h(
    'div',
    {},
    h(
      'p',
      {},
      v.t('sharedWith', {
        n: digits(v.style, String(shared.emails.length)),
        when: when(v.style, shared.at),
        files: shared.files ? fileCounts(v, shared.files) : '–',
      }),
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
    changesView(v, last.changes, 'changes'),
    // No "✓ matches" under a report that is itself unconfirmed.
    changed || last.unconfirmed ? null : h('p', { class: 'ok', id: 'up-to-date' }, `✓ ${v.t('upToDate')}`),
    h(
      'div',
      { class: 'links' },
      linkLine(v, 'last-doc', last.docUrl, v.t('openDoc')),
      last.pdfUrl ? linkLine(v, 'last-pdf', last.pdfUrl, v.t('openPdf')) : null,
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
