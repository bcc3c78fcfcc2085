/**
 * index.d.ts is joined from writer text and remembered declarations
 * (generators/types/declaration-text.ts); the join must give exactly what
 * one ts-morph writer writing everything gives, whatever came before each
 * declaration (a complete line, a blank line, a line in progress, nothing),
 * and a second conversion with every schema remembered must write the same
 * file.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CodeBlockWriter } from 'ts-morph';
import { requireTsMorph } from '../../generators/types/commonjs.js';
import { DeclarationText } from '../../generators/types/declaration-text.js';
import { indexDeclarations } from '../../generators/types/index.js';
import { loadProgram } from '../../src/program/load-program.js';
import { projectEdition } from '../../src/editions/project.js';
import { SPEC, tempDir } from '../helpers/cli.js';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const { Project, IndentationText, NewLineKind, QuoteKind } = requireTsMorph();
const project = new Project({
  useInMemoryFileSystem: true,
  manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single, newLineKind: NewLineKind.LineFeed },
});
const create = (): CodeBlockWriter => project.createWriter();

type Step = { kind: 'line'; text: string } | { kind: 'blank' } | { kind: 'partial'; text: string } | { kind: 'declaration'; name: string; members: string[] };

const word = fc.stringMatching(/^[a-z]{1,8}$/);
const step: fc.Arbitrary<Step> = fc.oneof(
  word.map((text) => ({ kind: 'line' as const, text: `// ${text}` })),
  fc.constant({ kind: 'blank' as const }),
  word.map((text) => ({ kind: 'partial' as const, text })),
  fc.record({ kind: fc.constant('declaration' as const), name: word, members: fc.array(word, { maxLength: 3 }) }),
);

function declare(w: CodeBlockWriter, name: string, members: string[]): void {
  w.blankLineIfLastNot();
  w.writeLine(`/** ${name}. */`);
  w.write(`export interface ${name} {`).newLine();
  w.indent(() => members.forEach((m) => w.writeLine(`${m}: string;`)));
  w.writeLine('}');
}

function apply(w: CodeBlockWriter, s: Exclude<Step, { kind: 'declaration' }>): void {
  if (s.kind === 'line') w.writeLine(s.text);
  else if (s.kind === 'blank') w.blankLine();
  else w.write(s.text);
}

describe('index.d.ts from pieces', () => {
  it('joins remembered declarations as one writer would have written them', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
      const one = create();
      const pieces = new DeclarationText(create);
      for (const s of steps) {
        if (s.kind === 'declaration') {
          declare(one, s.name, s.members);
          pieces.append(pieces.declarations((w) => declare(w, s.name, s.members)));
        } else {
          apply(one, s);
          apply(pieces.writer, s);
        }
      }
      expect(pieces.finish()).toBe(one.toString());
    }), { numRuns: 1500 });
  });

  it('a second conversion, with every schema declaration remembered, writes the same index.d.ts', async () => {
    const program = (await loadProgram(SPEC)).program!;
    for (const edition of ['ietf', 'matrix-org'] as const) {
      const first = indexDeclarations(projectEdition(program, edition));
      expect(indexDeclarations(projectEdition(program, edition))).toBe(first);
      // And from a copy that shares no object with the first (nothing remembered applies).
      expect(indexDeclarations(structuredClone(projectEdition(program, edition)))).toBe(first);
    }
  });

  it('after edits to an event type, an EDU type and a content block, remembered and new declarations join to a fresh conversion', async () => {
    const spec = path.join(tempDir('mxspec-decl-'), 'spec');
    cpSync(SPEC, spec, { recursive: true });
    const cache = new Map();
    const edits: [string, string, string][] = [
      ['events/event-types.yaml', 'The first event of every room.', 'The very first event of every room.'],
      ['events/edu-types.yaml', 'Tells another server that one of', 'Tells another server that any of'],
      ['events/content-blocks.yaml', 'The renderings of the topic.', 'Every rendering of the topic.'],
    ];
    for (const edition of ['ietf', 'matrix-org'] as const) indexDeclarations(projectEdition((await loadProgram(spec, cache)).program!, edition));
    for (const [file, from, to] of edits) {
      const f = path.join(spec, file);
      const text = readFileSync(f, 'utf8');
      expect(text.includes(from), from).toBe(true);
      writeFileSync(f, text.replace(from, to));
      for (const edition of ['ietf', 'matrix-org'] as const) {
        const model = projectEdition((await loadProgram(spec, cache)).program!, edition);
        const joined = indexDeclarations(model);
        expect(joined).toContain(to);
        // A copy shares no object with anything remembered: everything is written anew.
        expect(joined).toBe(indexDeclarations(structuredClone(model)));
      }
    }
  });
});
