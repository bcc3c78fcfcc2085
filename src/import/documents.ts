/**
 * The documents an import writes: one per API (its RPC groups with their
 * HTTP bindings) and one for events and shared schemas. Each has what an
 * Internet-Draft needs, so the ietf edition builds them as drafts: front
 * matter with an abstract and references, an Introduction, Conventions
 * (BCP 14 boilerplate only when the imported text uses the key words),
 * Security Considerations and IANA Considerations. This prose is mxspec's
 * own; the imported descriptions are placed by directives, unchanged.
 */
import { BCP14_PATTERN } from '../parse/markdown.js';
import { descriptions } from './emit.js';

/** A document's Markdown, the anchors of its sections and the references it cites. */
export interface ImportedDocument {
  id: string;
  title: string;
  content: string;
  anchors: Set<string>;
  cites: string[];
}

export interface DocumentFacts {
  /** Document id (the file name under documents/). */
  id: string;
  /** The imported release, e.g. v1.19. */
  version: string;
  /** Author ids for the front matter. */
  authors: string[];
  /** Every value the document renders (to find BCP 14 key words and examples). */
  rendered: unknown[];
}

function usesBcp14(values: unknown[]): boolean {
  return descriptions(values).some((t) => {
    BCP14_PATTERN.lastIndex = 0;
    return BCP14_PATTERN.test(t);
  });
}

/** Whether any rendered value carries an example (then the draft may fold long example lines). */
function hasExamples(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasExamples);
  if (!value || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => (k === 'examples' && Array.isArray(v) && v.length > 0) || hasExamples(v));
}

