/**
 * The shipped spec is complete as an Internet-Draft set: `mxspec check` is
 * clean, everything a reader looks up has a description, every RPC has a
 * request/response example, and each document has the sections and
 * references an Internet-Draft needs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/build/pipeline.js';
import { EDITION_IDS, type EditionModel, type Program, type Property, type SchemaNode } from '../../src/ir/types.js';
import { runCli, SPEC } from '../helpers/cli.js';

let program: Program;
let models: Record<string, EditionModel>;

beforeAll(async () => {
  const r = await compile(SPEC, { checkOnly: true });
  expect(r.program, r.diagnostics.items.map((d) => `${d.loc?.file}:${d.loc?.line} ${d.code} ${d.message}`).join('\n')).toBeDefined();
  program = r.program!;
  models = r.models!;
});

const has = (s: string | undefined): boolean => typeof s === 'string' && s.trim().length > 0;

/** Every property of every object schema under `node`, with a readable path. */
function properties(node: SchemaNode | undefined, at: string, out: [string, Property][] = []): [string, Property][] {
  if (!node) return out;
  switch (node.type) {
    case 'object':
      for (const p of node.properties) {
        out.push([`${at}.${p.name}`, p]);
        properties(p.schema, `${at}.${p.name}`, out);
        for (const [e, v] of Object.entries(p.variants ?? {})) if (v) properties(v.schema, `${at}.${p.name}<${e}>`, out);
      }
      if (node.additionalProperties && typeof node.additionalProperties === 'object') properties(node.additionalProperties, `${at}.*`, out);
      break;
    case 'array':
      properties(node.items, `${at}[]`, out);
      break;
    case 'map':
      properties(node.values, `${at}{}`, out);
      break;
    case 'union':
      node.oneOf.forEach((m, i) => properties(m, `${at}|${i}`, out));
      break;
    default:
  }
  return out;
}

/** The elements with schemas, each with its variants. */
function withVariants<T extends { variants?: Partial<Record<string, T>> }>(el: T): T[] {
  return [el, ...Object.values(el.variants ?? {}).filter((v): v is T => Boolean(v))];
}

