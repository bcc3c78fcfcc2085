import { show } from '../canonical.js';
import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'edition-metadata-changed',
  severity: 'info',
  description: "Edition metadata (label, version, baseline, date, room-version mapping, document names) differs.",
  site: 'edition',
  fields: ["id", "label", "version", "baseline", "date", "roomVersions", "documents"],
  message: (field, a, b) => `edition ${field}: ${show(a)} -> ${show(b)}`,
});
