/**
 * A memo keyed by an object, held weakly, and a second key: what the
 * identity-keyed memos of `mxspec watch` are made of (projected elements,
 * their JSON, OpenAPI objects and their text, type declarations). Only for
 * objects that are never changed once made: an entry lives as long as its
 * object, and is never checked against the object's content again.
 */
export type ObjectMemo<K, V> = (object: object, key: K, make: () => V) => V;

export function objectMemo<K, V>(): ObjectMemo<K, V> {
  const byObject = new WeakMap<object, Map<K, V>>();
  return (object, key, make) => {
    let byKey = byObject.get(object);
    if (!byKey) byObject.set(object, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key)!;
    const value = make();
    byKey.set(key, value);
    return value;
  };
}
