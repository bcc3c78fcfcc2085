/**
 * Writes the JSON Schemas of the source format to schemas/source/ (for YAML
 * language servers). `npm run schemas` runs it; a test keeps the committed
 * files equal to what this writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceSchemaFiles } from '../../src/source-format/emit.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = path.join(root, 'schemas/source');
mkdirSync(dir, { recursive: true });
for (const f of sourceSchemaFiles()) writeFileSync(path.join(dir, f.name), f.content);
console.log(`wrote ${sourceSchemaFiles().length} schemas to schemas/source/`);
