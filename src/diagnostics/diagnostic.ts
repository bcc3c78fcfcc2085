/**
 * Diagnostics are data: a stable code, a severity, a message that says what
 * to do, and a precise location. Nothing in mxspec throws at the user; code
 * that finds a problem pushes a Diagnostic and carries on where it can.
 */
import type { SourceLocation } from '../ir/types.js';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from './codes.js';

export type Severity = 'error' | 'warning' | 'info';

export interface RelatedLocation {
  loc: SourceLocation;
  message: string;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  loc?: SourceLocation;
  related?: RelatedLocation[];
}

export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  add(code: DiagnosticCode, message: string, loc?: SourceLocation, related?: RelatedLocation[]): Diagnostic {
    const d: Diagnostic = { code, severity: DIAGNOSTIC_CODES[code].severity, message, loc };
    if (related && related.length) d.related = related;
    this.items.push(d);
    return d;
  }

  push(...ds: Diagnostic[]): void {
    this.items.push(...ds);
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === 'error').length;
  }

  get warningCount(): number {
    return this.items.filter((d) => d.severity === 'warning').length;
  }

  hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  /** Stable order: file, line, column, code, message. */
  sorted(): Diagnostic[] {
    return [...this.items].sort(compareDiagnostics);
  }
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.loc?.file ?? '';
  const fb = b.loc?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.loc?.line ?? 0;
  const lb = b.loc?.line ?? 0;
  if (la !== lb) return la - lb;
  const ca = a.loc?.column ?? 0;
  const cb = b.loc?.column ?? 0;
  if (ca !== cb) return ca - cb;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** Thrown only to abort a phase that cannot go on; the CLI turns it into output, never a stack trace. */
export class FatalDiagnostic extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}
