/**
 * Memo keys (a generator's `inputKey` in generators/generator.ts, and the
 * reuse of earlier work by the diff and the drafts in `mxspec watch`): a
 * hash of the parts of an edition model that some work reads. Documents are
 * large (their parsed Markdown) and most readers need a field or two of
 * them, so they are keyed on the named fields alone; every other part is
 * keyed whole.
 */
import { createHash, type Hash } from 'node:crypto';
import type { DocumentIR, EditionModel } from './types.js';
import { jsonHash, jsonReplacer } from './json-text.js';

/**
 * A key over the whole model except `root` (where the spec lies is not
 * content) and `documents`, of which only `documentFields` are included.
 */
export function modelKeyWithoutDocuments(model: EditionModel, documentFields: readonly (keyof DocumentIR)[]): string {
  // Several generators key on the same parts of one model (openapi and types both): hash it once.
  const memo = keys.get(model) ?? new Map<string, string>();
  keys.set(model, memo);
  const fields = documentFields.join(',');
  let key = memo.get(fields);
  if (key === undefined) {
    key = hashWithoutDocuments(model, documentFields);
    memo.set(fields, key);
  }
  return key;
}

/** Keys already computed, per model object (a model is not changed once projected). */
const keys = new WeakMap<EditionModel, Map<string, string>>();

/**
 * Adds parts of a model to a hash, in name order; list parts element by
 * element through each element's remembered JSON hash (json-text.ts), so an
 * edit in `mxspec watch` serialises the elements of the edited file only.
 */
export function hashModelParts(hash: Hash, parts: Record<string, unknown>): Hash {
  for (const part of Object.keys(parts).sort()) {
    const value = parts[part];
    hash.update(part).update('\u0000');
    if (Array.isArray(value)) for (const el of value as unknown[]) hash.update(jsonHash(el));
    else hash.update(JSON.stringify(value, jsonReplacer) ?? 'undefined');
    hash.update('\u0000');
  }
  return hash;
}

function hashWithoutDocuments(model: EditionModel, documentFields: readonly (keyof DocumentIR)[]): string {
  const { documents, root: _root, ...rest } = model;
  const docs = documents.map((d) => Object.fromEntries(documentFields.map((f) => [f, d[f]])));
  return hashModelParts(createHash('sha256'), rest).update(JSON.stringify(docs, jsonReplacer)).digest('hex');
}
