import { gasError } from './context';

/**
 * The `fields` parameter of a Google API read (a partial response), as the Docs API documents it
 * (developers.google.com/docs/api/how-tos/field-masks): "multiple different fields are comma-separated and
 * subfields are dot-separated … multiple subfields from the same type can be listed within parentheses";
 * Google's APIs take `/` for the dot as well. A tree of the fields asked for: `true` where a field is
 * taken whole.
 */
export type FieldTree = { [field: string]: FieldTree | true };

export function parseFieldMask(mask: string): FieldTree {
  let at = 0;
  const fail = (): never => {
    throw gasError(`Invalid field selection: ${mask}`);
  };
  const name = () => {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(mask.slice(at));
    if (!m) fail();
    at += (m as RegExpExecArray)[0].length;
    return (m as RegExpExecArray)[0].replace(/_([a-z])/g, (_s, c: string) => c.toUpperCase());
  };
  const merge = (into: FieldTree, key: string, sub: FieldTree | true) => {
    const had = into[key];
    into[key] = had === true || sub === true ? true : { ...(had ?? {}), ...sub };
  };
  // One path (a.b/c or a(b,c)), merged into `into`.
  const path = (into: FieldTree) => {
    const key = name();
    if (mask[at] === '.' || mask[at] === '/') {
      at += 1;
      const sub: FieldTree = {};
      path(sub);
      merge(into, key, sub);
    } else if (mask[at] === '(') {
      at += 1;
      const sub = list(')');
      merge(into, key, sub);
    } else merge(into, key, true);
  };
  const list = (close: string | null): FieldTree => {
    const tree: FieldTree = {};
    for (;;) {
      path(tree);
      if (mask[at] === ',') at += 1;
      else if (close !== null && mask[at] === close) {
        at += 1;
        return tree;
      } else if (close === null && at === mask.length) return tree;
      else fail();
    }
  };
  return list(null);
}

/**
 * `value` as a partial response with the fields of `tree` only: an object keeps the fields asked for, a
 * list applies the tree to each item, and an item of a list with none of them stays as `{}` (as in the
 * Docs API's example: `"content": [ {}, { "paragraph": … } ]`). A field no object of the resource has is
 * refused, as the API refuses it.
 */
export function applyFieldMask(value: unknown, tree: FieldTree, known: ReadonlySet<string>): unknown {
  for (const field of Object.keys(tree))
    if (!known.has(field)) throw gasError(`Invalid field selection ${field}`);
  if (Array.isArray(value)) return value.map((item) => applyFieldMask(item, tree, known));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [field, sub] of Object.entries(tree)) {
    const v = (value as Record<string, unknown>)[field];
    if (v === undefined) continue;
    out[field] = sub === true ? v : applyFieldMask(v, sub, known);
  }
  return out;
}
