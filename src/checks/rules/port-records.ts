/**
 * Every divergence between the editions is tracked: an element limited to
 * some editions, or with per-edition variants, carries a port record, and
 * the record is complete for its status.
 */
import type { RootContent } from 'mdast';
import type { EditionId, PortRecord, SchemaNode, SourceLocation, Rule } from '../../ir/types.js';
import type { DiagnosticBag } from '../../diagnostics/diagnostic.js';
import type { Check } from '../check.js';
import { forEachSection } from '../walk.js';
import { mayHoldBlocks } from '../../ir/flow-content.js';

interface Scopeish {
  editions?: EditionId[];
  variants?: object;
  port?: PortRecord;
  loc: SourceLocation;
}

function diverges(el: Scopeish): boolean {
  return (el.editions !== undefined && el.editions.length < 2) || (el.variants !== undefined && Object.keys(el.variants).length > 0);
}

export function checkPort(report: DiagnosticBag, what: string, el: Scopeish, inherited?: PortRecord): void {
  const port = el.port ?? inherited;
  if (diverges(el) && !port) {
    report.add('MX3004', `${what} differs between editions but has no port record; add port: {origin, status} (see spec/README.md)`, el.loc);
  }
  if (el.port) validatePort(report, el.port);
}

export function validatePort(report: DiagnosticBag, port: PortRecord): void {
  if (port.status === 'accepted' && port.msc === undefined) report.add('MX3005', 'an accepted port record needs the MSC number (msc: 1234)', port.loc);
  if (port.status === 'rejected' && !port.reason) report.add('MX3005', 'a rejected port record needs the reason (reason: …)', port.loc);
}

function schemaPorts(report: DiagnosticBag, owner: string, node: SchemaNode): void {
  switch (node.type) {
    case 'object':
      for (const p of node.properties) {
        checkPort(report, `property "${p.name}" of ${owner}`, p);
        schemaPorts(report, owner, p.schema);
      }
      if (node.additionalProperties && typeof node.additionalProperties === 'object') schemaPorts(report, owner, node.additionalProperties);
      break;
    case 'array':
      schemaPorts(report, owner, node.items);
      break;
    case 'map':
      schemaPorts(report, owner, node.values);
      break;
    case 'union':
      for (const m of node.oneOf) {
        checkPort(report, `a member of a union in ${owner}`, m as Scopeish);
        schemaPorts(report, owner, m);
      }
      break;
    case 'string':
    case 'integer':
    case 'number':
      for (const v of node.enum ?? []) checkPort(report, `enum value ${JSON.stringify(v.value)} in ${owner}`, v);
      break;
    default:
      break;
  }
}

function rulePorts(report: DiagnosticBag, rv: string, rules: Rule[]): void {
  for (const r of rules) {
    checkPort(report, `rule ${r.id} of room version ${rv}`, r);
    rulePorts(report, rv, r.steps);
  }
}

export const portRecords: Check = {
  id: 'port-records',
  codes: ['MX3004', 'MX3005'],
  description: 'Every divergence between editions (editions limit or variants) carries a complete port record.',
  run({ program, report }) {
    const rpcPorts = new Map(program.rpcs.map((r) => [r.name, r]));
    for (const r of program.rpcs) {
      checkPort(report, `RPC "${r.name}"`, r);
      schemaPorts(report, `RPC ${r.name}`, r.request);
      schemaPorts(report, `RPC ${r.name}`, r.response);
      for (const e of r.errors) checkPort(report, `error ${e.code} of RPC ${r.name}`, e);
    }
    for (const b of program.bindings) {
      // A binding limited exactly like its RPC is the same divergence; the RPC's record covers it.
      const rpc = rpcPorts.get(b.rpc);
      const same = rpc && JSON.stringify(rpc.editions ?? null) === JSON.stringify(b.editions ?? null) && !b.variants;
      checkPort(report, `binding of "${b.rpc}"`, b, same ? rpc.port : undefined);
    }
    for (const s of program.schemas) {
      checkPort(report, `schema "${s.name}"`, s);
      schemaPorts(report, `schema ${s.name}`, s.schema);
    }
    for (const b of program.contentBlocks) {
      checkPort(report, `content block "${b.name}"`, b);
      schemaPorts(report, `content block ${b.name}`, b.schema);
    }
    for (const e of program.eventTypes) {
      checkPort(report, `event type "${e.name}"`, e);
      schemaPorts(report, `event type ${e.name}`, e.content);
    }
    for (const e of program.eduTypes) {
      checkPort(report, `EDU type "${e.name}"`, e);
      schemaPorts(report, `EDU type ${e.name}`, e.content);
    }
    for (const rv of program.roomVersions) {
      checkPort(report, `room version "${rv.id}"`, rv);
      rulePorts(report, rv.id, rv.authRules);
      rulePorts(report, rv.id, rv.stateResolution.rules);
      rulePorts(report, rv.id, rv.signing.rules);
      rulePorts(report, rv.id, rv.keyValidity.rules);
    }
    for (const doc of program.documents) {
      forEachSection(doc.sections, (s) => {
        checkPort(report, `section "${s.title}"`, s);
        const visit = (nodes: RootContent[]): void => {
          for (const n of nodes) {
            if (n.type === 'containerDirective' && (n as { name?: string }).name === 'edition') {
              const attrs = (n as { attributes?: Record<string, string | null | undefined> | null }).attributes ?? {};
              if (!attrs.status) {
                report.add('MX3004', 'edition block has no port record; add status="…" (and origin, msc, reason or note) to :::edition{…}', { file: doc.file, line: n.position?.start.line ?? 1, column: n.position?.start.column ?? 1 });
              }
            }
            if (mayHoldBlocks(n)) visit(n.children as RootContent[]);
          }
        };
        visit(s.blocks);
      });
    }
  },
};
