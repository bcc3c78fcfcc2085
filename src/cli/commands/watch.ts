/** `mxspec watch` — incremental rebuilds (src/watch/). */
import type { Command } from 'commander';
import type { Io } from '../main.js';

export function registerWatch(program: Command, io: Io, setExit: (c: number) => void): void {
  program
    .command('watch')
    .description('rebuild incrementally when spec files change')
    .allowUnknownOption()
    .action(() => {
      io.err('mxspec - error MX9002: mxspec watch is not implemented yet\n');
      setExit(2);
    });
}
