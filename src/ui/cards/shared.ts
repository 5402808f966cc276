import { h } from '../dom';
import { digits, type FindingGroup, messageOf, proseDigits, type Style } from '../format';
import { findingText, type Key } from '../i18n';
import type { Place, State } from '../state';

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
  /** A coordinator's workbook: the roll-up report, and the agencies' follow-up tab. */
  buildRollup(): void;
  writeAgencyFollowUp(): void;
}

export interface View {
  state: State;
  t: (key: Key, vars?: Record<string, string | number>) => string;
  style: Style;
  actions: Actions;
}

const _GROUPS_SHOWN = 3;

/** A button that stays focusable while the sidebar is busy (aria-disabled), so focus never drops. */
export function button(
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

export function linkLine(id: string, href: string, label: string): HTMLElement {
  return h('a', { href, target: '_blank', rel: 'noopener', id }, label);
}

export function groupLabel(v: View, g: FindingGroup): string {
  const first = g.findings[0];
  if (g.findings.length === 1) return proseDigits(v.style, messageOf(first, v.state.lang));
  const known = findingText(v.state.lang, g.code, g.findings.length).label;
  const n = digits(v.style, String(g.findings.length));
  return known ? digits(v.style, known) : `${v.t('cellsOf', { n })}: ${messageOf(first, v.state.lang)}`;
}
