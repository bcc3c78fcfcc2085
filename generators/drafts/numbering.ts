/**
 * Section numbers as xml2rfc assigns them: numbered sections of <middle>
 * count 1, 2, 2.1, ...; sections of <back> are appendices A, B, A.1, ...
 * Cross-draft references need them ("Section 3.2 of [I-D.x]"), and every
 * anchor inside a section takes the number of the nearest one.
 */
import { isElement, type XElement } from './xml.js';

export function sectionNumbers(rfc: XElement): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const visit = (e: XElement, current: string | undefined): void => {
    if (e.attrs.anchor && !out.has(e.attrs.anchor)) out.set(e.attrs.anchor, current);
    let n = 0;
    for (const c of e.children) {
      if (!isElement(c)) continue;
      if (c.name === 'section') {
        const numbered = c.attrs.numbered !== 'false' && current !== undefined;
        let num: string | undefined;
        if (numbered) {
          n++;
          num = current === '' ? String(n) : current === 'appendix' ? String.fromCharCode(64 + n) : `${current}.${n}`;
        }
        visit(c, num);
      } else visit(c, current);
    }
  };
  for (const part of rfc.children) {
    if (!isElement(part)) continue;
    if (part.name === 'middle') visit(part, '');
    else if (part.name === 'back') visit(part, 'appendix');
  }
  return out;
}
