import { h } from '../dom';
import { digits, score, short } from '../format';
import { button, linkLine, messageView, type View } from './shared';
import { levelLabel } from './summary';

function levelName(v: View, level: string): string {
  return level === 'unknown' ? v.t('rollupUnknownLevel') : levelLabel(v, level);
}

/**
 * A coordinator's workbook (the settings and the `ผลหน่วยงาน` tab): the roll-up's figures for the assessed
 * year and the button that builds the roll-up report (the `ภาพรวมหน่วยงาน` tab, the Doc, its PDF).
 */
export function rollupView(v: View): HTMLElement | null {
  const r = v.state.overview?.rollup?.rollup;
  if (!r) return null;
  const cur = r.year !== null ? r.years[String(r.year)] : undefined;
  const n = (x: number) => digits(v.style, String(x));
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const warnings = r.findings.filter((f) => f.severity === 'warning').length;
  const links = v.state.rollupLinks;
  return h(
    'section',
    { class: 'card', id: 'rollup-card', 'aria-labelledby': 'rollup-title' },
    h('h2', { id: 'rollup-title' }, v.t('rollupTitle')),
    h('p', {}, `${short(r.scope || r.coordinator, 60)} · ${v.t('rollupYear', { year: n(r.year ?? 0) })}`),
    cur
      ? h(
          'ul',
          { class: 'plain', id: 'rollup-figures' },
          h('li', {}, v.t('rollupAgencies', { n: n(cur.agencies) })),
          h(
            'li',
            {},
            v.t('rollupMean', { mean: score(v.style, cur.mean), median: score(v.style, cur.median) }),
          ),
          h('li', {}, v.t('rollupBelow85', { n: n(cur.below85) })),
          h('li', {}, v.t('rollupLevelDown', { n: n(r.changes.levelDown.length) })),
        )
      : h('p', { class: 'warn' }, `⚠ ${v.t('rollupNoYear')}`),
    cur
      ? h(
          'ul',
          { class: 'plain', id: 'rollup-levels', 'aria-label': v.t('rollupLevels') },
          ...Object.entries(cur.levels).map(([level, count]) =>
            h('li', {}, `${levelName(v, level)}: ${n(count)}`),
          ),
        )
      : null,
    errors + warnings > 0
      ? h(
          'p',
          { class: errors > 0 ? 'warn' : 'muted' },
          v.t('rollupFindings', { e: n(errors), w: n(warnings) }),
        )
      : null,
    h(
      'div',
      { class: 'buttons' },
      button(v, 'build-rollup', v.t('rollupBuild'), () => v.actions.buildRollup(), {
        primary: true,
        disabled: v.state.busy !== null || !cur,
      }),
    ),
    v.state.busy === 'rollup' ? h('p', { class: 'muted', id: 'rollup-running' }, v.t('rollupRunning')) : null,
    links
      ? h(
          'div',
          { class: 'links', id: 'rollup-links' },
          linkLine(v, 'rollup-doc', links.docUrl, v.t('openDoc')),
          links.pdfUrl ? linkLine(v, 'rollup-pdf', links.pdfUrl, v.t('openPdf')) : null,
          h('p', { class: 'muted' }, v.t('rollupTab')),
        )
      : null,
    messageView(v, 'rollup'),
  );
}

/** The `ติดตามหน่วยงาน` tab: who of the agencies needing attention has answered. */
export function agencyFollowUpView(v: View): HTMLElement | null {
  const o = v.state.overview?.rollup;
  if (!o) return null;
  const rows = o.followUp;
  const n = (x: number) => digits(v.style, String(x));
  const SHOWN = 12;
  return h(
    'section',
    { class: 'card', id: 'agency-follow-card', 'aria-labelledby': 'agency-follow-title' },
    h('h2', { id: 'agency-follow-title' }, v.t('agencyFollowTitle')),
    rows === null
      ? h('p', {}, v.t('agencyFollowNone'))
      : h(
          'div',
          {},
          h(
            'p',
            { id: 'agency-answered' },
            v.t('agencyAnswered', { n: n(rows.filter((x) => x.answered).length), of: n(rows.length) }),
          ),
          h(
            'ul',
            { class: 'plain', id: 'agency-follow-list' },
            ...rows
              .slice(0, SHOWN)
              .map((x) =>
                h(
                  'li',
                  {},
                  h('span', { class: x.answered ? 'ok' : 'muted' }, x.answered ? '✓ ' : '○ '),
                  `${short(x.agency, 40)} · ${v.t(x.answered ? 'agencyDidAnswer' : 'agencyNotYet')}`,
                ),
              ),
          ),
          rows.length > SHOWN
            ? h('p', { class: 'muted' }, v.t('agencyMore', { n: n(rows.length - SHOWN) }))
            : null,
        ),
    h(
      'div',
      { class: 'buttons' },
      button(v, 'write-agency-follow', v.t(rows === null ? 'agencyFollowWrite' : 'agencyFollowRewrite'), () =>
        v.actions.writeAgencyFollowUp(),
      ),
    ),
    messageView(v, 'rollup-follow'),
  );
}
