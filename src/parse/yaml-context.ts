/**
 * Shared helpers for turning validated YAML values into IR nodes: locations,
 * scoped keys (editions, variants, port, lifecycle) and variant merging.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { suggestion } from '../diagnostics/did-you-mean.js';
import type { EditionId, Lifecycle, PortRecord, SourceLocation } from '../ir/types.js';
import type { LocatedYaml } from '../load/yaml-located.js';

export type Raw = Record<string, unknown>;

export interface ParseContext {
  doc: LocatedYaml;
  diags: DiagnosticBag;
}

export const SCOPE_KEYS = ['editions', 'variants', 'port', 'added', 'changed', 'deprecated'] as const;

export function isRaw(v: unknown): v is Raw {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function locOf(ctx: ParseContext, raw: unknown): SourceLocation {
  return ctx.doc.locOf(raw);
}

export function parsePort(ctx: ParseContext, raw: unknown): PortRecord | undefined {
  if (!isRaw(raw)) return undefined;
  const port: PortRecord = { status: raw.status as PortRecord['status'], loc: locOf(ctx, raw) };
  if (raw.origin !== undefined) port.origin = raw.origin as EditionId;
  if (raw.msc !== undefined) port.msc = raw.msc as number;
  if (raw.reason !== undefined) port.reason = raw.reason as string;
  if (raw.note !== undefined) port.note = raw.note as string;
  return port;
}

export function parseLifecycle(raw: Raw): Lifecycle | undefined {
  if (raw.added === undefined && raw.changed === undefined && raw.deprecated === undefined) return undefined;
  const l: Lifecycle = {};
  if (raw.added !== undefined) l.added = String(raw.added);
  if (raw.changed !== undefined) l.changed = raw.changed as Lifecycle['changed'];
  if (raw.deprecated !== undefined) l.deprecated = raw.deprecated as Lifecycle['deprecated'];
  return l;
}

export interface ScopeFields<T> {
  editions?: EditionId[];
  variants?: Partial<Record<EditionId, T>>;
  port?: PortRecord;
  lifecycle?: Lifecycle;
}

/**
 * Reads the scoped keys of an element and builds its variants by merging
 * each variant's keys over the shared ones and parsing the result with the
 * element's own parser. `allowedKeys` checks variant keys (did-you-mean).
 */
export function parseScope<T>(
  ctx: ParseContext,
  raw: Raw,
  allowedKeys: readonly string[],
  parseElement: (merged: Raw) => T,
): ScopeFields<T> {
  const out: ScopeFields<T> = {};
  if (Array.isArray(raw.editions)) out.editions = raw.editions as EditionId[];
  const port = parsePort(ctx, raw.port);
  if (port) out.port = port;
  const lifecycle = parseLifecycle(raw);
  if (lifecycle) out.lifecycle = lifecycle;
  if (isRaw(raw.variants)) {
    const variants: Partial<Record<EditionId, T>> = {};
    for (const [ed, v] of Object.entries(raw.variants)) {
      if (!isRaw(v)) continue;
      let ok = true;
      for (const key of Object.keys(v)) {
        if (!allowedKeys.includes(key) || key === 'variants' || key === 'editions') {
          ctx.diags.add('MX1101', `unknown key "${key}" in a variant${suggestion(key, allowedKeys.filter((k) => k !== 'variants' && k !== 'editions'))}`, ctx.doc.keyLoc(v, key));
          ok = false;
        }
      }
      if (!ok) continue;
      const merged: Raw = {};
      for (const [k, val] of Object.entries(raw)) if (k !== 'variants') merged[k] = val;
      for (const [k, val] of Object.entries(v)) merged[k] = val;
      const element = withVariantLoc(ctx, merged, v, raw, () => parseElement(merged));
      // A variant keeps the shared element's port record and lifecycle unless it gives its own.
      const vPort = parsePort(ctx, merged.port);
      const vLife = parseLifecycle(merged);
      if (vPort) (element as { port?: PortRecord }).port = vPort;
      if (vLife) (element as { lifecycle?: Lifecycle }).lifecycle = vLife;
      variants[ed as EditionId] = element;
    }
    if (Object.keys(variants).length) out.variants = variants;
  }
  return out;
}

/** Makes locations inside a merged variant point at the variant's keys where they came from. */
function withVariantLoc<T>(ctx: ParseContext, merged: Raw, variant: Raw, base: Raw, fn: () => T): T {
  ctx.doc.alias(merged, (key) => (key in variant ? { obj: variant, key } : { obj: base, key }), variant);
  return fn();
}
