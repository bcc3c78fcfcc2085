/**
 * The OpenAPI generator: out/<edition>/openapi.json and openapi.yaml, the
 * same OpenAPI 3.1 document in two serialisations.
 */
import type { EditionGenerator, OutputFile } from '../generator.js';
import type { EditionModel } from '../../src/ir/types.js';
import { buildOpenApiDocument, isSharedOpenApiObject } from './document.js';
import { jsonToYaml } from '../../src/text/yaml-writer.js';

export { buildOpenApiDocument } from './document.js';

export function openApiFiles(model: EditionModel, doc = buildOpenApiDocument(model)): OutputFile[] {
  const dir = model.edition.id;
  return [
    // The engine's own serialiser. Remembering the text of objects shared between builds (as the YAML writer does)
    // did not pay in watch: 3-4 ms against 1 ms for the shipped spec's document (0.4-0.5 s against 0.07-0.08 s for a
    // 50x one); a one-shot build shares nothing and was written by JSON.stringify already.
    { path: `${dir}/openapi.json`, content: JSON.stringify(doc, null, 2) + '\n' },
    // The same value as YAML: no anchors/aliases for repeated values (readers of API documents do not expect them), no folding.
    { path: `${dir}/openapi.yaml`, content: jsonToYaml(doc as Parameters<typeof jsonToYaml>[0], { shared: isSharedOpenApiObject }) },
  ];
}

export const openApiGenerator: EditionGenerator = {
  id: 'openapi',
  description: 'OpenAPI 3.1 of the federation HTTP API (out/<edition>/openapi.json and openapi.yaml)',
  generate(model) {
    return openApiFiles(model);
  },
};
