import type { Change } from '../../core/changes';
import type { FileCount } from '../../server/last-report';
import { h, srOnly } from '../dom';
import { digits, type FindingGroup, messageOf, proseDigits, type Style } from '../format';
import { findingText, type Key } from '../i18n';
import type { Place, State, Step } from '../state';

/** What the views call back: every action the sidebar offers. */
export interface Actions {
  toggleLanguage(): void;
  createTemplate(withSample: boolean): void;
  /** Asks before filling in the sample; `opener` gets focus back on cancel. */
  askSample(opener: string): void;
  check(): void;
  build(force: boolean): void;
  cancelConfirm(): void;
  showAllGroups(all: boolean): void;
  /** Shows the finding about a cell in the check card and moves focus to it. */
  showFinding(where: string): void;
  /** Opens the guide (คู่มือ) in a dialog over the spreadsheet. */
  openGuide(): void;
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
  const text = proseDigits(v.style, v.state.lang === 'th' ? m.th : m.en);
  // A result to take with care (a forced build, a refusal) is a notice in the warning colour, not a success.
  if (m.kind === 'notice' || m.kind === 'caution')
    return h(
      'div',
      { class: `notice ${m.kind}`, id: `${at}-notice`, tabindex: '-1', role: 'status' },
      `${m.kind === 'caution' ? '⚠' : '✓'} ${text}`,
    );
  return h(
    'div',
    { class: `server-error ${m.kind}`, id: `${at}-error`, role: 'alert', tabindex: '-1' },
    h('strong', {}, `⚠ ${v.t('serverError')}: `),
    text,
  );
}

/** A link to a file in another tab, saying so to a screen reader. */
export function linkLine(v: View, id: string, href: string, label: string): HTMLElement {
  return h('a', { href, target: '_blank', rel: 'noopener', id }, label, srOnly(` ${v.t('newTab')}`));
}

export function groupLabel(v: View, g: FindingGroup): string {
  const first = g.findings[0];
  if (g.findings.length === 1) return proseDigits(v.style, messageOf(first, v.state.lang));
  const known = findingText(v.state.overview?.findingTexts, v.state.lang, g.code, g.findings.length).label;
  const n = digits(v.style, String(g.findings.length));
  return known
    ? proseDigits(v.style, known)
    : proseDigits(v.style, `${v.t('cellsOf', { n })}: ${messageOf(first, v.state.lang)}`);
}

/** What changed since a report was built, a line a tab: "ตั้งค่า: วันที่รายงานผล". */
export function changesView(v: View, changes: readonly Change[], id: string): HTMLElement | null {
  if (changes.length === 0) return null;
  const line = (c: Change) => {
    const parts = c.parts.length > 4 ? [...c.parts.slice(0, 4), `+${c.parts.length - 4}`] : c.parts;
    return h('li', {}, proseDigits(v.style, parts.length > 0 ? `${c.tab}: ${parts.join(', ')}` : c.tab));
  };
  return h(
    'div',
    { class: 'warn', id },
    h('p', {}, v.t('changedWhat')),
    h('ul', { class: 'emails' }, ...changes.map(line)),
  );
}

/** How many each file was shared with, and refused for: "Doc ๕, PDF ๔ (ถูกปฏิเสธ ๑)". */
export function fileCounts(v: View, files: { doc: FileCount; pdf: FileCount }): string {
  const one = (f: FileCount) => `${f.shared}${f.refused > 0 ? v.t('refusedN', { n: f.refused }) : ''}`;
  return v.t('shareFiles', { doc: one(files.doc), pdf: one(files.pdf) });
}

function stepLine(v: View, s: Step, running: boolean): HTMLElement {
  const marks = { waiting: '○', running: '…', done: '✓', failed: '✗', stopped: '–' };
  const words: Record<Step['state'], Key> = {
    waiting: 'stepWaiting',
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

/** A build's steps, each with its state in words and its seconds. */
export function stepsView(v: View, steps: readonly Step[], id: string): HTMLElement | null {
  if (steps.length === 0) return null;
  return h('ol', { class: 'steps', id }, ...steps.map((step) => stepLine(v, step, step.state === 'running')));
}

/** A cell reference that selects its cell in the spreadsheet; its name says where it goes. */
export function cellButton(v: View, id: string, label: string, cell: string, at: Place): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'cell',
      id,
      'aria-label': `${label} (${v.t('goToCell', { cell })})`,
      onclick: () => v.actions.selectCell(cell, at),
    },
    label,
  );
}
