/**
 * The generator registry. Order is the order they run (a later generator may
 * reuse an earlier one's pure functions, never its files).
 */
import type { EditionGenerator, PairGenerator } from './generator.js';

export const EDITION_GENERATORS: EditionGenerator[] = [];

export const PAIR_GENERATORS: PairGenerator[] = [];
