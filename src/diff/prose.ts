/**
 * Plain text of Markdown blocks for prose diffs: close to the source
 * Markdown (links keep their targets, directives their names), stable, and
 * free of positions so identical prose yields identical text.
 */
import type { Parent, RootContent } from 'mdast';

type Node = RootContent & { value?: string; url?: string; name?: string; attributes?: Record<string, string | null | undefined> | null; lang?: string | null; ordered?: boolean | null; depth?: number };

function attrs(a: Node['attributes']): string {
  const entries = Object.entries(a ?? {}).filter(([, v]) => v !== undefined && v !== null);
  return entries.length ? `{${entries.map(([k, v]) => `${k}="${v}"`).join(' ')}}` : '';
}

function inline(nodes: RootContent[]): string {
  return nodes.map(inlineNode).join('');
}

function inlineNode(n: Node): string {
  switch (n.type) {
    case 'text':
      return n.value ?? '';
    case 'inlineCode':
      return `\`${n.value ?? ''}\``;
    case 'emphasis':
      return `*${inline((n as unknown as Parent).children as RootContent[])}*`;
    case 'strong':
      return `**${inline((n as unknown as Parent).children as RootContent[])}**`;
    case 'delete':
      return `~~${inline((n as unknown as Parent).children as RootContent[])}~~`;
    case 'link': {
      const text = inline((n as unknown as Parent).children as RootContent[]);
      return `[${text}](${n.url ?? ''})`;
    }
    case 'break':
      return '\n';
    case 'textDirective':
      return `:${n.name ?? ''}${attrs(n.attributes)}`;
    default:
      return 'children' in n ? inline((n as unknown as Parent).children as RootContent[]) : (n.value ?? '');
  }
}

function block(n: Node, indent = ''): string {
  switch (n.type) {
    case 'paragraph':
    case 'heading':
      return indent + (n.type === 'heading' ? `${'#'.repeat(n.depth ?? 1)} ` : '') + inline((n as unknown as Parent).children as RootContent[]);
    case 'code':
      return `${indent}\`\`\`${n.lang ?? ''}\n${n.value ?? ''}\n\`\`\``;
    case 'list': {
      const items = (n as unknown as Parent).children as RootContent[];
      return items.map((it, k) => {
        const mark = n.ordered ? `${k + 1}. ` : '- ';
        const body = ((it as unknown as Parent).children as RootContent[]).map((c) => block(c as Node)).join('\n');
        return indent + mark + body.split('\n').join(`\n${indent}  `);
      }).join('\n');
    }
    case 'blockquote':
      return blocks((n as unknown as Parent).children as RootContent[]).split('\n').map((l) => `> ${l}`).join('\n');
    case 'table':
      return ((n as unknown as Parent).children as RootContent[])
        .map((row) => `| ${((row as unknown as Parent).children as RootContent[]).map((cell) => inline((cell as unknown as Parent).children as RootContent[])).join(' | ')} |`)
        .join('\n');
    case 'thematicBreak':
      return '---';
    case 'leafDirective':
      return `::${n.name ?? ''}${attrs(n.attributes)}`;
    case 'containerDirective':
      return `:::${n.name ?? ''}${attrs(n.attributes)}\n${blocks((n as unknown as Parent).children as RootContent[])}\n:::`;
    default:
      return 'children' in n ? blocks((n as unknown as Parent).children as RootContent[]) : (n.value ?? '');
  }
}

export function blocks(nodes: RootContent[]): string {
  return nodes.map((n) => block(n as Node)).join('\n\n');
}

/** BCP 14 keywords in order of appearance (their set and order is what normative prose commits to). */
export function bcp14Keywords(text: string): string[] {
  return text.match(/\b(?:MUST NOT|MUST|SHALL NOT|SHALL|SHOULD NOT|SHOULD|NOT RECOMMENDED|RECOMMENDED|REQUIRED|MAY|OPTIONAL)\b/g) ?? [];
}
