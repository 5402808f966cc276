export type Child = Node | string | null | false | undefined;
type Attr = string | boolean | ((e: Event) => void);

/** An element with attributes (false leaves one out; a function is an event listener) and children. */
export function h(tag: string, attrs: Record<string, Attr> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (v === true) el.setAttribute(k, '');
    else if (v !== false) el.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== false && c !== undefined) el.append(c);
  return el;
}

/** Text only a screen reader reads: the state a symbol or a colour shows. */
export const srOnly = (text: string) => h('span', { class: 'sr-only' }, text);

const THAI = /[\u0e00-\u0e7f]/;
const THAI_RUN = /[\u0e00-\u0e7f][\u0e00-\u0e7f0-9\s.,:()/–-]*[\u0e00-\u0e7f.)]|[\u0e00-\u0e7f]/g;

/**
 * Marks each run of Thai in an English page `lang="th"` (names, tabs, measures typed in Thai), so that a
 * screen reader reads it with a Thai voice. Form fields keep their text as it is.
 */
export function markThai(root: HTMLElement): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const node of nodes) {
    const parent = node.parentElement;
    const text = node.data;
    if (!parent || !THAI.test(text) || parent.closest('[lang]:not(html)')?.getAttribute('lang') === 'th')
      continue;
    if (parent.closest('textarea, option')) continue;
    const parts: Node[] = [];
    let last = 0;
    for (const m of text.matchAll(THAI_RUN)) {
      const at = m.index ?? 0;
      if (at > last) parts.push(document.createTextNode(text.slice(last, at)));
      parts.push(h('span', { lang: 'th' }, m[0]));
      last = at + m[0].length;
    }
    if (last < text.length) parts.push(document.createTextNode(text.slice(last)));
    node.replaceWith(...parts);
  }
}
