/**
 * Test sources generated from an edition model, compiled together with the
 * generated package: the compile-time agreement between openapi-typescript's
 * paths and mxspec's RPC map, every spec example `satisfies` its type, and
 * mutated examples that must not.
 */
import type { EditionModel, HttpBinding, Property, Rpc, SchemaNode } from '../../src/ir/types.js';
import { allProperties, requestLayout } from '../../generators/openapi/request-layout.js';
import { nodeDiffers, readWriteSplit } from '../../generators/types/read-write.js';
import { planDeclarations } from '../../generators/types/declarations.js';

export interface Line { line: number; what: string }
export interface Source { text: string; lines: Line[]; skipped: string[] }

class Writer {
  private out: string[] = [];
  lines: Line[] = [];
  add(text: string, what?: string): void {
    if (what) this.lines.push({ line: this.out.length + 1, what });
    this.out.push(text);
  }
  text(): string {
    return this.out.join('\n') + '\n';
  }
}

const q = (s: string): string => JSON.stringify(s);

function header(w: Writer, pkg: string): void {
  w.add(`import type * as M from '${pkg}';`);
  w.add(`import type { paths } from '${pkg}/paths';`);
  w.add('type Equiv<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;');
  w.add('export {};');
}

/** For every operation: request body, path and query parameters, success and error bodies agree both ways. */
export function compatSource(model: EditionModel, pkg: string): Source {
  const w = new Writer();
  const skipped: string[] = [];
  header(w, pkg);
  const split = readWriteSplit(model);
  for (const b of model.bindings) {
    const rpc = model.rpcs.find((r) => r.name === b.rpc);
    if (!rpc) continue;
    if (nodeDiffers(rpc.request, split) || nodeDiffers(rpc.response, split)) {
      // openapi-typescript gives one shape for readOnly/writeOnly schemas; mxspec splits them.
      skipped.push(rpc.name);
      continue;
    }
    const op = `paths[${q(b.path)}][${q(b.method.toLowerCase())}]`;
    const r = `M.FederationApi[${q(rpc.name)}]`;
    const id = rpc.name;
    w.add(`{ // ${b.method} ${b.path}`);
    const layout = requestLayout(rpc, b, model);
    if (layout.body.kind !== 'none') {
      w.add(`  const body: Equiv<NonNullable<${op}['requestBody']>['content']['application/json'], ${layout.body.kind === 'field' && !layout.body.property.required ? `NonNullable<${r}['http']['body']>` : `${r}['http']['body']`}> = true;`, `${id}: request body`);
    }
    if (layout.path.length) {
      w.add(`  const path: Equiv<${op}['parameters']['path'], Pick<${r}['request'], ${layout.path.map((p) => q(p.name)).join(' | ')}>> = true;`, `${id}: path parameters`);
    }
    if (layout.query.length) {
      w.add(`  const query: Equiv<NonNullable<${op}['parameters']['query']>, Pick<${r}['request'], ${layout.query.map((p) => q(p.name)).join(' | ')}>> = true;`, `${id}: query parameters`);
    }
    if (rpc.response.type !== 'null' && b.status !== 204) {
      w.add(`  const response: Equiv<${op}['responses'][${b.status}]['content'][${q(b.responseContentType)}], ${r}['response']> = true;`, `${id}: response body`);
    }
    for (const status of errorStatuses(rpc, b)) {
      const named = status === 429 && model.schemas.some((s) => s.name === 'RateLimitedError') ? 'RateLimitedError' : 'Error';
      const schema = planDeclarations(model).ctx.schemaName(named, 'read');
      w.add(`  const e${status}: Equiv<${op}['responses'][${status}]['content']['application/json'], M.${schema}> = true;`, `${id}: ${status} error body`);
    }
    w.add('}');
  }
  return { text: w.text(), lines: w.lines, skipped };
}

function errorStatuses(rpc: Rpc, b: HttpBinding): number[] {
  const s = new Set(rpc.errors.map((e) => b.errors[e.code]).filter((x): x is number => x !== undefined));
  if (b.rateLimited) s.add(429);
  return [...s].sort((a, c) => a - c);
}

export interface Example { what: string; type: string; value: unknown; required: Property[]; kind: 'object' | 'event' | 'edu' | 'other' }

