import type { AnalysisJson } from '../../core/analysis/json';
import type { Labels } from '../../server/overview';
import { type Child, h, srOnly } from '../dom';
import { digits, score, short, signed } from '../format';
import type { View } from './shared';

const LEVELS_EN: Record<string, string> = {
  ผ่านดีเยี่ยม: 'Pass with excellence',
  ผ่านดี: 'Pass, good',
  ผ่าน: 'Pass',
  ไม่ผ่าน: 'Not passed',
};

export function levelLabel(v: View, level: string | null): string {
  if (!level) return '–';
  return v.state.lang === 'en' && LEVELS_EN[level] ? `${LEVELS_EN[level]} (${level})` : level;
}

/** The mark of a figure an error touches or that does not add up: a jump to the finding it comes from. */
function markView(v: View, key: string): Child {
  const m = v.state.overview?.trust?.marks[key];
  if (!m) return null;
  const where = m.where;
  return h(
    'span',
    { class: 'touched', 'data-mark': key },
    where
      ? h(
          'button',
          { type: 'button', class: 'mark-link', onclick: () => v.actions.showFinding(where) },
          '⚠',
          srOnly(` ${v.t('seeFinding', { cell: where })}`),
        )
      : '⚠',
  );
}

/** A figure given in the workbook that its finer levels contradict: both values, given and computed. */
function bothView(v: View, key: string): string | null {
  const m = v.state.overview?.trust?.marks[key];
  if (m?.given === undefined || m.computed === undefined) return null;
  return `⚠ ${key === 'total' ? '' : `${key} `}${v.t('givenComputed', { given: score(v.style, m.given), computed: score(v.style, m.computed) })}`;
}

function indicatorLine(v: View, labels: Labels, key: string, d: number): HTMLElement {
  const name = labels.indicators[key];
  const label = name ? (v.state.lang === 'th' ? name.th : name.en) : '';
  return h(
    'li',
    {},
    `${digits(v.style, key)}. ${short(label, 30)} `,
    h('span', { class: d > 0 ? 'delta up' : 'delta down' }, signed(v.style, d)),
    markView(v, `i${key}`),
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
  const both = (key: string) => {
    const text = bothView(v, key);
    return text ? h('p', { class: 'touched both', 'data-both': key }, text) : null;
  };
  return h(
    'section',
    { class: 'card', id: 'summary', 'aria-labelledby': 'summary-title' },
    h('h2', { id: 'summary-title' }, v.t('summaryTitle')),
    o.trust && o.trust.errors > 0
      ? h(
          'p',
          { class: 'warn unconfirmed', id: 'summary-unconfirmed' },
          `⚠ ${v.t('summaryUnconfirmed', { n: o.trust.errors })}`,
        )
      : null,
    h(
      'div',
      { class: 'headline' },
      h('div', { class: 'total', id: 'summary-total' }, score(v.style, cur.total), markView(v, 'total')),
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
    both('total'),
    h(
      'table',
      { class: 'tools' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...(['tool', 'scoreCol', 'changeCol'] as const).map((k) => h('th', { scope: 'col' }, v.t(k))),
        ),
      ),
      h(
        'tbody',
        {},
        ...Object.entries(cur.tools).map(([k, val]) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, k),
            h('td', {}, score(v.style, val), markView(v, k)),
            h(
              'td',
              { class: 'muted' },
              typeof a.deltas.tools[k] === 'number' ? signed(v.style, a.deltas.tools[k] as number) : '',
            ),
          ),
        ),
      ),
    ),
    ...Object.keys(cur.tools).map(both),
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
