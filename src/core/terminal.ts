// Workbook text printed on a terminal. A cell can hold control characters (an .xlsx writes them as
// `_x001B_`, which exceljs decodes): ESC starts the CSI and OSC sequences that set the terminal's title,
// its colours or the clipboard (OSC 52), BEL ends an OSC, and the bidi overrides reorder what follows.

/** C0 controls, DEL, C1 controls, and the bidi marks, embeddings, overrides and isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what is replaced
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** What JSON.stringify leaves raw that a terminal acts on (it escapes C0 itself), plus the line separators. */
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** The longest workbook value printed whole on a terminal, in characters. */
export const TERMINAL_VALUE_MAX = 120;

/** The longest line printed whole: a safety net for values a message quotes. */
export const TERMINAL_LINE_MAX = 2000;

/**
 * The one function every workbook string goes through on its way to a terminal: each control and bidi
 * character becomes "?", and a text longer than `max` characters is cut, ending in "…".
 */
export function terminalText(text: string, max = TERMINAL_VALUE_MAX): string {
  const safe = text.replace(UNSAFE, '?');
  if (safe.length <= max) return safe;
  const chars = Array.from(safe);
  return chars.length <= max ? safe : `${chars.slice(0, max - 1).join('')}…`;
}

/** A text of several lines for a terminal: each line through `terminalText`, the newlines kept. */
export function terminalLines(text: string, max = TERMINAL_LINE_MAX): string {
  return text
    .split('\n')
    .map((line) => terminalText(line, max))
    .join('\n');
}

/**
 * JSON that keeps every character of every string, with the ones a terminal would act on written as
 * `\u` escapes (JSON.stringify escapes only C0): the same value once parsed.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    JSON_RAW,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
