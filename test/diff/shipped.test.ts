/**
 * The diff on the shipped spec: a model compared with itself is empty,
 * swapping FROM and TO turns additions into removals, the edition diff is
 * fully classified and lists every modelled divergence with its port record.
 */
import type { Parent, RootContent } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/diff.js';
import type { Change, DiffResult } from '../../src/diff/types.js';
import { projectEdition } from '../../src/editions/project.js';
import type { EditionModel, PortRecord, Program } from '../../src/ir/types.js';
import { SPEC } from '../helpers/cli.js';
import { FIXTURE, program } from './helpers.js';

/** The rule a change becomes when FROM and TO swap. */
export function mirrorRule(rule: string): string {
  const swaps: [RegExp, string][] = [
    [/-added(?=$|\.)/, '-removed'], [/-removed(?=$|\.)/, '-added'],
    [/tightened/, 'loosened'], [/loosened/, 'tightened'],
    [/became-required/, 'became-optional'], [/became-optional/, 'became-required'],
  ];
  for (const [re, to] of swaps) if (re.test(rule)) return rule.replace(re, to);
  return rule;
}

const key = (c: Change) => `${mirrorRule(c.rule)} ${c.path}`;

/** Port records of every modelled divergence in the program (elements limited to an edition or varied, and edition blocks). */
function divergencePorts(p: Program): { what: string; port?: PortRecord }[] {
  const out: { what: string; port?: PortRecord }[] = [];
  const rpcPort = new Map(p.rpcs.map((r) => [r.name, r.port]));
  const visit = (node: unknown, what: string, inherited?: PortRecord): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${what}[${i}]`, inherited));
    if (!node || typeof node !== 'object') return;
    const el = node as { editions?: string[]; variants?: object; port?: PortRecord; rpc?: string; method?: string };
    let port = el.port ?? inherited;
    if (!port && el.rpc && el.method) port = rpcPort.get(el.rpc);
    if ((el.editions && el.editions.length < 2) || (el.variants && Object.keys(el.variants).length)) out.push({ what, port });
    for (const [k, v] of Object.entries(node)) if (k !== 'variants' && k !== 'mdast' && k !== 'blocks') visit(v, `${what}.${k}`, port);
  };
  visit({ rpcs: p.rpcs, bindings: p.bindings, schemas: p.schemas, contentBlocks: p.contentBlocks, eventTypes: p.eventTypes, eduTypes: p.eduTypes, roomVersions: p.roomVersions, documents: p.documents.map((d) => d.sections) }, 'program');
  for (const doc of p.documents) {
    const walk = (nodes: RootContent[]): void => {
      for (const n of nodes) {
        if (n.type === 'containerDirective' && (n as { name?: string }).name === 'edition') {
          const line = n.position!.start.line;
          out.push({ what: `${doc.file}:${line} edition block`, port: { status: 'pending', loc: { file: doc.file, line, column: n.position!.start.column } } });
        }
        if ('children' in n) walk((n as Parent).children as RootContent[]);
      }
    };
    walk(doc.mdast.children as RootContent[]);
  }
  return out;
}

for (const [name, dir] of [['shipped spec', SPEC], ['diff fixture', FIXTURE]] as const) {
  describe(`diff on the ${name}`, () => {
    let prog: Program;
    let ietf: EditionModel;
    let mo: EditionModel;
    let forward: DiffResult;
    let backward: DiffResult;
    beforeAll(async () => {
      prog = await program(dir);
      ietf = projectEdition(prog, 'ietf');
      mo = projectEdition(prog, 'matrix-org');
      forward = diffModels(ietf, mo);
      backward = diffModels(mo, ietf);
    });

    it('diff(x, x) is empty for each edition', () => {
      expect(diffModels(ietf, ietf).changes).toEqual([]);
      expect(diffModels(mo, mo).changes).toEqual([]);
      // Two independent projections of the same edition are equal too.
      expect(diffModels(ietf, projectEdition(prog, 'ietf')).changes).toEqual([]);
    });

    it('the edition diff has no unclassified change', () => {
      expect(forward.changes.filter((c) => c.rule === 'unclassified')).toEqual([]);
      expect(backward.changes.filter((c) => c.rule === 'unclassified')).toEqual([]);
    });

    it('swapping FROM and TO turns additions into removals', () => {
      const added = forward.changes.filter((c) => /-added(\.|$)/.test(c.rule));
      const removed = forward.changes.filter((c) => /-removed(\.|$)/.test(c.rule));
      const back = new Set(backward.changes.map((c) => `${c.rule} ${c.path}`));
      for (const c of [...added, ...removed]) expect(back, key(c)).toContain(key(c));
      expect(backward.changes.filter((c) => /-added(\.|$)/.test(c.rule))).toHaveLength(removed.length);
      expect(backward.changes.filter((c) => /-removed(\.|$)/.test(c.rule))).toHaveLength(added.length);
    });

    it('every modelled divergence appears with its port record', () => {
      const divergences = divergencePorts(prog);
      if (name === 'shipped spec') expect(divergences.length).toBeGreaterThan(5);
      const seen = new Set(forward.changes.map((c) => (c.port === 'untracked' ? '' : `${c.port.loc.file}:${c.port.loc.line}`)));
      for (const d of divergences) {
        expect(d.port, `${d.what} has no port record`).toBeDefined();
        expect(seen, `${d.what}: no change carries its port record`).toContain(`${d.port!.loc.file}:${d.port!.loc.line}`);
      }
    });

    it('every change has a rule, a severity, a path and at least one source location', () => {
      for (const c of forward.changes) {
        expect(['breaking', 'warning', 'info']).toContain(c.severity);
        expect(c.from ?? c.to).not.toBeNull();
        expect(c.message.length).toBeGreaterThan(0);
      }
    });
  });
}
