/**
 * The leaf directives: RPCs, bindings, schemas, content blocks, event and
 * EDU types, room-version parts and the error table, rendered from the IR
 * as structured text with JSON examples.
 */
import type { ContentBlock, EduType, EventType, HttpBinding, NamedSchema, Rpc, Rule, SourceLocation } from '../../src/ir/types.js';
import type { RenderContext } from './context.js';
import { el, type XElement, type XNode } from './xml.js';
import { codeBlock, fragmentBlocks, fragmentInline, sectionXref } from './markdown.js';
import { errorCodes, itemAnchor, itemKey, type DirectiveNode } from './placements.js';
import { describeValue, objectBody, schemaRef, typeLabel } from './schema-text.js';
import { layoutJson } from './json-layout.js';
import { memoItem } from './item-memo.js';
import { allWith, firstWith } from '../../src/ir/lookup.js';

export interface Rendered {
  blocks: XElement[];
  sections: XElement[];
}

/** One rendered item: its anchor, a title and the body. */
interface Item {
  anchor: string;
  title: XNode[];
  body: XElement[];
  loc: SourceLocation;
}

/** An anchor for an item, only the first time this draft renders it. */
function claim(ctx: RenderContext, anchor: string): string | undefined {
  if (ctx.placedAnchors.has(anchor)) return undefined;
  ctx.placedAnchors.add(anchor);
  return anchor;
}

function place(items: Item[], ctx: RenderContext, asSections: boolean): Rendered {
  if (asSections) {
    return { blocks: [], sections: items.map((i) => el('section', { anchor: claim(ctx, i.anchor) }, [el('name', {}, i.title), ...i.body], i.loc)) };
  }
  const blocks: XElement[] = [];
  for (const i of items) {
    blocks.push(el('t', { anchor: claim(ctx, i.anchor) }, [el('strong', {}, i.title)], i.loc));
    blocks.push(...i.body);
  }
  return { blocks, sections: [] };
}

function example(label: string, value: unknown, ctx: RenderContext, loc: SourceLocation): XElement {
  return el('figure', {}, [el('name', {}, [label]), codeBlock(layoutJson(value), 'json', ctx, loc)]);
}

function examples(what: string, values: unknown[] | undefined, ctx: RenderContext, loc: SourceLocation): XElement[] {
  if (!values?.length) return [];
  return values.map((v, i) => example(values.length > 1 ? `Example ${what} (${i + 1} of ${values.length})` : `Example ${what}`, v, ctx, loc));
}

// ---------------------------------------------------------------- RPCs

function rpcItem(rpc: Rpc, ctx: RenderContext): Item {
  const body: XElement[] = [el('t', {}, fragmentInline(rpc.summary, ctx, rpc.loc))];
  body.push(...fragmentBlocks(rpc.description, ctx, rpc.loc));
  const binding = ctx.placements.get(itemKey('binding', rpc.name));
  if (binding) body.push(el('t', {}, ['The HTTP binding of this call is given in ', ...sectionXref(binding.doc, binding.anchor, ctx, rpc.loc), '.']));
  if (rpc.roomVersionDependent) body.push(el('t', {}, ['The events this call carries take the format of the room version of their room.']));
  body.push(el('t', {}, [el('strong', {}, ['Request'])]));
  body.push(...objectBody(rpc.request, ctx, 'The request'));
  body.push(el('t', {}, [el('strong', {}, ['Response'])]));
  if (rpc.response.type === 'ref') {
    body.push(el('t', {}, ['The response is a ', ...schemaRef(rpc.response.ref, ctx, rpc.response.loc), ' object.']));
  } else {
    body.push(...objectBody(rpc.response, ctx, 'The response'));
  }
  if (rpc.errors.length) {
    body.push(el('t', {}, [el('strong', {}, ['Errors'])]));
    body.push(el('dl', {}, rpc.errors.flatMap((e) => [
      el('dt', {}, [el('tt', {}, [e.code])], e.loc),
      el('dd', {}, fragmentBlocks(e.description, ctx, e.loc), e.loc),
    ])));
  }
  for (const ex of rpc.examples) {
    if (ex.request !== undefined) body.push(example(`Example request (${ex.name}) of ${rpc.name}`, ex.request, ctx, ex.loc));
    if (ex.response !== undefined) body.push(example(`Example response (${ex.name}) of ${rpc.name}`, ex.response, ctx, ex.loc));
  }
  return { anchor: itemAnchor('rpc', rpc.name), title: [rpc.name], body, loc: rpc.loc };
}

// ---------------------------------------------------------------- bindings

function fieldNames(names: string[]): XNode[] {
  const out: XNode[] = [];
  names.forEach((n, i) => out.push(i ? ', ' : '', el('tt', {}, [n])));
  return out;
}

