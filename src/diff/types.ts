/**
 * The vocabulary of the diff engine: rules, the sites they run on, and the
 * classified changes they produce. A diff compares two EditionModels (the
 * same edition at two revisions, or two editions) and leaves nothing
 * unclassified: every difference is claimed by a rule or reported by the
 * safety net (rule `unclassified`).
 */
import type { EditionModel, PortRecord, SourceLocation } from '../ir/types.js';

export type Severity = 'breaking' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['breaking', 'warning', 'info'];

/**
 * Where data flows. `request`: sent by the caller of an RPC; `response`:
 * returned to it; `none`: no direction (events and schemas used both ways,
 * bindings, room versions, prose, metadata).
 */
export type Direction = 'request' | 'response' | 'none';

/** What a change is matched to: the port record that tracks it, or none. */
export type PortMatch = (Omit<PortRecord, 'loc'> & { loc: SourceLocation }) | 'untracked';
export type PortStatusFilter = 'pending' | 'accepted' | 'rejected' | 'by-design' | 'untracked';

/** Word-level prose difference: runs of equal, removed and inserted text. */
export interface WordRun {
  op: 'equal' | 'delete' | 'insert';
  text: string;
}

export interface ProseDiff {
  old: string;
  new: string;
  runs: WordRun[];
}

export interface Change {
  rule: string;
  severity: Severity;
  /** The direction of the data where the change was found. */
  direction: Direction;
  /** Document id the element is presented in ("-" when no document shows it). */
  document: string;
  /** Element path, e.g. "rpcs/sendTransaction/request/properties/pdus". */
  path: string;
  message: string;
  from: SourceLocation | null;
  to: SourceLocation | null;
  port: PortMatch;
  /** Prose rules: the section text on each side with a word-level diff. */
  prose?: ProseDiff;
}

export type Verdict = 'interoperable' | 'degraded' | 'incompatible';

export interface RpcVerdict {
  rpc: string;
  verdict: Verdict;
  breaking: number;
  warning: number;
  info: number;
}

export interface DiffSide {
  /** What the user asked for, e.g. "ietf", "v1:ietf", "../other/spec:matrix-org". */
  label: string;
  edition: string;
  editionLabel: string;
  version: string;
}

export interface DiffResult {
  from: DiffSide;
  to: DiffSide;
  changes: Change[];
  verdicts: RpcVerdict[];
}

// ---------------------------------------------------------------- sites

/**
 * The kinds of element pair the walker hands to rules. Collection sites
 * ("…-set") carry the unmatched elements of a keyed collection; element
 * sites carry one matched pair.
 */
export type SiteKind =
  | 'edition' | 'registries'
  | 'rpc-set' | 'rpc' | 'binding' | 'error-set' | 'error'
  | 'schema-set' | 'named-schema' | 'schema' | 'property-set' | 'property' | 'enum-set' | 'enum-value'
  | 'member-set'
  | 'block-set' | 'content-block' | 'event-set' | 'event-type' | 'msgtype-set' | 'msgtype' | 'edu-set' | 'edu-type'
  | 'binding-set' | 'model'
  | 'room-version-set' | 'room-version' | 'rule-set' | 'rule'
  | 'document-set' | 'document' | 'section-set' | 'section';

/** Where a schema node sits, so rules can name it (map values, union members, …). */
export type SchemaRole = 'root' | 'property' | 'items' | 'map-values' | 'additional-properties' | 'member' | 'msgtype';

export interface ElementPair<T = unknown> {
  site: SiteKind;
  from: T;
  to: T;
  path: string;
  document: string;
  direction: Direction;
  /** For schema sites. */
  role?: SchemaRole;
  /** Extra context a site provides (e.g. the room-version rule part). */
  context?: Record<string, unknown>;
  /** Set by the engine: the two sides are different editions. */
  crossEdition?: boolean;
}

export interface SetPair<T = unknown> {
  site: SiteKind;
  /** Only in FROM. */
  removed: T[];
  /** Only in TO. */
  added: T[];
  path: string;
  document: string;
  direction: Direction;
  context?: Record<string, unknown>;
  /** The key of an element of the collection (for paths and claims). */
  keyOf: (el: T) => string;
  /** The document presenting a member, by key (default: the set's). */
  documentOf?: (key: string) => string;
}

/** What a rule reports; the engine fills in severity, direction and port. */
export interface Finding {
  message: string;
  /** Sub-path below the pair's path. */
  at?: string;
  /** Element fields (element sites) or element keys (set sites, as "-key"/"+key") the finding accounts for. */
  claims: string[];
  from?: SourceLocation | null;
  to?: SourceLocation | null;
  /** A port record closer to the change than the pair's (e.g. the removed element's own). */
  port?: PortRecord;
  prose?: ProseDiff;
  /** For rename-like rules: pairs the engine must go on comparing. */
  pairs?: [unknown, unknown][];
  document?: string;
  /** Claims without recording a change (the difference is an expected artefact, e.g. of projection). */
  silent?: boolean;
}

export interface RuleApi {
  report(f: Finding): void;
  /** Whether an earlier rule already claimed this (set sites: "-key" / "+key"). */
  isClaimed(claim: string): boolean;
}

export interface DiffRule {
  id: string;
  severity: Severity;
  /**
   * The data direction this rule is about. Direction-aware families have one
   * rule per direction (e.g. property-became-required.request/.response/.none);
   * `none` on a rule outside such a family means the direction does not matter.
   */
  direction: Direction;
  description: string;
  /** The site it runs on; 'any-element' = every element site. */
  site: SiteKind | 'any-element';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  detect(pair: any, api: RuleApi): void;
}

export interface DiffOptions {
  fromLabel?: string;
  toLabel?: string;
}

export type ModelPair = { from: EditionModel; to: EditionModel };
