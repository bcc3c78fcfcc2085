import { show } from '../canonical.js';
import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'union-discriminator-changed',
  severity: 'breaking',
  description: "The discriminator property of a union changed.",
  site: 'schema',
  fields: ["discriminator"],
  message: (_f, a, b) => `discriminator ${show(a)} -> ${show(b)}`,
});
