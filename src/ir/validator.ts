/**
 * JSON Schema validation of data against one edition's IR (ajv, 2020-12):
 * every named schema and content block becomes a $defs entry of one bundle,
 * compiled once per edition.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { EditionModel, SchemaNode } from './types.js';
import { toJsonSchema } from './json-schema.js';

export const BLOCK_PREFIX = 'block:';

export class EditionValidator {
  private readonly ajv: Ajv2020;
  private readonly id: string;
  private readonly cache = new Map<SchemaNode, ValidateFunction>();

  constructor(model: EditionModel) {
    this.id = `mxspec:${model.edition.id}`;
    this.ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
    const defs: Record<string, unknown> = {};
    const opts = { refPrefix: `${this.id}#/$defs/`, blockRef: (b: string) => `${this.id}#/$defs/${BLOCK_PREFIX}${b}`, bare: true };
    for (const s of model.schemas) defs[s.name] = toJsonSchema(s.schema, opts);
    for (const b of model.contentBlocks) defs[BLOCK_PREFIX + b.name] = toJsonSchema(b.schema, opts);
    this.ajv.addSchema({ $id: this.id, $defs: defs });
    this.opts = opts;
  }

  private readonly opts: { refPrefix: string; blockRef: (b: string) => string; bare: boolean };

  /** Returns undefined when valid, else the first error. */
  validate(node: SchemaNode, data: unknown): ErrorObject | undefined {
    let fn = this.cache.get(node);
    if (!fn) {
      fn = this.ajv.compile(toJsonSchema(node, this.opts));
      this.cache.set(node, fn);
    }
    if (fn(data)) return undefined;
    return pickError(fn.errors ?? []);
  }
}

/** The deepest error is usually the one that says what is wrong. */
function pickError(errors: ErrorObject[]): ErrorObject | undefined {
  let best: ErrorObject | undefined;
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf') continue;
    if (!best || e.instancePath.length > best.instancePath.length) best = e;
  }
  return best ?? errors[0];
}

export function describeError(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'the value';
  switch (e.keyword) {
    case 'required':
      return `${where} is missing required property "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'additionalProperties':
      return `${where} has property "${(e.params as { additionalProperty: string }).additionalProperty}", which the schema does not allow`;
    case 'type':
      return `${where} must be ${(e.params as { type: string }).type}`;
    case 'enum':
      return `${where} must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
    default:
      return `${where} ${e.message ?? 'is invalid'}`;
  }
}
