/**
 * src/load/yaml-plain-compose.ts reads the common shapes of YAML straight
 * from the CST, and src/load/yaml-line-scan.ts the narrowest of them
 * straight from the text; each gives up on anything else. Whatever either
 * accepts must be what yaml's `parseDocument` path (parseWithDocument) makes
 * of the text —
 * the same values and the same position of every key, item and collection —
 * and it must never accept a text that path rejects. Held to that on the
 * shipped spec, the corpus (when ../shared is there), and random texts: lines
 * that could fool it, and random values written in every style.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { composeByLines, composeFast, composeFromCst, parseLocatedYaml, parseWithDocument } from '../../src/load/yaml-located.js';
import { corePlainValue } from '../../src/load/yaml-plain-compose.js';
import { CORPUS, SPEC } from '../helpers/cli.js';
import { placesOf } from '../helpers/located.js';

const RUNS = Number(process.env.MXSPEC_PROPERTY_RUNS ?? 3000);

/** How many texts each fast reader accepted (each is held to parseDocument on its own). */
const acceptedBy = { lines: 0, cst: 0 };

/**
 * Each fast reader — line by line (yaml-line-scan.ts) and from the CST
 * (yaml-plain-compose.ts) — either gives up or agrees with parseDocument;
 * returns whether composeFast, which tries them in that order, accepted.
 */
function agrees(text: string): boolean {
  const diags = new DiagnosticBag();
  const slow = parseWithDocument('t.yaml', text, diags);
  for (const [name, read] of [['lines', composeByLines], ['cst', composeFromCst]] as const) {
    const fast = read('t.yaml', text);
    if (!fast) continue;
    acceptedBy[name]++;
    expect(diags.items, `${name} accepted a text parseDocument rejects:\n${text}`).toEqual([]);
    expect(slow).toBeDefined();
    expect(fast.value, `${name} read:\n${text}`).toEqual(slow!.value);
    expect(placesOf(fast), `${name} read:\n${text}`).toEqual(placesOf(slow!));
  }
  return composeFast('t.yaml', text) !== undefined;
}

/** Runs `fn` and returns how many texts each reader accepted meanwhile. */
function counting(fn: () => void): { lines: number; cst: number } {
  const before = { ...acceptedBy };
  fn();
  return { lines: acceptedBy.lines - before.lines, cst: acceptedBy.cst - before.cst };
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = path.join(dir, name);
      return statSync(p).isDirectory() ? yamlFiles(p) : p.endsWith('.yaml') ? [p] : [];
    });

describe('corePlainValue: plain scalars under the YAML 1.2 core schema', () => {
  it('resolves as the yaml package does', () => {
    const cases: [string, unknown][] = [
      ['', null], ['~', null], ['null', null], ['Null', null], ['NULL', null], ['nULL', 'nULL'],
      ['true', true], ['True', true], ['TRUE', true], ['tRUE', 'tRUE'], ['false', false], ['FALSE', false], ['yes', 'yes'],
      ['0o17', 15], ['0o8', '0o8'], ['017', 17], ['-0', -0], ['+12', 12], ['0x1F', 31], ['0X1F', '0X1F'], ['-0x1', '-0x1'],
      ['1.50', 1.5], ['.5', 0.5], ['1.', 1], ['1e3', 1000], ['-1.5E-2', -0.015], ['1_000', '1_000'],
      ['.inf', Infinity], ['-.Inf', -Infinity], ['+.INF', Infinity], ['.nan', NaN], ['.NaN', NaN], ['-.nan', '-.nan'],
      ['2026-11-26', '2026-11-26'], ['v1.19', 'v1.19'], ['tru', 'tru'],
    ];
    for (const [text, value] of cases) {
      expect(corePlainValue(text), text).toEqual(value);
      // And as parseDocument does, in a value and as a key.
      expect(parseWithDocument('t.yaml', `v: ${text}\n`, new DiagnosticBag())!.value).toEqual({ v: value });
    }
  });
});

