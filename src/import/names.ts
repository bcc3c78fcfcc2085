/** Names for imported elements, derived from file names, pointers and positions. */

function words(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** "pdu_v12" -> "PduV12", "m.room.member" -> "MRoomMember". */
export function pascalCase(s: string): string {
  const out = words(s).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[0-9]/.test(out) ? `S${out}` : out || 'Schema';
}

/** "getEvent by id" -> "getEventById". */
export function camelCase(s: string): string {
  const p = pascalCase(s);
  return p[0]!.toLowerCase() + p.slice(1);
}

/** "keys_query" -> "keys-query": group and file ids. */
export function kebabCase(s: string): string {
  return words(s).map((w) => w.toLowerCase()).join('-') || 'imported';
}

/** The base file name without extension. */
export function fileStem(rel: string): string {
  const base = rel.split('/').pop()!;
  return base.replace(/\.(ya?ml|json)$/, '');
}
