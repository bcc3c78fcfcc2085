/**
 * What every walker needs: the engine run, both models, where each element
 * is presented (document placement) and the data direction of each named
 * schema.
 */
import type { EditionModel } from '../../ir/types.js';
import type { DiffRun } from '../engine.js';
import type { Direction } from '../types.js';
import type { Placement } from './placement.js';

export interface WalkContext {
  run: DiffRun;
  from: EditionModel;
  to: EditionModel;
  placement: Placement;
  /** Named schema / content block name -> the direction its data flows in. */
  schemaDirection: Map<string, Direction>;
}
