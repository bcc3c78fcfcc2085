/**
 * Writes the imported elements as mxspec source files (spec/README.md): one
 * rpc group and one binding group per API file, schema sets per source
 * folder, one event set, a document per API (and one for events) that
 * places them, editions.yaml and a minimal references.yaml. Output is a
 * pure function of its input: keys in a fixed order, no timestamps.
 */
import { stringify } from 'yaml';
import { BCP14_PATTERN } from '../parse/markdown.js';
import type { ImportedEvents } from './events.js';
import type { ImportedGroup } from './operations.js';
import type { Node } from './schema-convert.js';

export interface OutputSource {
  path: string;
  content: string;
}

export function yamlFile(header: string, value: unknown): string {
  const body = stringify(value, { lineWidth: 0, aliasDuplicateObjects: false, indent: 2, singleQuote: false });
  return `${header.split('\n').map((l) => `# ${l}`.trimEnd()).join('\n')}\n${body}`;
}

function usesBcp14(texts: string[]): boolean {
  return texts.some((t) => {
    BCP14_PATTERN.lastIndex = 0;
    return BCP14_PATTERN.test(t);
  });
}

/** Every description string in a value (to decide whether a document needs the BCP 14 boilerplate). */
export function descriptions(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) descriptions(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'description' || k === 'summary') && typeof v === 'string') out.push(v);
      else if (k !== 'examples' && k !== 'default') descriptions(v, out);
    }
  }
  return out;
}

const BCP14_SECTION = [
  '# Conventions {#conventions}',
  '',
  'The imported descriptions in this document use the key words of BCP 14',
  '(for example MUST and SHOULD) in capitals, as the source does.',
  '',
  '::bcp14-boilerplate',
  '',
];

function escapeTitle(s: string): string {
  return s.replace(/[{}<>]/g, '').trim();
}

export function apiDocument(api: string, source: string, groups: ImportedGroup[]): string {
  const lines = ['---', `title: ${JSON.stringify(`${api} API`)}`, '---', '', '# Introduction {#introduction}', ''];
  lines.push(`This document was written by \`mxspec import matrix-spec\` from the OpenAPI files in \`${source}\`.`, 'Each operation there is one RPC here, with one HTTP binding.', '');
  if (usesBcp14(groups.flatMap((g) => descriptions(g.rpcs)))) lines.push(...BCP14_SECTION);
  for (const g of groups) {
    lines.push(`# ${escapeTitle(g.title) || g.id} {#group-${g.id}}`, '', `::rpcs{group="${g.id}"}`, '', `::bindings{group="${g.id}"}`, '');
  }
  return lines.join('\n');
}

export function eventsDocument(events: ImportedEvents, schemaSets: string[]): string {
  const lines = ['---', 'title: "Events and schemas"', '---', '', '# Introduction {#introduction}', ''];
  lines.push('This document was written by `mxspec import matrix-spec` from the event schemas and shared definitions of the imported checkout.', '');
  if (usesBcp14(descriptions(events))) lines.push(...BCP14_SECTION);
  if (Object.keys(events.eventTypes).length) lines.push('# Event types {#event-types}', '', '::event-types', '');
  if (Object.keys(events.eduTypes).length) lines.push('# EDU types {#edu-types}', '', '::edu-types', '');
  if (schemaSets.length) {
    lines.push('# Schemas {#schemas}', '');
    for (const s of schemaSets) lines.push(`## ${s} {#schemas-${s}}`, '', `::schemas{file="${s}"}`, '');
  }
  return lines.join('\n');
}

/**
 * Both editions see every imported element (nothing diverges yet); the
 * imported release is the baseline of both and the version of `edition`.
 * No document has a docName: Internet-Drafts are produced once an author
 * gives one (docs/import.md).
 */
export function editionsFile(opts: { version: string; date: string; edition: 'ietf' | 'matrix-org'; documents: string[] }): string {
  const docs: Node = {};
  for (const d of opts.documents) docs[d] = {};
  const edition = (id: 'ietf' | 'matrix-org', label: string): Node => ({
    label,
    version: opts.edition === id ? opts.version : id === 'ietf' ? '0' : opts.version,
    baseline: opts.version,
    date: opts.date,
    documents: docs,
  });
  return yamlFile(`Editions of the imported specification (written by mxspec import; ${opts.edition} is the imported release).`, {
    editions: { ietf: edition('ietf', 'IETF'), 'matrix-org': edition('matrix-org', 'Matrix.org') },
  });
}

/** The references the BCP 14 boilerplate stands on; nothing else is cited by an import. */
export function referencesFile(): string {
  return yamlFile('References (written by mxspec import).', {
    references: {
      RFC2119: {
        title: 'Key words for use in RFCs to Indicate Requirement Levels',
        authors: [{ initials: 'S.', surname: 'Bradner', fullname: 'S. Bradner' }],
        date: '1997-03',
        series: [{ name: 'RFC', value: '2119' }, { name: 'BCP', value: '14' }],
        target: 'https://www.rfc-editor.org/info/rfc2119',
        status: 'bcp',
      },
      RFC8174: {
        title: 'Ambiguity of Uppercase vs Lowercase in RFC 2119 Key Words',
        authors: [{ initials: 'B.', surname: 'Leiba', fullname: 'B. Leiba' }],
        date: '2017-05',
        series: [{ name: 'RFC', value: '8174' }, { name: 'BCP', value: '14' }],
        target: 'https://www.rfc-editor.org/info/rfc8174',
        status: 'bcp',
      },
    },
  });
}
