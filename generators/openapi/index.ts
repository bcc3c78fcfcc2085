/**
 * The OpenAPI generator: out/<edition>/openapi.json and openapi.yaml, the
 * same OpenAPI 3.1 document in two serialisations.
 */
import type { EditionGenerator, OutputFile } from '../generator.js';
import type { EditionModel } from '../../src/ir/types.js';
import { buildOpenApiDocument, holdsSharedOpenApiObjects, isSharedOpenApiObject } from './document.js';
import { prettyJson } from './json-emit.js';
import { jsonToYaml } from '../../src/text/yaml-writer.js';

export { buildOpenApiDocument } from './document.js';

export function openApiFiles(model: EditionModel, doc = buildOpenApiDocument(model)): OutputFile[] {
  const dir = model.edition.id;
  return [
    { path: `${dir}/openapi.json`, content: prettyJson(doc, { shared: isSharedOpenApiObject, holdsShared: holdsSharedOpenApiObjects }) + '\n' },
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
