/**
 * The contract between the core and the emitters: a generator is a pure
 * function from one edition's projected IR to files. It never touches the
 * file system; the CLI writes what it returns (atomically, see
 * src/build/write-output.ts).
 */
import type { DiagnosticBag } from '../src/diagnostics/diagnostic.js';
import type { EditionModel } from '../src/ir/types.js';

export interface OutputFile {
  /** Relative to the output root, forward slashes, e.g. "ietf/openapi.json". */
  path: string;
  content: string;
}

export interface GeneratorContext {
  /** Generators may report problems they find (e.g. draft checks); they never throw for bad input. */
  report: DiagnosticBag;
}

export interface EditionGenerator {
  id: string;
  description: string;
  /** Which editions it runs for (undefined = all). */
  editions?: readonly string[];
  generate(model: EditionModel, ctx: GeneratorContext): OutputFile[] | Promise<OutputFile[]>;
}

/** Generators over two editions (the diff report). */
export interface PairGenerator {
  id: string;
  description: string;
  generate(from: EditionModel, to: EditionModel, ctx: GeneratorContext): OutputFile[] | Promise<OutputFile[]>;
}
