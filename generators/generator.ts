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
  /**
   * Optional memo key: a string that is equal for two models exactly when
   * the parts of the model this generator reads are equal (a hash of those
   * parts is fine). When given, an incremental build (`mxspec watch`) reuses
   * the previous output — files and reported diagnostics — while the key is
   * unchanged, instead of calling `generate` again. A key that leaves out a
   * part the generator reads makes watch output stale, so when unsure, key on
   * more. It must be cheap next to `generate` and load nothing heavy.
   */
  inputKey?(model: EditionModel): string;
  /**
   * Optional: start costly setup (loading modules, a worker thread) early,
   * while the core still checks the spec. Called once per build that may
   * generate; must be cheap to call and safe to call again. `rebuilds` is
   * true when more builds of the same spec follow (`mxspec watch`), where
   * setup that pays off only over several builds is worth it.
   */
  prepare?(hint: { rebuilds: boolean }): void;
  /**
   * Optional: let go of what `prepare` set up (a worker thread and its heap).
   * The pipeline calls it in a one-shot build as soon as the off-thread jobs
   * are done; a later `generate` sets it up again. Builds that others follow
   * (`mxspec watch`) never call it, so their workers stay warm.
   */
  release?(): Promise<void>;
  /**
   * True when `generate` does its work off the main thread (it returns a
   * pending promise at once): the pipeline starts such generators first so
   * the others run meanwhile.
   */
  offMainThread?: boolean;
}

/** Generators over two editions (the diff report). */
export interface PairGenerator {
  id: string;
  description: string;
  generate(from: EditionModel, to: EditionModel, ctx: GeneratorContext): OutputFile[] | Promise<OutputFile[]>;
  /** As EditionGenerator.inputKey, over both editions. */
  inputKey?(from: EditionModel, to: EditionModel): string;
  /** As EditionGenerator.prepare. */
  prepare?(hint: { rebuilds: boolean }): void;
}
