import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository: the nearest folder with a package.json above `moduleUrl` (dist/scripts/bench/ compiled, scripts/bench/ under vitest). */
export function packageRoot(moduleUrl: string): string {
  const from = path.dirname(fileURLToPath(moduleUrl));
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}
