/**
 * The generator registry. Order is the order they run (a later generator may
 * reuse an earlier one's pure functions, never its files).
 */
import type { EditionGenerator, PairGenerator } from './generator.js';
import { diffGenerator } from './diff/index.js';
import { draftsGenerator } from './drafts/index.js';
import { openApiGenerator } from './openapi/index.js';
import { typesGenerator } from './types/index.js';

export const EDITION_GENERATORS: EditionGenerator[] = [draftsGenerator, openApiGenerator, typesGenerator];

export const PAIR_GENERATORS: PairGenerator[] = [diffGenerator];
