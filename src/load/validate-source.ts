/**
 * Validates a YAML source file against the JSON Schema of its kind and turns
 * ajv's errors into located diagnostics (unknown keys get a did-you-mean).
 */
import type { ErrorObject } from 'ajv';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { suggestion } from '../diagnostics/did-you-mean.js';
// Precompiled from src/source-format/schemas.ts by `npm run schemas` (compiling with ajv at run time cost ~190 ms per cold run).
import { sourceValidators } from '../source-format/validators.generated.js';
import type { SourceKind } from './read-tree.js';
import type { LocatedYaml } from './yaml-located.js';

type ValidatedKind = Exclude<SourceKind, 'document'> | 'front-matter';

/** The part of ajv's ValidateFunction used here (the generated module is untyped). */
type SourceValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const validators: Record<ValidatedKind, SourceValidator> = sourceValidators;

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`.slice(0, 60);
}

/** Keeps the most useful error per location: anyOf/oneOf noise is dropped when a concrete error exists. */
function relevant(errors: ErrorObject[]): ErrorObject[] {
  const concrete = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if');
  const seen = new Set<string>();
  const out: ErrorObject[] = [];
  for (const e of concrete) {
    // A value matched against an anyOf of (scalar | object) reports both branches; keep one per path.
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  // If a path has both "type" errors from alternative branches and other errors, keep the others.
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of out) {
    const list = byPath.get(e.instancePath) ?? [];
    list.push(e);
    byPath.set(e.instancePath, list);
  }
  const result: ErrorObject[] = [];
  for (const list of byPath.values()) {
    const nonType = list.filter((e) => e.keyword !== 'type' && e.keyword !== 'const');
    if (nonType.length && nonType.length < list.length) result.push(...nonType);
    else if (list.every((e) => e.keyword === 'type' || e.keyword === 'const')) result.push(list[0]!);
    else result.push(...list);
  }
  return result;
}

export function validateSource(kind: ValidatedKind, doc: LocatedYaml, diags: DiagnosticBag): boolean {
  const validate = validators[kind];
  if (validate(doc.value)) return true;
  const errors = relevant(validate.errors ?? []);
  for (const e of errors) {
    const where = e.instancePath;
    const what = where ? where.split('/').slice(1).join('.') : 'the file';
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String((e.params as { additionalProperty: string }).additionalProperty);
        const known = Object.keys(((e.parentSchema as { properties?: object }) ?? {}).properties ?? {});
        diags.add('MX1101', `unknown key "${key}"${where ? ` in ${what}` : ''}${suggestion(key, known)}`, doc.pointerLoc(`${where}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, true));
        break;
      }
      case 'propertyNames': {
        break; // reported through the nested error on the name itself
      }
      case 'required': {
        const key = (e.params as { missingProperty: string }).missingProperty;
        diags.add('MX1103', `missing required key "${key}"${where ? ` in ${what}` : ''}`, where ? doc.pointerLoc(where, true) : doc.locOf(doc.value));
        break;
      }
      case 'type': {
        const expected = (e.params as { type: string | string[] }).type;
        diags.add('MX1102', `${what} must be ${Array.isArray(expected) ? expected.join(' or ') : expected}, not ${describeType(e.data)}`, doc.pointerLoc(where));
        break;
      }
      case 'enum': {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
        const got = String(e.data);
        if (e.propertyName !== undefined) {
          diags.add('MX3001', `unknown edition "${e.propertyName}"${suggestion(e.propertyName, allowed)}; editions are ${allowed.join(', ')}`, doc.pointerLoc(`${where}/${e.propertyName}`, true));
        } else if (allowed.includes('ietf') && allowed.includes('matrix-org')) {
          diags.add('MX3001', `unknown edition "${got}"${suggestion(got, allowed)}; editions are ${allowed.join(', ')}`, doc.pointerLoc(where));
        } else {
          diags.add('MX1104', `${what} is "${got}"; allowed: ${allowed.join(', ')}${suggestion(got, allowed)}`, doc.pointerLoc(where));
        }
        break;
      }
      case 'const':
        diags.add('MX1104', `${what} must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`, doc.pointerLoc(where));
        break;
      default:
        diags.add('MX1105', `${what} ${e.message ?? 'is invalid'}`, doc.pointerLoc(where));
    }
  }
  return false;
}
