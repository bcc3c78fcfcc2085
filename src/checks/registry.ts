/**
 * The check registry: the order here is the order checks run and are
 * listed by `mxspec check --list-checks`.
 */
import { EDITION_IDS, type EditionId, type EditionModel, type Program } from '../ir/types.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { projectEdition } from '../editions/project.js';
import type { Check } from './check.js';
import { resolveReferences, type ResolvedReferences } from './resolve-references.js';
import { duplicateIds } from './rules/duplicate-ids.js';
import { duplicateAnchors } from './rules/duplicate-anchors.js';
import { referencesResolve } from './rules/references.js';
import { schemaCycles } from './rules/schema-cycles.js';
import { editionMetadata } from './rules/edition-metadata.js';
import { portRecords } from './rules/port-records.js';
import { rpcHasBinding } from './rules/rpc-has-binding.js';
import { bindingConsistency } from './rules/binding-consistency.js';
import { examplesValidate } from './rules/examples-validate.js';
import { completeness } from './rules/completeness.js';
import { bcp14Boilerplate } from './rules/bcp14.js';
import { requiredSections } from './rules/required-sections.js';
import { draftsReferences } from './rules/drafts-references.js';
import { draftsStructure } from './rules/drafts-structure.js';

export const CHECKS: readonly Check[] = [
  duplicateIds,
  duplicateAnchors,
  referencesResolve,
  schemaCycles,
  editionMetadata,
  portRecords,
  rpcHasBinding,
  bindingConsistency,
  examplesValidate,
  completeness,
  bcp14Boilerplate,
  requiredSections,
  draftsReferences,
  draftsStructure,
];

export function projectAll(program: Program): Record<EditionId, EditionModel> {
  return Object.fromEntries(EDITION_IDS.map((e) => [e, projectEdition(program, e)])) as Record<EditionId, EditionModel>;
}

/** Told how long each check that ran took, in the order they ran (`mxspec build --stats`). */
export type CheckTimer = (checkId: string, ms: number) => void;

export function runChecks(
  program: Program,
  report: DiagnosticBag,
  models = projectAll(program),
  references: ResolvedReferences = resolveReferences(program, models),
  onTimed?: CheckTimer,
  generates = true,
): Record<EditionId, EditionModel> {
  const ctx = { program, models, references, report, generates };
  for (const check of CHECKS) {
    // Reference errors make later checks noisy; examples cannot compile against missing schemas.
    if (check === examplesValidate && report.items.some((d) => d.code === 'MX2001' || d.code === 'MX2004' || d.code === 'MX3002')) continue;
    const t0 = performance.now();
    check.run(ctx);
    onTimed?.(check.id, performance.now() - t0);
  }
  return models;
}
