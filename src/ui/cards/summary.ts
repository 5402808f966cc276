import type { AnalysisJson } from '../../core/analysis/json';
import type { Labels } from '../../server/overview';
import { type Child, h } from '../dom';
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
