/** `mxspec diff FROM TO` — owned by the diff engine (src/diff/). */
import type { Command } from 'commander';
import type { Io } from '../main.js';

export function registerDiff(program: Command, io: Io, setExit: (c: number) => void): void {
  program
    .command('diff')
    .description('compare two editions or revisions: FROM and TO are an edition, REV:edition or DIR:edition')
    .argument('[from]')
    .argument('[to]')
    .allowUnknownOption()
    .action(() => {
      io.err('mxspec - error MX9002: mxspec diff is not implemented yet\n');
      setExit(2);
    });
}
