/** The source-format JSON Schemas as files (name + deterministic JSON text). */
import { FRONT_MATTER_SCHEMA, SOURCE_SCHEMAS } from './schemas.js';

export function sourceSchemaFiles(): { name: string; content: string }[] {
  const all: Record<string, unknown> = { ...SOURCE_SCHEMAS, 'front-matter': FRONT_MATTER_SCHEMA };
  return Object.keys(all)
    .sort()
    .map((k) => ({ name: `${k}.schema.json`, content: JSON.stringify(all[k], null, 2) + '\n' }));
}
