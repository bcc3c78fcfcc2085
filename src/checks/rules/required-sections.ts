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
      for (const needed of ['security considerations', 'iana considerations']) {
        if (!titles.includes(needed)) report.add('MX5003', `${doc.file} is an Internet-Draft in the ietf edition but has no top-level "${needed.replace(/\b\w/g, (c) => c.toUpperCase())}" section`, doc.loc);
      }
    }
  },
};
