import { show } from '../canonical.js';
import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'binding-parameter-placement-changed',
  severity: 'breaking',
  description: "A request field moved between path, query string, headers and body (or the body form changed).",
  site: 'binding',
  fields: ["pathParams", "query", "headers", "body"],
  message: (f, a, b) => `${f === 'pathParams' ? 'path parameters' : f === 'query' ? 'query parameters' : f}: ${show(a)} -> ${show(b)}`,
});
