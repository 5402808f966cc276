import { gasError } from './context';

/**
 * The `fields` parameter of a Google API read (a partial response), as the Docs API documents it
 * (developers.google.com/docs/api/how-tos/field-masks): "multiple different fields are comma-separated and
 * subfields are dot-separated … multiple subfields from the same type can be listed within parentheses";
 * Google's APIs take `/` for the dot as well. A tree of the fields asked for: `true` where a field is
 * taken whole.
 */
type FieldTree = { [field: string]: FieldTree | true };

function parseFieldMask(mask: string): FieldTree {
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
  // The same field named twice (a.b.c,a.b.d) is asked for with both subfields.
  const merge = (into: FieldTree, key: string, sub: FieldTree | true) => {
    const had = into[key];
    if (had === undefined) into[key] = sub;
    else if (had === true || sub === true) into[key] = true;
    else for (const [k, v] of Object.entries(sub)) merge(had, k, v);
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
 * A resource's types: each type's fields, with the type a field holds (a message, alone or in a list), `*`
 * for a free-form object (a map by id, whose keys no mask can check), or null for a number or a string.
 */
export type ResourceTypes = Readonly<Record<string, Readonly<Record<string, string | null>>>>;

/**
 * Every field the tree names must be a field of the type it is asked of, down from the resource: the API
 * checks the mask against the resource's types, not against what one document holds.
 */
function requireKnown(tree: FieldTree, type: string, types: ResourceTypes): void {
  const fields = types[type] ?? {};
  for (const [field, sub] of Object.entries(tree)) {
    if (!Object.keys(fields).includes(field)) throw gasError(`Invalid field selection ${field}`);
    const held = fields[field];
    if (sub === true || held === '*') continue;
    if (held === null) throw gasError(`Invalid field selection ${field}`);
    requireKnown(sub, held, types);
  }
}

/**
 * `value` with the fields of `tree` only: an object keeps the fields asked for, a list applies the tree to
 * each item, and an item of a list with none of them stays as `{}` (as in the Docs API's example:
 * `"content": [ {}, { "paragraph": … } ]`).
 */
function project(value: unknown, tree: FieldTree): unknown {
  if (Array.isArray(value)) return value.map((item) => project(item, tree));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [field, sub] of Object.entries(tree)) {
    const v = (value as Record<string, unknown>)[field];
    if (v !== undefined) out[field] = sub === true ? v : project(v, sub);
  }
  return out;
}

/**
 * A resource as a read with `fields=mask` returns it; a mask that does not parse, or names a field its type
 * does not have (`types`, from the resource's type `root`), is refused, as the API refuses it.
 */
export function partialResponse(value: unknown, mask: string, root: string, types: ResourceTypes): unknown {
  const tree = parseFieldMask(mask);
  requireKnown(tree, root, types);
  return project(value, tree);
}
