/**
 * The diff report as a build output: out/diff/ietf--matrix-org.{md,json,html},
 * the IETF edition compared with the Matrix.org edition.
 */
import type { PairGenerator } from '../generator.js';
import { diffModels } from '../../src/diff/diff.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';

/**
 * The last report's texts. The JSON holds every field of the diff result the
 * other two are rendered from, so the same JSON means the same Markdown and
 * HTML: in `mxspec watch` most edits leave the diff as it was, and rendering
 * the two costs several times what the JSON does. One entry; the texts are
 * the build's output files anyway.
 */
let last: { json: string; markdown: string; html: string } | undefined;

export const diffGenerator: PairGenerator = {
  id: 'diff',
  description: 'edition diff report: Markdown (pull-request comment), JSON and a self-contained HTML page',
  generate(from, to) {
    const d = diffModels(from, to);
    const stem = `diff/${from.edition.id}--${to.edition.id}`;
    const json = renderJson(d);
    if (last?.json !== json) last = { json, markdown: renderMarkdown(d), html: renderHtml(d) };
    return [
      { path: `${stem}.md`, content: last.markdown },
      { path: `${stem}.json`, content: json },
      { path: `${stem}.html`, content: last.html },
    ];
  },
};