/** Section titles never carry what would be read as an anchor or markup. */
function headingText(s: string): string {
  return s.replace(/[{}<>[\]`*_#\\]/g, '').replace(/\s+/g, ' ').trim();
}

function yamlString(s: string): string {
  return JSON.stringify(s);
}

class DocumentWriter {
  readonly lines: string[] = [];
  readonly anchors = new Set<string>();
  readonly cites = new Set<string>();

  heading(level: number, title: string, anchor: string): void {
    this.anchors.add(anchor);
    this.lines.push(`${'#'.repeat(level)} ${title} {#${anchor}}`, '');
  }

  para(...text: string[]): void {
    this.lines.push(...text, '');
  }

  cite(id: string): string {
    this.cites.add(id);
    return `[](ref:${id})`;
  }
}

function frontMatter(title: string, abbrev: string, facts: DocumentFacts, abstract: string, normative: string[], informative: string[]): string[] {
  return [
    '---',
    `title: ${yamlString(title)}`,
    `abbrev: ${yamlString(abbrev)}`,
    `authors: [${facts.authors.join(', ')}]`,
    'category: info',
    'abstract: |',
    ...abstract.split('\n').map((l) => `  ${l}`),
    `normative: [${normative.join(', ')}]`,
    `informative: [${informative.join(', ')}]`,
    '---',
    '',
  ];
}

/** Conventions: the BCP 14 boilerplate when needed, and how examples are written. */
function conventions(w: DocumentWriter, facts: DocumentFacts): void {
  const bcp14 = usesBcp14(facts.rendered);
  const examples = hasExamples(facts.rendered);
  if (!bcp14 && !examples) return;
  w.heading(1, 'Conventions and Definitions', 'conventions');
  if (bcp14) {
    w.para('::bcp14-boilerplate');
    // Said in the document itself too: the source check (MX5002) looks for key words in document text only.
    w.para('The imported descriptions use these key words, MUST and SHOULD among them,', 'in this sense.');
  }
  if (examples) {
    w.para(
      `Examples are JSON texts ${w.cite('RFC8259')}. Characters outside ASCII in`,
      'their strings are written as escape sequences, which denote the same',
      `string. Example lines too long for this format are folded as described in ${w.cite('RFC8792')}.`,
    );
  }
}

/** Security and IANA considerations, common to every imported document. */
function closing(w: DocumentWriter, facts: DocumentFacts, whatItHolds: string[]): void {
  w.heading(1, 'Security Considerations', 'security-considerations');
  w.para(
    `This document restates part of release ${facts.version} of the Matrix`,
    'specification in another form; it adds no mechanism and changes none.',
    'The security properties of what it describes are those of that',
    'specification, whose security considerations apply unchanged.',
  );
  w.para(...whatItHolds);
  w.heading(1, 'IANA Considerations', 'iana-considerations');
  w.para('This document has no IANA actions.');
}

export interface ApiGroupRef {
  id: string;
  title: string;
}

/** The imported document that defines the named types, and the reference id its draft is cited by. */
export interface TypesDocument {
  id: string;
  referenceId: string;
}

/** The document of one API: its RPC groups, each with its RPCs and their HTTP bindings. */
export function apiDocument(api: string, source: string, groups: ApiGroupRef[], facts: DocumentFacts, typesDoc: TypesDocument | undefined): ImportedDocument {
  const w = new DocumentWriter();
  const name = headingText(api);
  w.heading(1, 'Introduction', 'introduction');
  w.para(
    `This document describes the Matrix ${name} API of release ${facts.version}`,
    `of the Matrix specification. \`mxspec import matrix-spec\` wrote it from the`,
    `OpenAPI description in \`${source}\` of the matrix-spec repository: each`,
    'operation there is one remote procedure call (RPC) here, followed by its',
    `binding to HTTP ${w.cite('RFC9110')}, with request and response bodies in JSON ${w.cite('RFC8259')}.`,
  );
  w.para(
    'The descriptions of the calls and their fields are the text of the source.',
    'Links in them that were relative to the Matrix specification web site are',
    'written as absolute URLs into the same release.',
  );
  if (typesDoc) {
    w.para(`The named types that the calls use are defined in [](doc:${typesDoc.id}).`);
    w.cites.add(typesDoc.referenceId);
  }
  conventions(w, facts);
  for (const g of groups) {
    w.heading(1, headingText(g.title) || g.id, `group-${g.id}`);
    w.para(`::rpcs{group="${g.id}"}`);
    w.para(`::bindings{group="${g.id}"}`);
  }
  closing(w, facts, [
    'A binding marked with X-Matrix authentication carries a signature by which',
    'the recipient authenticates the calling server; a binding without',
    'authentication may be called by anyone, so what it returns is available to',
    'anyone. A recipient validates each request against the types given here',
    'before acting on it, and limits the rate of the calls marked as',
    'rate-limited.',
  ]);
  return finish(facts, w, {
    title: `The Matrix ${name} API (imported from ${facts.version})`,
    abbrev: `Matrix ${name} API`.slice(0, 40),
    abstract: [
      `This document describes the calls of the Matrix ${name} API, as published`,
      `in release ${facts.version} of the Matrix specification, as transport-independent`,
      'remote procedure calls and their bindings to HTTP. It was converted',
      'mechanically from the machine-readable API description of that release.',
    ].join('\n'),
  });
}

export interface EventsContent {
  eventTypes: boolean;
  eduTypes: boolean;
  schemaSets: string[];
}

/** The document of event types, EDU types and every schema set. */
export function eventsDocument(id: string, content: EventsContent, facts: DocumentFacts): ImportedDocument {
  const w = new DocumentWriter();
  w.heading(1, 'Introduction', 'introduction');
  w.para(
    'This document describes the event types, the ephemeral data unit (EDU)',
    `types and the named data types of release ${facts.version} of the Matrix`,
    'specification. `mxspec import matrix-spec` wrote it from the event schemas and the shared',
    `definitions of the matrix-spec repository. Every value is JSON ${w.cite('RFC8259')}.`,
  );
  w.para(
    'The descriptions of the types and their fields are the text of the source.',
    'Links in them that were relative to the Matrix specification web site are',
    'written as absolute URLs into the same release.',
  );
  conventions(w, facts);
  if (content.eventTypes) {
    w.heading(1, 'Event Types', 'event-types');
    w.para('::event-types');
  }
  if (content.eduTypes) {
    w.heading(1, 'EDU Types', 'edu-types');
    w.para('::edu-types');
  }
  if (content.schemaSets.length) {
    w.heading(1, 'Data Types', 'schemas');
    for (const s of content.schemaSets) {
      w.heading(2, `Types from ${s}`, `schemas-${s}`);
      w.para(`::schemas{file="${s}"}`);
    }
  }
  closing(w, facts, [
    'A value that matches a type of this document is well formed, not',
    'trustworthy: a recipient checks the hashes and signatures that events',
    'carry, and the rules of their room version, before relying on them.',
  ]);
  return finish(facts, w, {
    title: `Matrix Events and Data Types (imported from ${facts.version})`,
    abbrev: 'Matrix Events and Data Types',
    abstract: [
      'This document describes the event types, EDU types and data types of',
      `release ${facts.version} of the Matrix specification. It was converted`,
      'mechanically from the machine-readable schemas of that release.',
    ].join('\n'),
  }, id);
}

function finish(facts: DocumentFacts, w: DocumentWriter, meta: { title: string; abbrev: string; abstract: string }, id = facts.id): ImportedDocument {
  const refs = [...w.cites].sort();
  const bcp14 = w.lines.includes('::bcp14-boilerplate');
  // RFC 8792 only explains how examples are laid out; everything else is needed to read the document.
  const normative = [...(bcp14 ? ['RFC2119', 'RFC8174'] : []), ...refs.filter((r) => r !== 'RFC8792')];
  const informative = refs.filter((r) => r === 'RFC8792');
  const fm = frontMatter(meta.title, meta.abbrev, facts, meta.abstract, normative, informative);
  const content = [...fm, ...w.lines].join('\n').replace(/\n+$/, '\n');
  return { id, title: meta.title, content, anchors: w.anchors, cites: [...normative, ...informative] };
}
