/**
 * The drafts' element tree (generators/drafts/xml.ts): how `el` keeps
 * attributes; that elements without any share one frozen object, so that
 * an attribute set on one later cannot appear on all the others; and that
 * every element, also one split off by non-ASCII marking, has one shape.
 */
import { describe, expect, it } from 'vitest';
import { el, isElement, toXmlDocument, type XElement } from '../../generators/drafts/xml.js';
import { markNonAscii } from '../../generators/drafts/non-ascii.js';

describe('el', () => {
  it('keeps attributes in the order given, as strings, without the undefined ones', () => {
    const e = el('section', { anchor: 'a', numbered: false, toc: undefined, level: 2 });
    expect(e.attrs).toEqual({ anchor: 'a', numbered: 'false', level: '2' });
    expect(Object.keys(e.attrs)).toEqual(['anchor', 'numbered', 'level']);
    expect(toXmlDocument(e)).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<section anchor="a" numbered="false" level="2"/>\n');
  });

  it('gives elements without attributes one frozen object: setting an attribute on one throws instead of reaching them all', () => {
    const a = el('t');
    const b = el('t', {}, ['x']);
    const c = el('t', { anchor: undefined });
    expect(a.attrs).toBe(b.attrs);
    expect(c.attrs).toBe(a.attrs);
    expect(Object.isFrozen(a.attrs)).toBe(true);
    expect(() => {
      a.attrs.anchor = 'x';
    }).toThrow(TypeError);
    expect(b.attrs.anchor).toBeUndefined();
  });

  it('gives each element with attributes its own object, which can be changed (cross-draft section numbers are set later)', () => {
    const x = el('xref', { target: 'draft-a' });
    const y = el('xref', { target: 'draft-a' });
    x.attrs.section = '3';
    expect(y.attrs).toEqual({ target: 'draft-a' });
    expect(toXmlDocument(el('t', {}, [x]))).toContain('<xref target="draft-a" section="3"/>');
  });

  it('makes every element with the same keys in the same order, located or not, also where non-ASCII marking splits one (one shape for the walks)', () => {
    const loc = { file: 'documents/api.md', line: 3, column: 1 };
    const root = el('rfc', {}, [el('middle', {}, [el('t', {}, ['a é b ', el('em', {}, ['x ü y'])], loc), el('t', { anchor: 'p' }, ['plain'])])]);
    markNonAscii(root);
    const shapes = new Set<string>();
    const names: string[] = [];
    const walk = (e: XElement): void => {
      shapes.add(Object.keys(e).join(','));
      names.push(e.name);
      for (const c of e.children) if (isElement(c)) walk(c);
    };
    walk(root);
    // "é" marked in the <t>; the <em> split around its marked run: two <em> copies beside a <u>.
    expect(names).toEqual(['rfc', 'middle', 't', 'u', 'em', 'u', 'em', 't']);
    expect([...shapes]).toEqual(['name,attrs,children,loc']);
  });
});