describe('the fast path on real sources', () => {
  it('reads almost every shipped source file, each as parseDocument does', () => {
    const files = yamlFiles(SPEC);
    let accepted: string[] = [];
    const by = counting(() => (accepted = files.filter((f) => agrees(readFileSync(f, 'utf8')))));
    // The ones left are those with anchors and aliases; the line reader reads all the others too.
    expect(accepted.length).toBeGreaterThanOrEqual(files.length - 3);
    expect(by.lines).toBe(accepted.length);
    for (const f of files.filter((x) => !accepted.includes(x))) expect(readFileSync(f, 'utf8')).toMatch(/: &\w/);
  });

  it.skipIf(!existsSync(CORPUS))('reads the matrix-spec corpus (OpenAPI, JSON examples, schemas) as parseDocument does', () => {
    const files = yamlFiles(CORPUS);
    let accepted: string[] = [];
    const by = counting(() => (accepted = files.filter((f) => agrees(readFileSync(f, 'utf8')))));
    expect(accepted.length / files.length).toBeGreaterThan(0.95);
    expect(by.lines / files.length).toBeGreaterThan(0.9);
    expect(by.cst / files.length).toBeGreaterThan(0.95);
  });
});

describe('the fast path gives up where it must', () => {
  const gives = (text: string): void => expect(composeFast('t.yaml', text), text).toBeUndefined();

  it('leaves anchors, aliases, tags, explicit keys, empty values, directives and more documents to parseDocument', () => {
    for (const text of [
      'a: &x 1\nb: *x\n', 'a: !!str 1\n', '? a\n: b\n', 'a:\nb: 1\n', 'a: [1, , 2]\n', '- \n- 1\n', '%YAML 1.2\n---\na: 1\n',
      'a: 1\n---\nb: 2\n', 'a: 1\n...\n', '--- a: 1\n', 'a:\tb\n', 'a: 1\r\nb: 2\r\n', 'just a scalar\n', '',
    ]) gives(text);
  });

  it('leaves every text with an error to parseDocument, which reports it', () => {
    for (const text of [
      'a: 1\na: 2\n', '__proto__: 1\n', 'constructor: 1\n', 'a: b: c\n', 'a: "x\n', 'a: "\\q"\n', 'a: @x\n', 'a: 1\n b: 2\n',
      'a:\n  - 1\n - 2\n', 'a: [1, 2\n', 'a: {b: 1, b: 2}\n', `${'k'.repeat(1030)}: 1\n`, 'a: |\n  x\n y\n',
      'a: [1]x\n', '- a\nb: 1\n',
    ]) {
      gives(text);
      expect(parseLocatedYaml('t.yaml', text, new DiagnosticBag()) === undefined || agrees(text)).toBe(true);
    }
  });
});

