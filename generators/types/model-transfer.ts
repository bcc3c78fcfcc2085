/**
 * How an edition model travels to a types worker. Posting a model copies it
 * (structured clone), so every element arrived as a new object and nothing
 * in the worker could be remembered by identity. The sender instead keeps
 * track of the elements the worker already holds and sends those as numbers;
 * the receiver keeps them between messages. Projection keeps the objects of
 * unchanged elements (src/editions/project.ts), so after an edit in
 * `mxspec watch` only the elements of the edited source are copied, and the
 * worker's own memos (component schemas, declarations) see the rest
 * unchanged.
 */
import { ELEMENT_LISTS, type ElementList, type EditionModel } from '../../src/ir/types.js';

/** An element the worker holds (its number), or one it does not yet (number and value). */
export type Entry = number | { id: number; value: object };

export interface ModelMessage {
  rest: Omit<EditionModel, ElementList>;
  lists: Record<ElementList, Entry[]>;
}

/** One per worker, on the sending side. */
export class ModelSender {
  private readonly ids = new WeakMap<object, number>();
  /** Numbers of the elements of the last model sent: what the receiver holds now. */
  private held = new Set<number>();
  private next = 0;

  encode(model: EditionModel): ModelMessage {
    const sent = new Set<number>();
    const lists = {} as Record<ElementList, Entry[]>;
    for (const name of ELEMENT_LISTS) {
      lists[name] = (model[name] as object[]).map((el) => {
        let id = this.ids.get(el);
        if (id !== undefined && (this.held.has(id) || sent.has(id))) {
          sent.add(id);
          return id;
        }
        id = this.next++;
        this.ids.set(el, id);
        sent.add(id);
        return { id, value: el };
      });
    }
    this.held = sent;
    const rest = { ...model } as Partial<EditionModel>;
    for (const name of ELEMENT_LISTS) delete rest[name];
    return { rest: rest as ModelMessage['rest'], lists };
  }
}

/** One per worker, on the receiving side; messages must be decoded in the order they were encoded. */
export class ModelReceiver {
  private held = new Map<number, object>();

  decode(msg: ModelMessage): EditionModel {
    const now = new Map<number, object>();
    const model = { ...msg.rest } as EditionModel;
    for (const name of ELEMENT_LISTS) {
      (model as unknown as Record<string, object[]>)[name] = msg.lists[name].map((e) => {
        const el = typeof e === 'number' ? (now.get(e) ?? this.held.get(e)) : e.value;
        if (el === undefined) throw new Error(`types worker: element ${String(e)} was never sent`);
        now.set(typeof e === 'number' ? e : e.id, el);
        return el;
      });
    }
    // Elements of earlier models that this one no longer has are let go.
    this.held = now;
    return model;
  }
}
