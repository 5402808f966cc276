import type { Finding } from '../core/findings';
import { thaiDigitsInText, toArabicDigits, toThaiDigits } from '../core/thai';
import type { Lang } from './i18n';

/** How numbers and dates are written: Thai digits in the Thai sidebar when the settings ask for them. */
export interface Style {
  lang: Lang;
  thaiDigits: boolean;
}

export function digits(style: Style, text: string): string {
  return style.lang === 'th' && style.thaiDigits ? toThaiDigits(text) : toArabicDigits(text);
}

export function score(style: Style, v: number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  return digits(style, Number.isInteger(v) ? String(v) : v.toFixed(2));
}

export function signed(style: Style, v: number): string {
  return digits(style, `${v > 0 ? '+' : ''}${v.toFixed(2)}`);
}

/** A time as the user's browser shows it: Buddhist-era year and Thai month in Thai. */
export function when(style: Style, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale =
    style.lang === 'th' ? `th-TH-u-ca-buddhist-nu-${style.thaiDigits ? 'thai' : 'latn'}` : 'en-GB';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export interface FindingGroup {
  severity: Finding['severity'];
  code: string;
  tab: string | null;
  findings: Finding[];
}

const SEVERITIES: Finding['severity'][] = ['error', 'warning', 'info'];

function tabOf(where: string | null): string | null {
  if (!where) return null;
  const bang = where.lastIndexOf('!');
  return bang > 0 ? where.slice(0, bang) : null;
}

/** Findings of one severity, code and tab together, errors first, in the order they were found. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const severity of SEVERITIES) {
    for (const f of findings.filter((x) => x.severity === severity)) {
      const tab = tabOf(f.where);
      const key = `${severity}\u0000${f.code}\u0000${tab ?? ''}`;
      const group = groups.get(key) ?? { severity, code: f.code, tab, findings: [] };
      group.findings.push(f);
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}

function byColumnThenRow(a: { col: string; row: number }, b: { col: string; row: number }): number {
  if (a.col !== b.col) return a.col.length - b.col.length || (a.col < b.col ? -1 : 1);
  return a.row - b.row;
}

/** The cells of a group as ranges: `รายข้อ!D2:D62`, or `Tab!B3, Tab!C5:C7` when they are apart. */
export function cellRanges(cells: readonly string[], max = 3): string {
  const runs: { tab: string; col: string; from: number; to: number }[] = [];
  const parsed = [...new Set(cells)]
    .map((c) => /^(.*)!([A-Z]+)(\d+)$/.exec(c))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ tab: m[1], col: m[2], row: Number(m[3]) }))
    .sort(byColumnThenRow);
  for (const c of parsed) {
    const last = runs[runs.length - 1];
    if (last && last.tab === c.tab && last.col === c.col && c.row === last.to + 1) last.to = c.row;
    else runs.push({ tab: c.tab, col: c.col, from: c.row, to: c.row });
  }
  const text = runs.map((r) => `${r.tab}!${r.col}${r.from}${r.to > r.from ? `:${r.col}${r.to}` : ''}`);
  return text.length > max ? `${text.slice(0, max).join(', ')} +${text.length - max}` : text.join(', ');
}

/**
 * Prose in the one digit style of the settings (`ตัวเลขไทย`): Thai digits in the Thai sidebar when asked,
 * else Arabic ones; cell references, item ids and e-mail addresses keep theirs.
 */
export function proseDigits(style: Style, text: string): string {
  return style.lang === 'th' && style.thaiDigits ? thaiDigitsInText(text) : toArabicDigits(text);
}

/** A finding's message without its leading `Tab!A1: `. */
export function messageOf(f: Finding, lang: Lang): string {
  const message = lang === 'th' ? f.message : f.message_en;
  return f.where && message.startsWith(`${f.where}: `) ? message.slice(f.where.length + 2) : message;
}

/**
 * Shortens a name for a 300 px line, at a word boundary (Intl.Segmenter): never inside a word, so never
 * after a leading vowel or before a mark. A first word longer than the line is cut between graphemes, and
 * any leading vowel left at its end is dropped.
 */
export function short(text: string, max = 38): string {
  if ([...text].length <= max) return text;
  const words = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(text)].map((s) => s.segment);
  let kept = '';
  for (const w of words) {
    if ([...kept].length + [...w].length > max - 1) break;
    kept += w;
  }
  if (kept.trim() === '') {
    const graphemes = [...new Intl.Segmenter('th', { granularity: 'grapheme' }).segment(text)];
    kept = graphemes
      .slice(0, max - 1)
      .map((s) => s.segment)
      .join('');
  }
  // Never on a Thai leading vowel (เ แ โ ใ ไ, written before the consonant it follows), nor on an opening
  // bracket or a dash: "(E-…" says less than "…".
  return `${kept.replace(/[\s([{\-–/\u0e40-\u0e44]+$/, '')}…`;
}
