/**
 * The package README, filled in from templates/types-readme.md. The
 * template is part of mxspec itself (like the generator's code), so it is
 * loaded once with the module, never per build and never from spec/.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPLATE_REL = 'templates/types-readme.md';

function findTemplate(): string {
  // From generators/types/ (sources) or dist/generators/types/ (compiled).
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, TEMPLATE_REL);
    if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
    dir = path.dirname(dir);
  }
  return '# {{packageName}}\n\nTypeScript types of the Matrix federation API, {{editionLabel}} edition {{editionVersion}}.\n';
}

let template: string | undefined;

/** Replaces every `{{key}}` with its value; unknown keys are left visible so a template typo shows. */
export function renderReadme(values: Record<string, string>): string {
  template ??= findTemplate();
  return template.replace(/\{\{(\w+)\}\}/g, (all, key: string) => (key in values ? values[key] : all));
}
