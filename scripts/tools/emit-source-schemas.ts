/**
 * Writes the JSON Schemas of the source format to schemas/source/ (for YAML
 * language servers) and the validators precompiled from them to
 * src/source-format/validators.generated.ts (used by `mxspec check`/`build`).
 * `npm run schemas` runs it; a test keeps the committed files equal to what
 * this writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceSchemaFiles } from '../../src/source-format/emit.js';
import { SOURCE_VALIDATORS_FILE, sourceValidatorModule } from '../../src/source-format/emit-validators.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = path.join(root, 'schemas/source');
mkdirSync(dir, { recursive: true });
const files = sourceSchemaFiles();
for (const f of files) writeFileSync(path.join(dir, f.name), f.content);
console.log(`wrote ${files.length} schemas to schemas/source/`);
writeFileSync(path.join(root, SOURCE_VALIDATORS_FILE), sourceValidatorModule());
console.log(`wrote ${SOURCE_VALIDATORS_FILE} (run \`npm run compile\` to use it from dist/)`);
