/** editions.yaml agrees with the tree: mapped room versions exist, documents exist and have drafts names where needed. */
import { EDITION_IDS } from '../../ir/types.js';
import type { Check } from '../check.js';

export const editionMetadata: Check = {
  id: 'edition-metadata',
  codes: ['MX3006'],
  description: 'Room-version mappings and per-document metadata in editions.yaml match the room versions and documents in spec/.',
  run({ program, report }) {
    const rvIds = new Set(program.roomVersions.map((r) => r.id));
    const docIds = new Set(program.documents.map((d) => d.id));
    for (const id of EDITION_IDS) {
      const ed = program.editions[id];
      for (const [edId, matrixId] of Object.entries(ed.roomVersions)) {
        if (!rvIds.has(matrixId)) report.add('MX3006', `edition ${id} maps room version "${edId}" to "${matrixId}", which is not defined in spec/room-versions/; map it to one of ${[...rvIds].sort().map((r) => `"${r}"`).join(', ') || 'the room versions there'}, or add spec/room-versions/${matrixId}.yaml`, ed.roomVersionLocs?.[edId] ?? ed.loc);
      }
      for (const [docId, d] of Object.entries(ed.documents)) {
        if (!docIds.has(docId)) report.add('MX3006', `edition ${id} lists document "${docId}", but spec/documents/${docId}.md does not exist`, d.loc);
        if (d.docName !== undefined && d.revision === undefined) report.add('MX3006', `document "${docId}" has a docName but no revision in edition ${id}`, d.loc);
      }
      for (const doc of program.documents) {
        if (!ed.documents[doc.id]) report.add('MX3006', `document "${doc.id}" is not listed under editions.${id}.documents`, doc.loc);
      }
    }
  },
};
