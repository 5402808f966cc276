import type { DivisionFollowUp } from '../../core/measures/follow-up';
import type { ReportLinks } from '../../server/report-doc';
import { h } from '../dom';
import { digits, proseDigits, when } from '../format';
import { button, linkLine, messageView, type View } from './shared';

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
    links.pdfUrl
      ? linkLine('results-pdf', links.pdfUrl, v.t('openPdf'))
      : built?.pdfLater && built.pdfError === null
        ? h('span', { class: 'muted', id: 'results-pdf-pending' }, v.t('pdfPending'))
        : null,
  );
}
