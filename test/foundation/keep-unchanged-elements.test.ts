/**
 * When `mxspec watch` parses an edited YAML file again, the elements the
 * edit did not touch are the previous parse's objects (keep-unchanged-
 * elements.ts), but only when nothing about them can differ: their JSON and
 * their source lines at the same line numbers. Otherwise they are new, and
 * every location they report is the new text's.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProgram, parseSourceFile, type FileContribution, type ParseCache } from '../../src/program/load-program.js';
import { emptyProgram } from '../../src/program/load-program.js';
import { keepUnchangedElements } from '../../src/program/keep-unchanged-elements.js';
import { locateInValue } from '../../src/load/yaml-located.js';
import { ELEMENT_LISTS, type NamedSchema, type Program } from '../../src/ir/types.js';
import { SPEC, tempDir } from '../helpers/cli.js';
import { findPropertyDescriptionLine } from '../../scripts/bench/watch-probe.js';

const FILE = 'schemas/sample.yaml';

const SAMPLE = `schemas:
  First:
    type: object
    description: The first schema.
    properties:
      a: {type: string, required: true, description: Field a.}
    examples:
      - {a: "x"}
  Second:
    type: object
    description: The second schema.
    properties:
      b: {type: integer, required: true, description: Field b.}
    examples:
      - {b: 1}
  Third:
    type: string
    description: The third schema.
`;

function parse(text: string, previous?: FileContribution): { c: FileContribution; schemas: NamedSchema[] } {
  const c = parseSourceFile({ rel: FILE, kind: 'schema-set', text }, { keepElements: true, previous });
  expect(c.diagnostics).toEqual([]);
  const p: Program = emptyProgram('/spec');
  c.apply(p);
  return { c, schemas: p.schemas };
}

const byName = (schemas: NamedSchema[], name: string): NamedSchema => schemas.find((s) => s.name === name)!;

describe('elements kept across parses of an edited file', () => {
  it('keeps every element but the edited one', () => {
    const first = parse(SAMPLE);
    const next = parse(SAMPLE.replace('The second schema.', 'The second schema, edited.'), first.c);
    expect(byName(next.schemas, 'First')).toBe(byName(first.schemas, 'First'));
    expect(byName(next.schemas, 'Third')).toBe(byName(first.schemas, 'Third'));
    expect(byName(next.schemas, 'Second')).not.toBe(byName(first.schemas, 'Second'));
    expect(byName(next.schemas, 'Second').schema.description).toBe('The second schema, edited.');
    // The order of the file stays.
    expect(next.schemas.map((s) => s.name)).toEqual(['First', 'Second', 'Third']);
  });

  it('keeps nothing of a file parsed without the previous parse, or parsed from scratch', () => {
    const first = parse(SAMPLE);
    const again = parse(SAMPLE);
    expect(again.schemas.some((s, i) => s === first.schemas[i])).toBe(false);
    // Without keepElements (a one-shot build) the contribution holds no elements to keep.
    expect(parseSourceFile({ rel: FILE, kind: 'schema-set', text: SAMPLE }).elements).toBeUndefined();
  });

  it('makes the elements after a line added anew, at their new lines', () => {
    const first = parse(SAMPLE);
    const edited = SAMPLE.replace('    description: The first schema.\n', '    description: The first schema.\n    title: First title\n');
    const next = parse(edited, first.c);
    const fresh = parse(edited);
    for (const name of ['First', 'Second', 'Third']) {
      expect(byName(next.schemas, name), name).not.toBe(byName(first.schemas, name));
      expect(byName(next.schemas, name).loc, name).toEqual(byName(fresh.schemas, name).loc);
    }
  });

  it('makes an element anew when its text moved on a line although its values did not, so example locations follow the text', () => {
    const first = parse(SAMPLE);
    // Same values (quotes dropped); in the flow mapping what follows moves two columns left.
    const before = SAMPLE.replace('{a: "x"}', '{a: "x", c: 2}');
    const after = SAMPLE.replace('{a: "x"}', '{a: x, c: 2}');
    const base = parse(before, first.c);
    const next = parse(after, base.c);
    expect(JSON.stringify(byName(next.schemas, 'First'))).toBe(JSON.stringify(byName(base.schemas, 'First')));
    expect(byName(next.schemas, 'First')).not.toBe(byName(base.schemas, 'First'));
    // The other elements are kept.
    expect(byName(next.schemas, 'Second')).toBe(byName(base.schemas, 'Second'));
    const example = (s: NamedSchema[]): unknown => (byName(s, 'First').schema as { examples?: unknown[] }).examples![0];
    const column = after.split('\n').find((l) => l.includes('c: 2'))!.indexOf('c: 2') + 1 + 'c: '.length;
    expect(locateInValue(example(next.schemas), '/c')?.column).toBe(column);
    expect(locateInValue(example(base.schemas), '/c')?.column).toBe(column + 2);
  });

  it('keeps nothing of a file read by yaml\'s document path (anchors and aliases can show text from anywhere in the file)', () => {
    const withAlias = SAMPLE.replace('description: The third schema.', 'description: &third The third schema.\n    title: *third');
    const first = parse(withAlias);
    const next = parse(withAlias.replace('The second schema.', 'The second schema, edited.'), first.c);
    expect(next.schemas.some((s, i) => s === first.schemas[i])).toBe(false);
    expect(keepUnchangedElements(first.c.elements!, next.c.elements!)).toBe(0);
  });
});

describe('elements kept across builds of the shipped spec (as mxspec watch loads it)', () => {
  async function load(spec: string, cache: ParseCache): Promise<Program> {
    const r = await loadProgram(spec, cache);
    expect(r.diagnostics.hasErrors()).toBe(false);
    return r.program!;
  }

  it('after a one-property edit, the only new element of the program is the edited schema', async () => {
    const spec = path.join(tempDir('mxspec-keep-'), 'spec');
    cpSync(SPEC, spec, { recursive: true });
    const cache: ParseCache = new Map();
    const before = await load(spec, cache);
    const file = path.join(spec, 'schemas/transactions.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = findPropertyDescriptionLine(lines.join('\n'));
    lines[line] += ' Edited.';
    writeFileSync(file, lines.join('\n'));
    const after = await load(spec, cache);
    const fresh: string[] = [];
    for (const list of ELEMENT_LISTS) {
      expect(after[list].length, list).toBe(before[list].length);
      after[list].forEach((el, i) => {
        if (el !== before[list][i]) fresh.push(`${list} ${(el as { name?: string }).name}`);
      });
    }
    expect(fresh).toHaveLength(1);
    const edited = after.schemas.find((s) => !before.schemas.includes(s))!;
    expect(edited.loc.file).toBe('schemas/transactions.yaml');
    expect(JSON.stringify(edited)).toContain('Edited.');
  });
});

describe('elements that take something from outside their own text', () => {
  const GROUP = `group:
  id: first-group
  title: A group
  document: api
rpcs:
  getThing:
    summary: Get a thing.
    roomVersionDependent: false
    request: {type: object, properties: {}}
    response: {type: object, properties: {}}
    errors: []
    examples: []
`;
  const parseGroup = (text: string, previous?: FileContribution): { c: FileContribution; p: Program } => {
    const c = parseSourceFile({ rel: 'rpcs/sample.yaml', kind: 'rpc-group', text }, { keepElements: true, previous });
    expect(c.diagnostics).toEqual([]);
    const p = emptyProgram('/spec');
    c.apply(p);
    return { c, p };
  };

  it('makes an RPC anew when its group changed, though its own lines did not', () => {
    const first = parseGroup(GROUP);
    const next = parseGroup(GROUP.replace('id: first-group', 'id: other-group'), first.c);
    expect(next.p.rpcs[0]).not.toBe(first.p.rpcs[0]);
    expect(next.p.rpcs[0]!.group).toBe('other-group');
    // An edit of the group's title leaves the RPC as it was.
    const third = parseGroup(GROUP.replace('id: first-group', 'id: other-group').replace('title: A group', 'title: A group, renamed'), next.c);
    expect(third.p.rpcs[0]).toBe(next.p.rpcs[0]);
    expect(third.p.rpcGroups[0]).not.toBe(next.p.rpcGroups[0]);
  });
});