/** A binding also reads its RPC's summary. */
function memoBinding(b: HttpBinding, ctx: RenderContext): Item {
  return memoItem('binding', b, ctx, bindingItem, firstWith(ctx.model.rpcs, 'name', b.rpc)?.summary);
}

function bindingItem(b: HttpBinding, ctx: RenderContext): Item {
  const rpc = firstWith(ctx.model.rpcs, 'name', b.rpc);
  const placed = ctx.placements.get(itemKey('rpc', b.rpc));
  const body: XElement[] = [];
  body.push(el('t', {}, ['Binds ', el('tt', {}, [b.rpc]), ...(placed ? [' (', ...sectionXref(placed.doc, placed.anchor, ctx, b.loc), ')'] : []), rpc ? `: ${rpc.summary.replace(/\.$/, '')}.` : '.']));
  body.push(...fragmentBlocks(b.description, ctx, b.loc));
  const rows: [string, XNode[]][] = [
    ['Request', [el('tt', {}, [`${b.method} ${b.path}`])]],
  ];
  if (b.pathParams.length) rows.push(['Path parameters', fieldNames(b.pathParams)]);
  if (b.query.length) rows.push(['Query parameters', fieldNames(b.query)]);
  const headers = Object.entries(b.headers);
  if (headers.length) {
    const h: XNode[] = [];
    headers.forEach(([f, name], i) => h.push(i ? ', ' : '', el('tt', {}, [f]), ' in ', el('tt', {}, [name])));
    rows.push(['Header fields', h]);
  }
  rows.push(['Request body', b.body === 'none' ? ['none'] : b.body === 'fields' ? ['a JSON object of the remaining request fields'] : ['the field ', el('tt', {}, [b.body])]]);
  rows.push(['Authentication', b.auth === 'x-matrix' ? ['X-Matrix request signature'] : ['none']]);
  rows.push(['Rate-limited', [b.rateLimited ? 'yes' : 'no']]);
  rows.push(['Success', [`${b.status}, `, el('tt', {}, [b.responseContentType])]]);
  body.push(el('dl', { newline: 'false', spacing: 'compact' }, rows.flatMap(([k, v]) => [el('dt', {}, [`${k}:`]), el('dd', {}, v)])));
  const errs = Object.entries(b.errors);
  if (errs.length) {
    body.push(el('table', {}, [
      el('thead', {}, [el('tr', {}, [el('th', {}, ['Error code']), el('th', {}, ['HTTP status'])])]),
      el('tbody', {}, errs.map(([code, status]) => el('tr', {}, [el('td', {}, [el('tt', {}, [code])]), el('td', {}, [String(status)])]))),
    ], b.loc));
  }
  return { anchor: itemAnchor('binding', b.rpc), title: [`${b.rpc}`], body, loc: b.loc };
}

// ---------------------------------------------------------------- schemas, blocks, events

function schemaItem(s: NamedSchema, ctx: RenderContext): Item {
  const body: XElement[] = [];
  body.push(...fragmentBlocks(s.schema.description, ctx, s.loc));
  if (s.schema.type === 'object') body.push(...objectBody(s.schema, ctx, `A ${s.name}`));
  else body.push(...describeValue(s.schema, undefined, '', ctx, 0));
  body.push(...examples(`of ${s.name}`, s.schema.examples, ctx, s.loc));
  return { anchor: itemAnchor('schema', s.name), title: [s.name], body, loc: s.loc };
}

function blockItem(b: ContentBlock, ctx: RenderContext): Item {
  const body: XElement[] = [...fragmentBlocks(b.description, ctx, b.loc)];
  body.push(...describeValue(b.schema, undefined, '', ctx, 0));
  body.push(...examples(`of ${b.name}`, b.examples, ctx, b.loc));
  return { anchor: itemAnchor('block', b.name), title: [b.name], body, loc: b.loc };
}

function eventItem(e: EventType, ctx: RenderContext): Item {
  const body: XElement[] = [...fragmentBlocks(e.description, ctx, e.loc)];
  const facts: [string, XNode[]][] = [
    ['Kind', [e.kind === 'state' ? 'state event' : 'message event']],
    ['Registrar', [e.registrar]],
  ];
  if (e.kind === 'state' || e.stateKey) {
    const sk: XNode[] = [e.stateKey?.format ? (e.stateKey.format === 'empty' ? 'the empty string' : `a ${typeLabel({ type: 'string', format: e.stateKey.format, loc: e.loc } as never, ctx).join('')}`) : 'a string'];
    if (e.stateKey?.description) sk.push('; ', ...fragmentInline(e.stateKey.description, ctx, e.loc));
    facts.push(['State key', sk]);
  }
  body.push(el('dl', { newline: 'false', spacing: 'compact' }, facts.flatMap(([k, v]) => [el('dt', {}, [`${k}:`]), el('dd', {}, v)])));
  body.push(el('t', {}, [el('strong', {}, ['Content'])]));
  body.push(...objectBody(e.content, ctx, 'The content'));
  for (const mt of e.msgtypes ?? []) {
    body.push(el('t', {}, ['When ', el('tt', {}, ['msgtype']), ' is ', el('tt', {}, [mt.name]), ':']));
    body.push(...objectBody(mt.schema, ctx, 'The content'));
  }
  body.push(...examples(`${e.name} event`, e.examples, ctx, e.loc));
  return { anchor: itemAnchor('event', e.name), title: [e.name], body, loc: e.loc };
}