/** Every example of the edition with the type it must satisfy. */
export function examplesOf(model: EditionModel): Example[] {
  const out: Example[] = [];
  const req = (node: SchemaNode): Property[] => allProperties(node, model).filter((p) => p.required);
  for (const r of model.rpcs) {
    for (const ex of r.examples) {
      if (ex.request !== undefined) out.push({ what: `request example "${ex.name}" of ${r.name}`, type: `M.FederationApi[${q(r.name)}]['request']`, value: ex.request, required: req(r.request), kind: 'object' });
      if (ex.response !== undefined) out.push({ what: `response example "${ex.name}" of ${r.name}`, type: `M.FederationApi[${q(r.name)}]['response']`, value: ex.response, required: req(r.response), kind: 'object' });
    }
  }
  const plan = planDeclarations(model);
  for (const s of model.schemas) {
    (s.schema.examples ?? []).forEach((ex, i) => out.push({ what: `example ${i + 1} of schema ${s.name}`, type: `M.${plan.ctx.schemaName(s.name, 'full')}`, value: ex, required: req(s.schema), kind: 'object' }));
  }
  for (const b of model.contentBlocks) {
    (b.examples ?? []).forEach((ex, i) => out.push({ what: `example ${i + 1} of content block ${b.name}`, type: `M.ContentBlockMap[${q(b.name)}]`, value: ex, required: req(b.schema), kind: 'other' }));
  }
  for (const e of model.eventTypes) {
    (e.examples ?? []).forEach((ex, i) => out.push({ what: `example ${i + 1} of event type ${e.name}`, type: 'M.RoomEvent', value: ex, required: [], kind: 'event' }));
  }
  for (const e of model.eduTypes) {
    (e.examples ?? []).forEach((ex, i) => {
      const wrapped = ex && typeof ex === 'object' && 'content' in ex;
      out.push({ what: `example ${i + 1} of EDU type ${e.name}`, type: wrapped ? 'M.Edu' : `M.EduContentMap[${q(e.name)}]`, value: ex, required: [], kind: wrapped ? 'edu' : 'other' });
    });
  }
  return out;
}

export function examplesSource(model: EditionModel, pkg: string): Source {
  const w = new Writer();
  header(w, pkg);
  examplesOf(model).forEach((ex, i) => w.add(`export const x${i} = ${JSON.stringify(ex.value)} satisfies ${ex.type};`, ex.what));
  return { text: w.text(), lines: w.lines, skipped: [] };
}

/** A value of a type the property's schema does not admit, or undefined when every value is admitted. */
function wrongValue(node: SchemaNode, model: EditionModel): unknown {
  if (node.nullable) return undefined;
  switch (node.type) {
    case 'string': return 12345;
    case 'integer': case 'number': return 'not a number';
    case 'boolean': return 'no';
    case 'object': case 'array': case 'map': return 12345;
    case 'ref': {
      const target = model.schemas.find((s) => s.name === node.ref);
      return target ? wrongValue(target.schema, model) : undefined;
    }
    default: return undefined;
  }
}

interface Mutation { ex: Example; index: number; removeKey?: string; wrong?: [string, unknown] }

function mutationFor(ex: Example, index: number, model: EditionModel): Mutation | undefined {
  const value = ex.value as Record<string, unknown>;
  if (ex.kind === 'event') return { ex, index, removeKey: 'content', wrong: ['type', 42] };
  if (ex.kind === 'edu') return { ex, index, removeKey: 'content', wrong: ['edu_type', 42] };
  const present = ex.required.filter((p) => p.name in value);
  const m: Mutation = { ex, index, removeKey: present[0]?.name };
  for (const p of present) {
    const v = wrongValue(p.schema, model);
    if (v !== undefined) {
      m.wrong = [p.name, v];
      break;
    }
  }
  return m.removeKey && m.wrong ? m : undefined;
}

/** For a sample of examples (spread over all kinds): one copy without a required field and one with a field of the wrong type. */
export function mutationsSource(model: EditionModel, pkg: string, sampleSize: number): Source {
  const w = new Writer();
  header(w, pkg);
  const candidates = examplesOf(model)
    .map((ex, i) => (ex.value && typeof ex.value === 'object' && !Array.isArray(ex.value) ? mutationFor(ex, i, model) : undefined))
    .filter((m): m is Mutation => !!m);
  const stride = Math.max(1, candidates.length / sampleSize);
  for (let k = 0; k < sampleSize && Math.floor(k * stride) < candidates.length; k++) {
    const { ex, index, removeKey, wrong } = candidates[Math.floor(k * stride)];
    const value = ex.value as Record<string, unknown>;
    const { [removeKey!]: _gone, ...rest } = value;
    w.add(`export const r${index} = ${JSON.stringify(rest)} satisfies ${ex.type};`, `${ex.what} without required "${removeKey}"`);
    w.add(`export const w${index} = ${JSON.stringify({ ...value, [wrong![0]]: wrong![1] })} satisfies ${ex.type};`, `${ex.what} with "${wrong![0]}" of the wrong type`);
  }
  return { text: w.text(), lines: w.lines, skipped: [] };
}
