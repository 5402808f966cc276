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
