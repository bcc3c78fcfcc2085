import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'document-metadata-changed',
  severity: 'info',
  description: "Document front matter changed (title, abbreviation, category, authors, keywords, abstract, file).",
  site: 'document',
  fields: ["file", "title", "abbrev", "category", "authors", "keywords", "abstract"],
});
