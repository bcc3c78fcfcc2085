/**
 * The build's `resolve` phase: every reference each edition's model makes
 * (schema and block refs, binding targets, Markdown links and directives,
 * groups, room-version envelopes) looked up once, in the edition that
 * makes it, after projection and before the checks.
 *
 * Why a phase of its own: the IR names its targets (kind, name, scope) and
 * the generators look them up by name, so a reference that does not
 * resolve must be found before any of them runs; `--stats` shows what that
 * costs apart from the checks, and the references-resolve check reports
 * from this result instead of walking the models again.
 */
import { EDITION_IDS, type EditionId, type EditionModel, type Program, type SourceLocation } from '../ir/types.js';
import { indexModel, key } from './model-index.js';
import { modelUses, type ReferenceUse } from './walk.js';

export type Resolution =
  | { status: 'resolved'; definition: SourceLocation }
  /** Defined in the program, but not in the edition that makes the reference. */
  | { status: 'other-edition'; definition: SourceLocation }
  /** Defined nowhere; `candidates` are the names of that kind (and scope) that do exist, for "did you mean". */
  | { status: 'unknown'; candidates: string[] };

export interface ResolvedUse {
  use: ReferenceUse;
  edition: EditionId;
  resolution: Resolution;
}

export interface ResolvedReferences {
  /** Every reference of each edition, in the order the model walk meets them. */
  byEdition: Record<EditionId, ResolvedUse[]>;
}

/** The references that did not resolve, ietf's first. */
export function unresolvedReferences(references: ResolvedReferences): ResolvedUse[] {
  return EDITION_IDS.flatMap((edition) => references.byEdition[edition].filter((r) => r.resolution.status !== 'resolved'));
}

export function resolveReferences(program: Program, models: Record<EditionId, EditionModel>): ResolvedReferences {
  const everywhere = indexModel(program);
  let names: string[] | undefined; // the program's keys, listed only when something is unknown
  const byEdition = {} as Record<EditionId, ResolvedUse[]>;
  for (const edition of EDITION_IDS) {
    const model = models[edition];
    const here = indexModel(model);
    const uses: ResolvedUse[] = [];
    for (const use of modelUses(model)) {
      const k = key(use.kind, use.target, use.scope);
      const local = here.get(k);
      let resolution: Resolution;
      if (local) resolution = { status: 'resolved', definition: local };
      else {
        const elsewhere = everywhere.get(k);
        if (elsewhere) resolution = { status: 'other-edition', definition: elsewhere };
        else {
          const prefix = use.kind + '\0' + (use.scope !== undefined ? use.scope + '\0' : '');
          names ??= [...everywhere.keys()];
          resolution = { status: 'unknown', candidates: names.filter((x) => x.startsWith(prefix)).map((x) => x.slice(prefix.length)) };
        }
      }
      uses.push({ use, edition, resolution });
    }
    byEdition[edition] = uses;
  }
  return { byEdition };
}
