/**
 * Elements of a model's lists by the value of one field (an RPC by name,
 * the bindings of a group, the schemas of a file), indexed once per list.
 *
 * Why: generators and checks ask such questions once per element or per
 * directive, and a scan of the whole list for each made their time grow
 * with the square of the spec: at 50× the drafts' directives alone scanned
 * 3300 schemas and 1550 RPCs thousands of times.
 *
 * The index of a list is made on the first question and kept as long as
 * the list. Element lists are never changed once a model or program is
 * made (frozen in the tests, MXSPEC_FREEZE_MODELS); a changed model is a
 * new object with new lists (projection, `mxspec watch`).
 */

type Index = Map<unknown, readonly unknown[]>;

const indexes = new WeakMap<readonly unknown[], Map<PropertyKey, Index>>();

function indexBy<T, F extends keyof T>(list: readonly T[], field: F): Index {
  let byField = indexes.get(list);
  if (!byField) indexes.set(list, (byField = new Map()));
  let index = byField.get(field);
  if (!index) {
    const made = new Map<unknown, T[]>();
    for (const el of list) {
      const at = made.get(el[field]);
      if (at) at.push(el);
      else made.set(el[field], [el]);
    }
    byField.set(field, (index = made));
  }
  return index;
}

/** The elements whose `field` is `value` (a directive attribute may be absent: then those without the field), in list order: `list.filter((x) => x[field] === value)`. */
export function allWith<T, F extends keyof T>(list: readonly T[], field: F, value: unknown): readonly T[] {
  return (indexBy(list, field).get(value) as readonly T[] | undefined) ?? [];
}

/** The first element whose `field` is `value`: `list.find((x) => x[field] === value)`. */
export function firstWith<T, F extends keyof T>(list: readonly T[], field: F, value: unknown): T | undefined {
  return (indexBy(list, field).get(value) as readonly T[] | undefined)?.[0];
}
