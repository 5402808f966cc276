export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  severity: Severity;
  code: string;
  /** `Tab!A1` with the tab's name as the user wrote it, or null when the finding is about no one cell. */
  where: string | null;
  message: string;
  message_en: string;
}

export class Findings {
  readonly list: Finding[] = [];

  add(severity: Severity, code: string, where: string | null, message: string, message_en: string): void {
    this.list.push({ severity, code, where, message, message_en });
  }

  error(code: string, where: string | null, th: string, en: string): void {
    this.add('error', code, where, th, en);
  }

  warning(code: string, where: string | null, th: string, en: string): void {
    this.add('warning', code, where, th, en);
  }

  info(code: string, where: string | null, th: string, en: string): void {
    this.add('info', code, where, th, en);
  }
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** 0-based row and column to A1 notation (0,0 → A1; 0,26 → AA1). */
export function a1(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** The letters of the columns read so far (A, B, …), made once each: a tab of many rows names them often. */
const LETTERS: string[] = [];

export function columnLetters(column: number): string {
  if (Number.isInteger(column) && column >= 0 && column < 1024) {
    LETTERS[column] ??= lettersOf(column);
    return LETTERS[column];
  }
  return lettersOf(column);
}

function lettersOf(column: number): string {
  let letters = '';
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) {
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  }
  return letters;
}

/** `Tab!A1`, quoting the tab name as Sheets does when it has spaces or punctuation. */
export function cellRef(tab: string, row: number, column: number): string {
  return `${quotedTab(tab)}!${a1(row, column)}`;
}

/** The last tab quoted, kept: a tab's cells are named one after another. */
let lastTab: { tab: string; quoted: string } | null = null;

function quotedTab(tab: string): string {
  if (lastTab?.tab !== tab) {
    const quoted = /^[\p{L}\p{M}\p{N}_]+$/u.test(tab) ? tab : `'${tab.replace(/'/g, "''")}'`;
    lastTab = { tab, quoted };
  }
  return lastTab.quoted;
}

/** The error findings: while there are any, a build stops unless the user says to go on. */
export function errorFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}

/** The messages of the first `max` errors (each names its cell) and how many more. */
export function errorLines(findings: readonly Finding[], lang: 'th' | 'en', max = 5): string[] {
  const errors = errorFindings(findings);
  const lines = errors.slice(0, max).map((f) => (lang === 'th' ? f.message : f.message_en));
  const more = errors.length - lines.length;
  if (more > 0) lines.push(lang === 'th' ? `และอีก ${more} รายการ` : `and ${more} more`);
  return lines;
}
