/**
 * Which spec folder a command reads. Its own module so that the launcher
 * (bin/mxspec.js, through src/cli/young-generation.ts) decides from the same
 * rule as the CLI without loading the CLI.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The spec folder: --spec, else ./spec (relative to `cwd`), else the spec shipped with mxspec. */
export function resolveSpecDir(opt: string | undefined, cwd: string = process.cwd()): string {
  if (opt) return opt;
  if (existsSync(path.join(cwd, 'spec', 'editions.yaml'))) return 'spec';
  return path.join(PACKAGE_ROOT, 'spec');
}
