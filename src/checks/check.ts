/**
 * The shape of a check: one module per check under src/checks/rules/, each
 * with a stable id, the diagnostic codes it can emit and a description that
 * `mxspec check --list-checks` prints.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { EditionId, EditionModel, Program } from '../ir/types.js';
import type { ResolvedReferences } from './resolve-references.js';

export interface CheckContext {
  program: Program;
  /** Each edition's projection, computed once for all checks. */
  models: Record<EditionId, EditionModel>;
  /** Every reference of each edition, looked up (the `resolve` phase, before the checks). */
  references: ResolvedReferences;
  report: DiagnosticBag;
  /**
   * Whether generators run after the checks (`build`, `watch`), or the
   * checks are all the command does (`check`, `diff`): a check that shares
   * work with a generator (the drafts' rendering) then skips the part only
   * the generator needs.
   */
  generates: boolean;
}

export interface Check {
  id: string;
  codes: DiagnosticCode[];
  description: string;
  /** Optional: told before a build whether more builds follow (`mxspec watch`), to remember work across them. */
  prepare?(hint: { rebuilds: boolean }): void;
  run(ctx: CheckContext): void;
}
