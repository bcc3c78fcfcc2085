/**
 * Inputs for the draft-tool peers of benchmark 6: for each ietf document, a
 * Markdown draft of the same length in the peer's own syntax (mmark's TOML
 * title block, kramdown-rfc's YAML header), whose body is the document's
 * prose with mxspec-only syntax (directives, link schemes) turned into
 * plain Markdown, padded with its own paragraphs to the original length.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface PeerDraft {
  /** The mxspec document id (documents/<id>.md). */
  doc: string;
  docName: string;
  /** Length of the mxspec source, in characters. */
  sourceChars: number;
  mmark: string;
  kramdown: string;
}

/** The document body in portable Markdown: no directives, no mxspec link schemes, no attribute blocks. */
export function portableBody(text: string): string {
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body
    .split('\n')
    .filter((l) => !/^\s*:{2,}/.test(l))
    .map((l) =>
      l
        .replace(/\s*\{[#.][^}]*\}\s*$/, '')
        .replace(/\[([^\]]*)\]\((?:rpc|binding|schema|event|block|edu|doc|ref|room-version|rule):([^)]*)\)/g, (_m, t: string, target: string) => (t || `\`${target}\``))
        .replace(/\[([^\]]*)\]\(#[^)]*\)/g, (_m, t: string) => t || 'this section'),
    )
    .join('\n');
}

function fitTo(body: string, chars: number): string {
  if (body.length >= chars) return body.slice(0, body.lastIndexOf('\n', chars) + 1 || chars);
  const paras = body.split(/\n\n/).filter((p) => /^[A-Za-z]/.test(p));
  let out = body;
  for (let i = 0; out.length < chars && paras.length; i++) out += `\n\n${paras[i % paras.length]}`;
  return out.slice(0, chars);
}

export function peerDrafts(specDir: string, docs: { id: string; docName: string; title: string }[]): PeerDraft[] {
  return docs.map(({ id, docName, title }) => {
    const text = readFileSync(path.join(specDir, 'documents', `${id}.md`), 'utf8');
    const body = portableBody(text);
    const mmarkHead = [
      '%%%',
      `title = "${title.replace(/"/g, '')}"`,
      'ipr = "trust200902"',
      'area = "Applications"',
      '[seriesInfo]',
      'name = "Internet-Draft"',
      `value = "${docName}-00"`,
      'stream = "IETF"',
      'status = "standard"',
      '[[author]]',
      'initials = "S."',
      'surname = "Editor"',
      'fullname = "Spec Editor"',
      '%%%',
      '',
      '.# Abstract',
      '',
      'A synthetic draft of the same length as the mxspec source, for timing.',
      '',
      '{mainmatter}',
      '',
    ].join('\n');
    const kramdownHead = [
      '---',
      `title: "${title.replace(/"/g, '')}"`,
      `docname: ${docName}-00`,
      'category: std',
      'ipr: trust200902',
      'author:',
      '  - name: Spec Editor',
      '    email: spec-editor@example.org',
      '--- abstract',
      '',
      'A synthetic draft of the same length as the mxspec source, for timing.',
      '',
      '--- middle',
      '',
    ].join('\n');
    const target = text.length;
    return {
      doc: id,
      docName,
      sourceChars: target,
      mmark: mmarkHead + fitTo(body, Math.max(0, target - mmarkHead.length)),
      kramdown: kramdownHead + fitTo(body, Math.max(0, target - kramdownHead.length)),
    };
  });
}
