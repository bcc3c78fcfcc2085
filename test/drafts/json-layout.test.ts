/** JSON examples fit 69 columns by re-indenting; what cannot is folded per RFC 8792, losslessly. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_WIDTH, foldLines, layoutJson, relayoutJsonText, unfoldLines } from '../../generators/drafts/json-layout.js';

const shortJson = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 10 }), tie('value'), { maxKeys: 5 })),
})).value;

describe('JSON layout', () => {
  it('keeps the value and fits the width when no scalar is too long (property)', () => {
    fc.assert(fc.property(shortJson, (v) => {
      const text = layoutJson(v);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
      for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(CODE_WIDTH);
    }));
  });

  it('equals the plain definition: one line whenever the whole one-line form fits, else one member per line (property)', () => {
    // The definition, written the simple way (the generator stops building a one-line form once it is too long).
    const scalar = (v: unknown): string => JSON.stringify(v === undefined ? null : v).replace(/[^\x00-\x7F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const compact = (v: unknown): string => Array.isArray(v) ? `[${v.map(compact).join(', ')}]`
      : v !== null && typeof v === 'object' ? `{${Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => `${scalar(k)}: ${compact(x)}`).join(', ')}}`
      : scalar(v);
    const lay = (v: unknown, indent: string, used: number, width: number): string => {
      const one = compact(v);
      if (used + one.length <= width || v === null || typeof v !== 'object') return one;
      const inner = indent + '  ';
      if (Array.isArray(v)) {
        if (!v.length) return '[]';
        return `[\n${v.map((x, i) => inner + lay(x, inner, inner.length + (i < v.length - 1 ? 1 : 0), width)).join(',\n')}\n${indent}]`;
      }
      const entries = Object.entries(v).filter(([, x]) => x !== undefined);
      if (!entries.length) return '{}';
      return `{\n${entries.map(([k, x], i) => {
        const key = `${scalar(k)}: `;
        return inner + key + lay(x, inner, inner.length + key.length + (i < entries.length - 1 ? 1 : 0), width);
      }).join(',\n')}\n${indent}}`;
    };
    const anyJson = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 6 }),
        // Quotes, backslashes, control characters and lone surrogates, which need JSON's escapes.
        fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: fc.constantFrom('a', '"', '\\', '\u0001', '\u007f', '\ud800', 'é'), maxLength: 6 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 6 }), fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 4 })), tie('value'), { maxKeys: 6 })),
    })).value;
    fc.assert(fc.property(anyJson, fc.integer({ min: 0, max: 80 }), (v, width) => {
      expect(layoutJson(v, width)).toBe(lay(v, '', 0, width));
    }), { numRuns: 3000 });
  });

  it('uses one line when it fits, one member per line otherwise', () => {
    expect(layoutJson({ a: 1, b: [1, 2] })).toBe('{"a": 1, "b": [1, 2]}');
    const wide = { origin: 'origin.example.org', destination: 'destination.example.org', ts: 1735689600000 };
    expect(layoutJson(wide)).toBe('{\n  "origin": "origin.example.org",\n  "destination": "destination.example.org",\n  "ts": 1735689600000\n}');
  });

  it('leaves author JSON alone when it already fits', () => {
    const text = '{\n    "a":   1\n}';
    expect(relayoutJsonText(text)).toBe(text);
  });
});

describe('RFC 8792 folding', () => {
  it('folds to the width and unfolds to the original (property)', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '"', '{', '\\', '1'), maxLength: 200 }).filter((s) => !s.endsWith('\\'));
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
      const text = lines.join('\n');
      const r = foldLines(text);
      if (!r.folded) {
        expect(r.text).toBe(text);
        return;
      }
      // A line that is one long run of spaces cannot be cut; it is reported (MX7009) and left whole.
      if (!r.unfoldable.length) for (const l of r.text.split('\n')) expect(l.length).toBeLessThanOrEqual(CODE_WIDTH);
      expect(unfoldLines(r.text)).toBe(text);
    }));
  });

  it('writes the RFC 8792 header and cuts between words when it can', () => {
    const r = foldLines(`"error": "${'word '.repeat(20)}end"`);
    const lines = r.text.split('\n');
    expect(lines[0]).toMatch(/^=+ NOTE: '\\' line wrapping per RFC 8792 =+$/);
    expect(lines[1]).toBe('');
    expect(lines[2]!.endsWith(' \\')).toBe(true);
  });

  it('refuses text whose lines already end in a backslash', () => {
    const r = foldLines(`${'x'.repeat(80)}\nend \\`);
    expect(r.folded).toBe(false);
    expect(r.unfoldable).toEqual([1]);
  });
});