function eduItem(e: EduType, ctx: RenderContext): Item {
  const body: XElement[] = [...fragmentBlocks(e.description, ctx, e.loc)];
  body.push(el('t', {}, [el('strong', {}, ['Content'])]));
  body.push(...objectBody(e.content, ctx, 'The content'));
  body.push(...examples(`${e.name} EDU`, e.examples, ctx, e.loc));
  return { anchor: itemAnchor('edu', e.name), title: [e.name], body, loc: e.loc };
}

// ---------------------------------------------------------------- errors

function errorTable(ctx: RenderContext, loc: SourceLocation): XElement[] {
  const codes = errorCodes(ctx.model);
  if (!codes.length) return [el('t', {}, ['No RPC of this specification defines an error.'])];
  return [el('dl', {}, codes.flatMap((code) => {
    const users = ctx.model.rpcs.filter((r) => r.errors.some((e) => e.code === code));
    const dd: XNode[] = ['Returned by '];
    users.forEach((r, i) => {
      dd.push(i ? (i === users.length - 1 ? ' and ' : ', ') : '');
      const placed = ctx.placements.get(itemKey('rpc', r.name));
      dd.push(el('tt', {}, [r.name]));
      if (placed) dd.push(' (', ...sectionXref(placed.doc, placed.anchor, ctx, loc), ')');
    });
    dd.push('.');
    return [el('dt', { anchor: claim(ctx, itemAnchor('error', code)) }, [el('tt', {}, [code])]), el('dd', {}, dd)];
  }), loc)];
}

// ---------------------------------------------------------------- room versions

function ruleList(rules: Rule[], rvId: string, ctx: RenderContext): XElement {
  return el('ol', {}, rules.map((r) => {
    const content: XElement[] = fragmentBlocks(r.text, ctx, r.loc);
    if (r.steps.length) content.push(ruleList(r.steps, rvId, ctx));
    return el('li', { anchor: claim(ctx, itemAnchor('rule', r.id, rvId)) }, content.length ? content : [el('t', {}, [r.id])], r.loc);
  }));
}

function kv(entries: [string, string][]): XElement {
  return el('dl', { newline: 'false', spacing: 'compact' }, entries.flatMap(([k, v]) => [el('dt', {}, [`${k}:`]), el('dd', {}, [el('tt', {}, [v])])]));
}

function roomVersionPart(id: string, part: string, ctx: RenderContext, loc: SourceLocation): XElement[] {
  const rv = ctx.model.roomVersions.find((r) => r.id === id);
  if (!rv) return [];
  const out: XElement[] = [];
  const intro = (nodes: XNode[]): void => {
    out.push(el('t', { anchor: claim(ctx, itemAnchor('room-version', rv.id)) }, nodes, loc));
  };
  switch (part) {
    case 'event-format':
      intro(['Events in room version ', rv.displayId, ' use the envelope ', ...schemaRef(rv.envelope, ctx, loc), '.']);
      out.push(el('t', {}, ['Event IDs:']), kv(Object.entries(rv.eventIdFormat)));
      out.push(el('t', {}, ['Room IDs:']), kv(Object.entries(rv.roomIdFormat)));
      break;
    case 'redaction': {
      intro([`Redacting an event in room version ${rv.displayId} keeps these top-level keys and removes all others:`]);
      out.push(el('ul', { spacing: 'compact' }, rv.redaction.keepTopLevel.map((k) => el('li', {}, [el('tt', {}, [k])]))));
      const keep = Object.entries(rv.redaction.keepContent);
      if (keep.length) {
        out.push(el('t', {}, ['Within ', el('tt', {}, ['content']), ', it keeps these keys by event type (', el('tt', {}, ['*']), ' keeps the whole content):']));
        out.push(el('dl', { newline: 'false', spacing: 'compact' }, keep.flatMap(([type, keys]) => [
          el('dt', {}, [el('tt', {}, [type])]),
          el('dd', {}, keys.length ? fieldNames(keys) : ['no keys']),
        ])));
      }
      break;
    }
    case 'auth-rules':
      intro([`An event is authorised in room version ${rv.displayId} by these rules, applied in order; the first rule that decides, decides:`]);
      out.push(ruleList(rv.authRules, rv.id, ctx));
      break;
    case 'state-resolution':
      intro([`Room version ${rv.displayId} resolves state with algorithm `, el('tt', {}, [rv.stateResolution.algorithm]), ':']);
      out.push(ruleList(rv.stateResolution.rules, rv.id, ctx));
      break;
    case 'signing':
      intro([`Room version ${rv.displayId} hashes with `, el('tt', {}, [rv.signing.hash]), ' and signs with ', el('tt', {}, [rv.signing.signature]), ':']);
      out.push(ruleList(rv.signing.rules, rv.id, ctx));
      break;
    case 'key-validity':
      intro([`In room version ${rv.displayId}, signing keys are valid as follows:`]);
      out.push(ruleList(rv.keyValidity.rules, rv.id, ctx));
      break;
    default:
      break;
  }
  // Rule lists are never empty in a valid source, but an empty <ol> is invalid RFC XML.
  return out.filter((e) => e.name !== 'ol' || e.children.length > 0);
}

