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
import { SPEC } from '../helpers/cli.js';

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
});