describe('random texts', () => {
  // Lines that could fool a reader of the CST: indicators, quoting, comments, block scalars, flows, keys and values
  // that resolve to other types, keys that are refused, and outright errors.
  const FRAGMENTS = [
    'a: 1', 'b: two words', 'c:', 'd: |', 'e: >-', 'f: |2', 'g: [1, 2]', 'h: {x: 1, y: [a, b]}', 'i: [', ']', '{', '}', 'j: {',
    '"k": "v"', "'l': 'it''s'", 'm: "a\\tb\\u00e9"', 'n: "\\q"', 'o: "open', "p: 'open", 'q: value # comment', 'r: value#no',
    '# comment', '#', '', '- 1', '- a: 1', '-', '- - x', '- [a]', '- {b: 2}', 'x, y,', '"a":1,', 'a b: c', 'a: b: c', 'a: - b',
    's: &anchor 1', 't: *anchor', 'u: !!str 1', '? v', ': w', '---', '...', '--- x: 1', '%YAML 1.2', 'y: @at', 'z: `tick`',
    'n1: true', 'n2: 0x1F', 'n3: 0o17', 'n4: 1e3', 'n5: .inf', 'n6: ~', 'n7: 1.50', 'n8: +12', 'n9: -0', '1: one', 'null: z',
    '1.0: f', 'true: t', '__proto__: p', 'constructor: c', 'a: 1', 'a: 2', 'continued words', '  more: indented', 'k: "multi',
    'line"', 'k2: plain', '  folded on', 'f1: [a,', '  b]', 'f2: {"q" : 1,', '  "r": [1, {}],', '}', '[]', '{}', '[a, ]', '[, a]',
    'w: [a b: c]', 'v1: {a: 1, a: 2}', 'q1: [x] y', 'e1: "" ', "e2: ''", 'long: ' + 'x'.repeat(40),
    'c1: "x"#c', 'c2: [a]#c', 'c3: {a: 1}#c', 'c4: "x" y', "c5: 'x' : b", '[, ]', '{,}', 'c6: [a, , ]', '"b"', "'c'",
    'b1: &x |', 'b2: !!int |', 'b3: !custom >', 'b4: | # kept', '  - y', ' - z', `k${' '.repeat(1030)}: 1`,
    'm2: "\\x41\\U0001F600\\e\\N\\_\\L\\P\\/\\0\\a\\v\\ "', 'm3: "\\ud83d\\ude00 \\ud800"', 'm4: "\\U00110000"', 'm5: "\\x4"',
    'g1: >', 'g2: >+', 'g3: |-', '  text here', '   more text', '', '-x: 1', 'h1: -1', 'h2: - 1', '--- # c', '--- a',
  ];
  const INDENTS = ['', '', '', ' ', '  ', '   ', '    ', '      '];

  it('lines that could fool it: accepted only where parseDocument agrees', () => {
    let accepted = 0;
    const text = fc
      .array(fc.tuple(fc.constantFrom(...INDENTS), fc.constantFrom(...FRAGMENTS)), { minLength: 1, maxLength: 12 })
      .chain((lines) => fc.boolean().map((nl) => lines.map(([i, l]) => i + l).join('\n') + (nl ? '\n' : '')));
    const by = counting(() => fc.assert(fc.property(text, (t) => void (agrees(t) && accepted++)), { numRuns: RUNS }));
    // Enough of them are accepted, by each reader, for the comparison to mean something.
    expect(accepted).toBeGreaterThan(RUNS / 50);
    expect(by.lines).toBeGreaterThan(RUNS / 100);
    expect(by.cst).toBeGreaterThan(RUNS / 50);
  });

  type Value = null | boolean | number | string | Value[] | { [k: string]: Value };
  const SCALARS: fc.Arbitrary<Value> = fc.oneof(
    fc.constantFrom<Value>(null, true, false, 0, -1, 1.5, 1e21, 'true', 'null', '0x1F', '1.0', '', ' lead', 'a: b', 'a #b', '#x', '- x', '[x]', '@x', 'é ü', 'it\'s', 'say "hi"', 'line\nbreak', 'tail\n', 'two\n\nparas'),
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.double({ noNaN: true }),
  );
  const VALUE = fc.letrec<{ v: Value }>((tie) => ({
    v: fc.oneof(
      { maxDepth: 4 },
      SCALARS,
      fc.array(tie('v'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(fc.constantFrom('a', 'b', 'key', '1', 'true', 'x y', 'k:v', '"q"', ''), fc.string({ maxLength: 6 })), tie('v'), { maxKeys: 4 }),
    ),
  })).v;

  /** Writes a value as YAML, choosing a style at random at every node (some choices are not valid YAML: that is the point). */
  function write(value: Value, pick: () => number, indent: number): string {
    const pad = ' '.repeat(indent);
    const scalar = (v: Value): string => {
      const r = pick() % 4;
      if (typeof v === 'string') return r === 0 ? v : r === 1 ? JSON.stringify(v) : r === 2 ? `'${v.replace(/'/g, "''")}'` : JSON.stringify(v);
      return r === 0 && typeof v === 'number' ? JSON.stringify(String(v)) : String(JSON.stringify(v) ?? 'null');
    };
    const inline = (v: Value): string => {
      if (Array.isArray(v)) return `[${v.map(inline).join(pick() % 2 ? ', ' : ',')}]`;
      if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${scalar(k)}: ${inline(x)}`).join(', ')}}`;
      return scalar(v);
    };
    if (Array.isArray(value) && value.length && pick() % 3) {
      return value.map((x) => `${pad}-${block(x, indent + 2)}`).join('');
    }
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length && pick() % 3) {
      return Object.entries(value).map(([k, x]) => `${pad}${scalar(k)}:${block(x, indent + 1 + (pick() % 3))}`).join('');
    }
    return `${pad}${inline(value)}\n`;

    function block(x: Value, inner: number): string {
      const comment = pick() % 7 === 0 ? ' # note' : '';
      if (typeof x === 'string' && x.includes('\n') && pick() % 2) {
        const body = x.split('\n').map((l) => (l ? ' '.repeat(inner) + l : '')).join('\n');
        return ` |${x.endsWith('\n') ? '' : '-'}${comment}\n${body}${x.endsWith('\n') ? '' : '\n'}`;
      }
      if (x && typeof x === 'object' && (Array.isArray(x) ? x.length : Object.keys(x).length) && pick() % 2) {
        return `${comment}\n${write(x, pick, inner)}`;
      }
      return ` ${inline(x)}${comment}\n`;
    }
  }

  it('random prose in the styles the line reader takes: folded and literal blocks, plain lines continued, JSON', () => {
    const word = fc.constantFrom('a', 'word', 'x:y', '-dash', 'it\'s', '#not', 'é', '1', 'true', 'b]', '{c}', '"q"', 'a,b');
    const line = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
    const prose = fc.array(fc.oneof({ weight: 4, arbitrary: line }, { weight: 1, arbitrary: fc.constant('') }), { minLength: 1, maxLength: 5 });
    const doc = fc.record({
      key: fc.constantFrom('a', 'description', '"q k"', 'k-1'),
      indent: fc.integer({ min: 0, max: 4 }),
      style: fc.constantFrom('>', '>-', '>+', '|', '|-', '|+', 'plain', 'json', 'json-closing-at-key'),
      lines: prose,
      json: fc.jsonValue({ maxDepth: 3 }),
      after: fc.constantFrom('', 'next: 1\n', '# end\n', '\nnext: [1, 2]\n'),
    });
    const linesBefore = acceptedBy.lines;
    fc.assert(
      fc.property(doc, ({ key, indent, style, lines, json, after }) => {
        const pad = ' '.repeat(indent + 2);
        let body: string;
        if (style === 'plain') body = ` ${lines.join(`\n${pad}`)}\n`;
        else if (style.startsWith('json')) {
          const text = JSON.stringify(json, null, 2) ?? 'null';
          const inner = text.split('\n').map((l, i, all) => (i === 0 ? l : (style === 'json-closing-at-key' && i === all.length - 1 ? ' '.repeat(indent) : pad) + l));
          body = ` ${inner.join('\n')}\n`;
        } else body = ` ${style}\n${lines.map((l) => (l ? pad + l : '')).join('\n')}\n`;
        const nested = indent ? `outer:\n${' '.repeat(indent)}${key}:${body}${after.replace(/^(?=\S)/gm, ' '.repeat(indent))}` : `${key}:${body}${after}`;
        agrees(`---\n${nested}`);
        agrees(nested);
      }),
      { numRuns: RUNS },
    );
    expect(acceptedBy.lines - linesBefore).toBeGreaterThan(RUNS / 4);
  });

  it('random values in random styles: accepted as parseDocument reads them', () => {
    let accepted = 0;
    const linesBefore = acceptedBy.lines;
    const doc = fc.record({
      value: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), VALUE, { minKeys: 1, maxKeys: 4 }),
      choices: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
      header: fc.constantFrom('', '# file\n', '---\n', '# c\n---\n'),
    });
    fc.assert(
      fc.property(doc, ({ value, choices, header }) => {
        let i = 0;
        const text = header + write(value, () => choices[i++ % choices.length]!, 0);
        if (agrees(text)) accepted++;
      }),
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(RUNS / 4);
    expect(acceptedBy.lines - linesBefore).toBeGreaterThan(RUNS / 8);
  });
});
