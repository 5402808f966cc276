import type { Finding } from '../../core/findings';
import { h } from '../dom';
import { cellRanges, digits, type FindingGroup, groupFindings, messageOf, proseDigits } from '../format';
import { findingText } from '../i18n';
import { button, cellButton, groupLabel, messageView, type View } from './shared';

const GROUPS_SHOWN = 3;

/** One line per group: "รายข้อ!D2:D62: 61 ช่องไม่ใช่ตัวเลข", a jump to the first cell, a hint, the cells. */
function groupView(v: View, g: FindingGroup, index: number): HTMLElement {
  const cells = g.findings.map((f) => f.where).filter((w): w is string => Boolean(w));
  const range = cells.length > 0 ? cellRanges(cells) : null;
  const hint = findingText(v.state.overview?.findingTexts, v.state.lang, g.code, g.findings.length).hint;
  const label = groupLabel(v, g);
  return h(
    'li',
    {
      class: `finding ${g.severity}`,
      id: `group-${index}`,
      tabindex: '-1',
      'data-where': cells[0] ?? '',
      'data-code': g.code,
    },
    h(
      'span',
      { class: 'severity' },
      `${g.severity === 'error' ? '✗' : g.severity === 'warning' ? '!' : 'i'} ${v.t(g.severity)}`,
    ),
    range ? cellButton(v, `cell-${index}`, range, cells[0], 'check') : null,
    h('span', { class: 'message' }, label),
    hint ? h('div', { class: 'hint' }, proseDigits(v.style, `${v.t('howToFix')}: ${hint}`)) : null,
    g.findings.length > 1
      ? h(
          'details',
          {},
          h('summary', {}, v.t('allCells', { n: digits(v.style, String(g.findings.length)) })),
          h(
            'ul',
            { class: 'cells' },
            ...g.findings.map((f) =>
              h(
                'li',
                {},
                proseDigits(
                  v.style,
                  f.where ? `${f.where}: ${messageOf(f, v.state.lang)}` : messageOf(f, v.state.lang),
                ),
              ),
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
