/**
 * E-mail cells (`อีเมล` of หน่วยงานภายใน, `อีเมลทีมงาน` of the settings), as people paste them from a mail
 * program: `"สมชาย ใจดี" <s@x.example>, สมหญิง <y@x.example>; z@x.example`.
 *
 * Read in this order: quoted display names and `<…>` addresses first, then the rest split on commas,
 * semicolons and spaces. Words directly before `<addr>` (back to a comma, a semicolon, another address or
 * a word holding `@`) are its display name, Thai included, and are dropped. What is left must be an
 * addr-spec (RFC 5322) Google can share with: a dot-atom local part, `@`, a domain of at least two DNS
 * labels. Anything else is returned as refused, never as an address.
 */
export interface EmailCell {
  /** Valid addresses, lower-cased, each once, in the order written. */
  addresses: string[];
  /** What was written where an address should be and is not one, as written. */
  refused: string[];
}

// atext of RFC 5322 §3.2.3, dot-separated; a domain of LDH labels (RFC 1035), the last one not all digits.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Whether `text` is an addr-spec the add-on may share with (see the module comment). */
export function isAddrSpec(text: string): boolean {
  const at = text.lastIndexOf('@');
  if (at <= 0 || text.length > 254) return false;
  const local = text.slice(0, at);
  const labels = text.slice(at + 1).split('.');
  return (
    local.length <= 64 &&
    LOCAL.test(local) &&
    labels.length >= 2 &&
    labels.every((l) => LABEL.test(l)) &&
    !/^\d+$/.test(labels[labels.length - 1])
  );
}

type Token = { kind: 'quoted' | 'angle' | 'word' | 'separator'; text: string };

// A quoted string (with \" escapes), an angle address, a separator, or a run of anything else. An unclosed
// quote or bracket is a word of its own, refused later.
const TOKEN = /"(?:[^"\\]|\\.)*"|<[^<>]*>|[,;]|\s+|[^\s,;"<>]+|["<>]/g;

const ONE_WORD = /^[^\s,;"<>]+$/;

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const [t] of text.matchAll(TOKEN)) {
    if (/^\s+$/.test(t)) continue;
    const kind =
      t.length > 1 && t.startsWith('"')
        ? 'quoted'
        : t.length > 1 && t.startsWith('<')
          ? 'angle'
          : t === ',' || t === ';'
            ? 'separator'
            : 'word';
    out.push({ kind, text: t });
  }
  return out;
}

/** The addresses of an e-mail cell and what it holds that is not one. */
export function readEmailCell(text: string): EmailCell {
  const addresses: string[] = [];
  const refused: string[] = [];
  const take = (candidate: string) => {
    const address = candidate.trim();
    if (address === '') return;
    if (!isAddrSpec(address)) refused.push(address);
    else if (!addresses.includes(address.toLowerCase())) addresses.push(address.toLowerCase());
  };
  // One word, no quote, bracket, separator nor space (the usual cell): the address itself, or refused.
  if (ONE_WORD.test(text)) {
    take(text);
    return { addresses, refused };
  }
  // Words and quoted names since the last separator or address, not yet known to be a display name.
  let pending: Token[] = [];
  const flush = (upTo = pending.length) => {
    for (const t of pending.slice(0, upTo)) take(t.kind === 'quoted' ? t.text.slice(1, -1) : t.text);
    pending = [];
  };
  for (const t of tokens(text)) {
    if (t.kind === 'separator') flush();
    else if (t.kind === 'angle') {
      // The display name is the run of pending tokens just before the bracket that holds no `@` word.
      let name = pending.length;
      while (name > 0 && (pending[name - 1].kind === 'quoted' || !pending[name - 1].text.includes('@')))
        name--;
      flush(name);
      if (t.text.slice(1, -1).trim() === '') refused.push(t.text);
      else take(t.text.slice(1, -1));
    } else pending.push(t);
  }
  flush();
  return { addresses, refused };
}