describe('mxspec check', () => {
  it('reports 0 errors and 0 warnings on the shipped spec', () => {
    const r = runCli(['check', '--spec', 'spec']);
    expect(r.stderr + r.stdout).toMatch(/0 error\(s\), 0 warning\(s\)/);
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('descriptions', () => {
  it('every RPC has a summary and a description', () => {
    const bad = program.rpcs.flatMap(withVariants).filter((r) => !has(r.summary) || !has(r.description)).map((r) => r.name);
    expect(bad).toEqual([]);
  });

  it("every binding has a description, its own or its RPC's", () => {
    const rpcs = new Map(program.rpcs.map((r) => [r.name, r]));
    const bad = program.bindings.flatMap(withVariants).filter((b) => !has(b.description) && !has(rpcs.get(b.rpc)?.description)).map((b) => b.rpc);
    expect(bad).toEqual([]);
  });

  it('every named schema has a description', () => {
    const bad = program.schemas.flatMap(withVariants).filter((s) => !has(s.schema.description)).map((s) => s.name);
    expect(bad).toEqual([]);
  });

  it('every property has a description (RPCs, schemas, content blocks, event and EDU types)', () => {
    const all: [string, Property][] = [];
    for (const r of program.rpcs.flatMap(withVariants)) {
      properties(r.request, `rpc ${r.name} request`, all);
      properties(r.response, `rpc ${r.name} response`, all);
    }
    for (const s of program.schemas.flatMap(withVariants)) properties(s.schema, `schema ${s.name}`, all);
    for (const b of program.contentBlocks.flatMap(withVariants)) properties(b.schema, `block ${b.name}`, all);
    for (const e of program.eventTypes.flatMap(withVariants)) {
      properties(e.content, `event ${e.name}`, all);
      for (const m of e.msgtypes ?? []) properties(m.schema, `event ${e.name} msgtype ${m.name}`, all);
    }
    for (const e of program.eduTypes.flatMap(withVariants)) properties(e.content, `edu ${e.name}`, all);
    expect(all.length).toBeGreaterThan(300);
    const bad = all.filter(([, p]) => !has(p.schema.description)).map(([where]) => where);
    expect(bad).toEqual([]);
  });

  it('every event type, content block and EDU type has a description', () => {
    const bad = [
      ...program.eventTypes.flatMap(withVariants).filter((e) => !has(e.description)).map((e) => `event ${e.name}`),
      ...program.contentBlocks.flatMap(withVariants).filter((b) => !has(b.description)).map((b) => `block ${b.name}`),
      ...program.eduTypes.flatMap(withVariants).filter((e) => !has(e.description)).map((e) => `edu ${e.name}`),
    ];
    expect(bad).toEqual([]);
  });

  it('every RPC group has a description', () => {
    expect(program.rpcGroups.filter((g) => !has(g.description)).map((g) => g.id)).toEqual([]);
  });
});

describe('examples', () => {
  it('every RPC has at least one example with a request and a response, in both editions', () => {
    for (const e of EDITION_IDS) {
      const bad = models[e].rpcs
        .filter((r) => !r.examples.some((x) => x.request !== undefined && x.response !== undefined))
        .map((r) => r.name);
      expect(bad, e).toEqual([]);
    }
  });
});

describe('Internet-Draft structure', () => {
  const REQUIRED = [
    ['Introduction', /^introduction$/i],
    ['Conventions and Definitions', /^conventions and (definitions|terminology)$/i],
    ['Security Considerations', /^security considerations$/i],
    ['IANA Considerations', /^iana considerations$/i],
  ] as const;

  it('there are the four documents', () => {
    expect(program.documents.map((d) => d.id).sort()).toEqual(['api', 'events', 'http', 'room-version']);
  });

  it('each document has Introduction, Conventions and Definitions, Security and IANA Considerations, in both editions', () => {
    for (const e of EDITION_IDS) {
      for (const d of models[e].documents) {
        const titles = d.sections.map((s) => s.title.trim());
        for (const [name, re] of REQUIRED) expect(titles.some((t) => re.test(t)), `${e} ${d.id}: ${name}`).toBe(true);
        // In that order, before any appendix.
        const idx = REQUIRED.map(([, re]) => titles.findIndex((t) => re.test(t)));
        expect([...idx].sort((a, b) => a - b), `${e} ${d.id}: section order`).toEqual(idx);
      }
    }
  });

  it('each ietf document lists normative and informative references that resolve', () => {
    const ed = program.editions.ietf;
    const siblings = new Set(Object.values(ed.documents).map((d) => d.docName && `I-D.${d.docName.replace(/^draft-/, '')}`));
    for (const d of models.ietf.documents) {
      expect(d.normative.length, `${d.id} normative`).toBeGreaterThan(0);
      expect(d.informative.length, `${d.id} informative`).toBeGreaterThan(0);
      expect(d.normative, `${d.id} cites BCP 14`).toEqual(expect.arrayContaining(['RFC2119', 'RFC8174']));
      const unknown = [...d.normative, ...d.informative].filter((id) => !program.references[id] && !siblings.has(id));
      expect(unknown, d.id).toEqual([]);
      expect(d.normative.filter((id) => d.informative.includes(id)), `${d.id}: both normative and informative`).toEqual([]);
    }
  });

  it('each document has an abstract and, when it uses BCP 14 keywords, the boilerplate', () => {
    for (const d of program.documents) {
      expect(has(d.abstract), d.id).toBe(true);
      const src = JSON.stringify(d.sections.map((s) => s.blocks));
      if (/\b(MUST|SHOULD|MAY|REQUIRED|RECOMMENDED)\b/.test(src)) {
        expect(JSON.stringify(d.mdast), d.id).toContain('bcp14-boilerplate');
      }
    }
  });
});
