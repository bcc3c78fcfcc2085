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