// ---------------------------------------------------------------- dispatch

export function renderDirective(d: DirectiveNode, ctx: RenderContext, loc: SourceLocation, asSections: boolean): Rendered {
  const a = d.attributes ?? {};
  const m = ctx.model;
  switch (d.name) {
    case 'bcp14-boilerplate':
      return { blocks: [bcp14Boilerplate(ctx, loc)], sections: [] };
    case 'rpcs': {
      const group = firstWith(m.rpcGroups, 'id', a.group);
      const blocks = group ? fragmentBlocks(group.description, ctx, group.loc) : [];
      const r = place(allWith(m.rpcs, 'group', a.group).map((x) => memoItem('rpc', x, ctx, rpcItem)), ctx, asSections);
      return { blocks: [...blocks, ...r.blocks], sections: r.sections };
    }
    case 'rpc':
      return place(allWith(m.rpcs, 'name', a.name).map((x) => memoItem('rpc', x, ctx, rpcItem)), ctx, asSections);
    case 'bindings':
      return place(allWith(m.bindings, 'group', a.group).map((x) => memoBinding(x, ctx)), ctx, asSections);
    case 'binding':
      return place(allWith(m.bindings, 'rpc', a.rpc).map((x) => memoBinding(x, ctx)), ctx, asSections);
    case 'schema':
      return place(allWith(m.schemas, 'name', a.name).map((x) => memoItem('schema', x, ctx, schemaItem)), ctx, asSections);
    case 'schemas':
      return place(allWith(m.schemas, 'file', a.file).map((x) => memoItem('schema', x, ctx, schemaItem)), ctx, asSections);
    case 'content-blocks':
      return place(m.contentBlocks.map((x) => memoItem('block', x, ctx, blockItem)), ctx, asSections);
    case 'event-types':
      return place(m.eventTypes.map((x) => memoItem('event', x, ctx, eventItem)), ctx, asSections);
    case 'edu-types':
      return place(m.eduTypes.map((x) => memoItem('edu', x, ctx, eduItem)), ctx, asSections);
    case 'errors':
      return { blocks: errorTable(ctx, loc), sections: [] };
    case 'room-version':
      return { blocks: roomVersionPart(a.id ?? '', a.part ?? '', ctx, loc), sections: [] };
    default:
      return { blocks: [], sections: [] };
  }
}

// ---------------------------------------------------------------- BCP 14

export const BCP14_KEYWORDS = ['MUST', 'MUST NOT', 'REQUIRED', 'SHALL', 'SHALL NOT', 'SHOULD', 'SHOULD NOT', 'RECOMMENDED', 'NOT RECOMMENDED', 'MAY', 'OPTIONAL'];

/** The RFC 8174 paragraph, citing RFC 2119 and RFC 8174 separately. */
export function bcp14Boilerplate(ctx: RenderContext, loc: SourceLocation): XElement {
  ctx.boilerplate = loc;
  const t: XNode[] = ['The key words '];
  BCP14_KEYWORDS.forEach((k, i) => {
    if (i) t.push(i === BCP14_KEYWORDS.length - 1 ? ', and ' : ', ');
    t.push('"', el('bcp14', {}, [k]), '"');
  });
  const r2119 = el('xref', { target: 'RFC2119' });
  const r8174 = el('xref', { target: 'RFC8174' });
  ctx.xrefs.push({ element: r2119, loc }, { element: r8174, loc });
  ctx.cited.has('RFC2119') || ctx.cited.set('RFC2119', loc);
  ctx.cited.has('RFC8174') || ctx.cited.set('RFC8174', loc);
  t.push(' in this document are to be interpreted as described in BCP 14 ', r2119, ' ', r8174, ' when, and only when, they appear in all capitals, as shown here.');
  return el('t', {}, t, loc);
}
