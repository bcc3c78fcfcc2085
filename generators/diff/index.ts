/**
 * The diff report as a build output: out/diff/ietf--matrix-org.{md,json,html},
 * the IETF edition compared with the Matrix.org edition.
 */
import type { PairGenerator } from '../generator.js';
import { diffModels } from '../../src/diff/diff.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';

export const diffGenerator: PairGenerator = {
  id: 'diff',
  description: 'edition diff report: Markdown (pull-request comment), JSON and a self-contained HTML page',
  generate(from, to) {
    const d = diffModels(from, to);
    const stem = `diff/${from.edition.id}--${to.edition.id}`;
    return [
      { path: `${stem}.md`, content: renderMarkdown(d) },
      { path: `${stem}.json`, content: renderJson(d) },
      { path: `${stem}.html`, content: renderHtml(d) },
    ];
  },
};
