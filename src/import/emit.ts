/**
 * Writes the imported elements as mxspec source files (spec/README.md): one
 * rpc group and one binding group per API file, schema sets per source
 * folder, one event set, editions.yaml (with a docName per document in the
 * ietf edition) and references.yaml with what the documents cite (the
 * documents themselves are written by documents.ts). Output is a pure
 * function of its input: keys in a fixed order, no timestamps.
 */
import type { Node } from './schema-convert.js';
import { jsonToYaml, jsonToYamlAsRead, type YamlAsRead } from '../text/yaml-writer.js';
import { PLAIN_READ_LIMITS } from '../load/yaml-located.js';

export interface OutputSource {
  path: string;
  content: string;
  /**
   * A YAML file's value and positions as a build reading `content` gets
   * them, when the import was asked to keep them (ImportOptions.keepAsRead)
   * and the writer could foresee the reading.
   */
  asRead?: YamlAsRead;
}

/** A source file's text, and, with `keepAsRead`, its reading (OutputSource.asRead). */
export interface YamlSource {
  content: string;
  asRead?: YamlAsRead;
}

/** A source file: the header as comment lines, then the value (JSON-shaped) as YAML. */
export function yamlFile(header: string, value: unknown, keepAsRead = false): YamlSource {
  const prefix = `${header.split('\n').map((l) => `# ${l}`.trimEnd()).join('\n')}\n`;
  const json = value as Parameters<typeof jsonToYaml>[0];
  if (!keepAsRead) return { content: prefix + jsonToYaml(json) };
  const { text, asRead } = jsonToYamlAsRead(json, PLAIN_READ_LIMITS, prefix);
  return asRead ? { content: text, asRead } : { content: text };
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

/** The draft facts of one imported document in the ietf edition. */
export interface DraftName {
  docName: string;
  revision: number;
}

/** Placeholder author of the imported drafts (docs/import.md: replace before submitting). */
export const IMPORT_AUTHOR_ID = 'editor';
const IMPORT_AUTHOR = { name: 'I. Editor', initials: 'I.', surname: 'Editor', fullname: 'Import Editor', organization: 'Example', email: 'editor@example.org' };

/**
 * Both editions see every imported element (nothing diverges yet); the
 * imported release is the baseline of both and the version of `edition`.
 * In the ietf edition every document has a docName, so `mxspec build`
 * writes Internet-Drafts of the import.
 */
export function editionsFile(opts: { version: string; date: string; edition: 'ietf' | 'matrix-org'; documents: string[]; drafts: Map<string, DraftName>; keepAsRead?: boolean }): YamlSource {
  const documents = (withDrafts: boolean): Node => {
    const docs: Node = {};
    for (const d of opts.documents) {
      const draft = withDrafts ? opts.drafts.get(d) : undefined;
      docs[d] = draft ? { docName: draft.docName, revision: draft.revision } : {};
    }
    return docs;
  };
  const edition = (id: 'ietf' | 'matrix-org', label: string): Node => ({
    label,
    version: opts.edition === id ? opts.version : id === 'ietf' ? '0' : opts.version,
    baseline: opts.version,
    date: opts.date,
    documents: documents(id === 'ietf'),
  });
  return yamlFile(`Editions of the imported specification (written by mxspec import; ${opts.edition} is the imported release).\nThe author is a placeholder: replace it before submitting a draft.`, {
    editions: { ietf: edition('ietf', 'IETF'), 'matrix-org': edition('matrix-org', 'Matrix.org') },
    authors: { [IMPORT_AUTHOR_ID]: { name: IMPORT_AUTHOR.name, fullname: IMPORT_AUTHOR.fullname, organization: IMPORT_AUTHOR.organization, email: IMPORT_AUTHOR.email } },
  }, opts.keepAsRead);
}

/** Bibliographic facts of the RFCs an imported document may cite. */
const RFCS: Record<string, Node> = {
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
  RFC8259: {
    title: 'The JavaScript Object Notation (JSON) Data Interchange Format',
    authors: [{ initials: 'T.', surname: 'Bray', fullname: 'T. Bray', role: 'editor' }],
    date: '2017-12',
    series: [{ name: 'RFC', value: '8259' }, { name: 'STD', value: '90' }],
    target: 'https://www.rfc-editor.org/info/rfc8259',
    status: 'standard',
  },
  RFC8792: {
    title: 'Handling Long Lines in Content of Internet-Drafts and RFCs',
    authors: [
      { initials: 'K.', surname: 'Watsen', fullname: 'K. Watsen' },
      { initials: 'E.', surname: 'Auerswald', fullname: 'E. Auerswald' },
      { initials: 'A.', surname: 'Farrel', fullname: 'A. Farrel' },
      { initials: 'Q.', surname: 'Wu', fullname: 'Q. Wu' },
    ],
    date: '2020-06',
    series: [{ name: 'RFC', value: '8792' }],
    target: 'https://www.rfc-editor.org/info/rfc8792',
    status: 'informational',
  },
  RFC9110: {
    title: 'HTTP Semantics',
    authors: [
      { initials: 'R.', surname: 'Fielding', fullname: 'R. Fielding', role: 'editor' },
      { initials: 'M.', surname: 'Nottingham', fullname: 'M. Nottingham', role: 'editor' },
      { initials: 'J.', surname: 'Reschke', fullname: 'J. Reschke', role: 'editor' },
    ],
    date: '2022-06',
    series: [{ name: 'RFC', value: '9110' }, { name: 'STD', value: '97' }],
    target: 'https://www.rfc-editor.org/info/rfc9110',
    status: 'standard',
  },
};

/** The reference entry of one imported draft, cited by the others as I-D.<name>. */
export interface DraftReference {
  id: string;
  title: string;
  docName: string;
  revision: number;
  date: string;
}

/** Every reference the imported documents cite: the RFCs by id, and the imported drafts. */
export function referencesFile(cited: Iterable<string>, drafts: DraftReference[], keepAsRead = false): YamlSource {
  const references: Record<string, Node> = {};
  for (const id of [...new Set(cited)].sort()) if (RFCS[id]) references[id] = RFCS[id]!;
  for (const d of drafts) {
    const name = `${d.docName}-${String(d.revision).padStart(2, '0')}`;
    references[d.id] = {
      title: d.title,
      authors: [{ initials: IMPORT_AUTHOR.initials, surname: IMPORT_AUTHOR.surname, fullname: IMPORT_AUTHOR.fullname }],
      date: d.date,
      series: [{ name: 'Internet-Draft', value: name }],
      target: `https://datatracker.ietf.org/doc/html/${name}`,
      status: 'draft',
    };
  }
  return yamlFile('References cited by the imported documents (written by mxspec import).', { references }, keepAsRead);
}
