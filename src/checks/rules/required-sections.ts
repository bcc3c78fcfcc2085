/** An Internet-Draft needs Security Considerations and IANA Considerations sections. */
import type { Check } from '../check.js';

export const requiredSections: Check = {
  id: 'required-sections',
  codes: ['MX5003'],
  description: 'Documents published as Internet-Drafts have Security Considerations and IANA Considerations sections.',
  run({ models, report }) {
    const m = models.ietf;
    for (const doc of m.documents) {
      if (!m.edition.documents[doc.id]?.docName) continue;
      const titles = doc.sections.map((s) => s.title.toLowerCase());
      for (const [needed, guide] of [['Security Considerations', 'RFC 3552'], ['IANA Considerations', 'RFC 8126']] as const) {
        if (!titles.includes(needed.toLowerCase())) report.add('MX5003', `${doc.file} is an Internet-Draft in the ietf edition but has no top-level "${needed}" section; add one (${guide} says what it holds)`, doc.loc);
      }
    }
  },
};
