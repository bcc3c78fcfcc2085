/** `mxspec draft …` — Internet-Draft revision management (generators/drafts/). */
import type { Command } from 'commander';
import type { Io } from '../main.js';

export function registerDraft(program: Command, io: Io, setExit: (c: number) => void): void {
  program
    .command('draft')
    .description('manage Internet-Draft revisions (mxspec draft bump DOC)')
    .allowUnknownOption()
    .action(() => {
      io.err('mxspec - error MX9002: mxspec draft is not implemented yet\n');
      setExit(2);
    });
}
