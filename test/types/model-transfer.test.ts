/**
 * Models go to the types worker with the elements it already holds sent as
 * numbers (generators/types/model-transfer.ts). Through a structured clone,
 * as postMessage does, the worker must get the same model, keep the
 * objects of unchanged elements, and let go of the ones no longer used.
 */
import { describe, expect, it } from 'vitest';
import { ModelReceiver, ModelSender, type ModelMessage } from '../../generators/types/model-transfer.js';
import { ELEMENT_LISTS } from '../../src/ir/types.js';
import { typesInput } from '../../generators/types/off-thread.js';
import { loadProgram } from '../../src/program/load-program.js';
import { projectEdition } from '../../src/editions/project.js';
import type { EditionModel } from '../../src/ir/types.js';
import { SPEC } from '../helpers/cli.js';

const program = (await loadProgram(SPEC)).program!;
const model = (): EditionModel => typesInput(projectEdition(program, 'ietf'));
const post = (m: ModelMessage): ModelMessage => structuredClone(m);
const byValue = (m: ModelMessage): number => ELEMENT_LISTS.reduce((n, l) => n + m.lists[l].filter((e) => typeof e !== 'number').length, 0);
const total = (m: EditionModel): number => ELEMENT_LISTS.reduce((n, l) => n + m[l].length, 0);

describe('model transfer to the types worker', () => {
  it('the first model goes whole and arrives equal', () => {
    const m = model();
    const msg = new ModelSender().encode(m);
    expect(byValue(msg)).toBe(total(m));
    expect(new ModelReceiver().decode(post(msg))).toEqual(m);
  });

  it('the same elements again go as numbers, and the worker gets the very objects it had', () => {
    const sender = new ModelSender();
    const receiver = new ModelReceiver();
    const first = receiver.decode(post(sender.encode(model())));
    const again = sender.encode(model());
    expect(byValue(again)).toBe(0);
    const second = receiver.decode(post(again));
    expect(second).toEqual(first);
    for (const l of ELEMENT_LISTS) second[l].forEach((el, i) => expect(el).toBe(first[l][i]));
  });

  it('a changed element goes by value, the others by number; an element dropped and then used again is sent again', () => {
    const sender = new ModelSender();
    const receiver = new ModelReceiver();
    const m = model();
    const first = receiver.decode(post(sender.encode(m)));
    const changed = { ...m.schemas[3]!, description: 'Changed for the test.' };
    const edited = { ...m, schemas: m.schemas.map((s, i) => (i === 3 ? changed : s)) };
    const msg = sender.encode(edited);
    expect(byValue(msg)).toBe(1);
    const second = receiver.decode(post(msg));
    expect(second).toEqual(edited);
    expect(second.schemas[3]).not.toBe(first.schemas[3]);
    expect(second.schemas[4]).toBe(first.schemas[4]);
    // The original schema 3 was let go by both sides; using it again sends it again.
    const reverted = sender.encode(m);
    expect(byValue(reverted)).toBe(1);
    expect(receiver.decode(post(reverted))).toEqual(m);
  });

  it('both editions through one worker, as a build sends them: the second sends only the elements the editions do not share', () => {
    const sender = new ModelSender();
    const receiver = new ModelReceiver();
    const ietf = typesInput(projectEdition(program, 'ietf'));
    const mx = typesInput(projectEdition(program, 'matrix-org'));
    expect(receiver.decode(post(sender.encode(ietf)))).toEqual(ietf);
    const msg = sender.encode(mx);
    // typesInput makes each document anew, so documents always go by value; shared elements go by number.
    const inBoth = ELEMENT_LISTS.reduce((n, l) => n + (mx[l] as object[]).filter((el) => l !== 'documents' && (ietf[l] as object[]).includes(el)).length, 0);
    expect(inBoth).toBeGreaterThan(100);
    expect(byValue(msg)).toBe(total(mx) - inBoth);
    expect(receiver.decode(post(msg))).toEqual(mx);
  });

  it('a number the receiver never got is an error, not a wrong model', () => {
    const sender = new ModelSender();
    sender.encode(model()); // lost on the way
    expect(() => new ModelReceiver().decode(post(sender.encode(model())))).toThrow(/never sent/);
  });
});
