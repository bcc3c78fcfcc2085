/** Commands beyond build and check, one module each under commands/. */
import type { Command } from 'commander';
import type { Io } from './main.js';
import { registerDiff } from './commands/diff.js';
import { registerImport } from './commands/import.js';
import { registerWatch } from './commands/watch.js';
import { registerDraft } from './commands/draft.js';

export function registerExtraCommands(program: Command, io: Io, setExit: (c: number) => void): void {
  registerDiff(program, io, setExit);
  registerImport(program, io, setExit);
  registerWatch(program, io, setExit);
  registerDraft(program, io, setExit);
}
