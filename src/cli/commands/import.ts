/** `mxspec import matrix-spec DIR --out SPECDIR` — owned by the importer (src/import/). */
import type { Command } from 'commander';
import type { Io } from '../main.js';

export function registerImport(program: Command, io: Io, setExit: (c: number) => void): void {
  program
    .command('import')
    .description('import a matrix-spec checkout: mxspec import matrix-spec DIR --out SPECDIR')
    .argument('[source]')
    .argument('[dir]')
    .allowUnknownOption()
    .action(() => {
      io.err('mxspec - error MX9002: mxspec import is not implemented yet\n');
      setExit(2);
    });
}
