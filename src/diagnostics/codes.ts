/**
 * Every diagnostic code mxspec can emit, with its default severity and a
 * one-line description. Codes are stable: tests and CI configurations key on
 * them. Ranges: MX1xxx reading and parsing files, MX2xxx references and ids,
 * MX3xxx editions, MX4xxx examples, MX5xxx documents, MX6xxx RPCs and
 * bindings, MX7xxx Internet-Draft checks, MX8xxx diff, MX9xxx I/O and
 * internal.
 */
import type { Severity } from './diagnostic.js';

interface CodeInfo {
  severity: Severity;
  title: string;
}

function c(severity: Severity, title: string): CodeInfo {
  return { severity, title };
}

export const DIAGNOSTIC_CODES = {
  MX1001: c('error', 'file cannot be read'),
  MX1002: c('error', 'YAML syntax error'),
  MX1003: c('error', 'file starts with a byte-order mark'),
  MX1004: c('error', 'file is not valid UTF-8 text'),
  MX1005: c('error', 'file is too large'),
  MX1006: c('error', 'YAML alias expansion exceeds the limit'),
  MX1007: c('error', 'nesting is too deep'),
  MX1008: c('error', 'path leaves the spec folder'),
  MX1009: c('error', 'YAML tag not allowed'),
  MX1010: c('error', 'file is empty'),
  MX1011: c('error', 'duplicate key in a YAML mapping'),
  MX1012: c('warning', 'file is not a known source kind and is ignored'),
  MX1013: c('error', 'spec folder not found or has no editions.yaml'),
  MX1101: c('error', 'unknown key'),
  MX1102: c('error', 'value has the wrong type'),
  MX1103: c('error', 'required key is missing'),
  MX1104: c('error', 'value is not one of the allowed values'),
  MX1105: c('error', 'value is invalid'),
  MX1201: c('error', 'raw HTML in Markdown'),
  MX1202: c('error', 'unknown Markdown directive'),
  MX1203: c('error', 'Markdown directive attribute missing or invalid'),
  MX1204: c('error', 'front matter missing or invalid'),
  MX1205: c('error', 'JSON code block does not parse'),
  MX1206: c('error', 'invalid heading attributes'),
  MX1207: c('error', 'unknown link scheme'),
  MX1301: c('error', 'import source is not in the matrix-spec layout'),
  MX1302: c('error', 'import source file cannot be read or parsed'),
  MX1303: c('error', 'import source $ref does not resolve'),
  MX1304: c('warning', 'imported operations share method and path'),
  MX1305: c('warning', 'imported security scheme is used but not defined'),
  MX1306: c('info', 'imported construct normalised to fit the IR'),
  MX1307: c('warning', 'imported string format is not known'),
  MX1308: c('info', 'imported example file holds JSON in a .yaml file'),
  MX1309: c('warning', 'imported element skipped or renamed'),
  MX2001: c('error', 'unresolved reference'),
  MX2002: c('error', 'duplicate id'),
  MX2003: c('error', 'duplicate section anchor'),
  MX2004: c('error', 'illegal reference cycle'),
  MX2005: c('error', 'invalid identifier'),
  MX3001: c('error', 'unknown edition'),
  MX3002: c('error', 'cross-edition reference'),
  MX3003: c('error', 'RPC has no HTTP binding in an edition where it exists'),
  MX3004: c('warning', 'divergence without a port record'),
  MX3005: c('error', 'port record is incomplete'),
  MX3006: c('error', 'edition metadata is inconsistent'),
  MX4001: c('error', 'example does not validate against its schema'),
  MX4002: c('warning', 'RPC has no complete example'),
  MX4003: c('warning', 'element has no description'),
  MX5001: c('error', 'BCP 14 keywords used without the boilerplate'),
  MX5002: c('warning', 'BCP 14 boilerplate without any keyword'),
  MX5003: c('error', 'document is missing a required section'),
  MX6001: c('error', 'binding path parameter is not a request field'),
  MX6002: c('error', 'binding places a field that does not exist'),
  MX6003: c('error', 'binding error code is not an error of the RPC'),
  MX6004: c('error', 'RPC error has no HTTP status in its binding'),
  MX6005: c('error', 'two bindings share method and path'),
  MX6006: c('error', 'schema node is malformed'),
  MX6007: c('error', 'field placed twice in a binding'),
  MX7001: c('error', 'Internet-Draft name is invalid'),
  MX7002: c('error', 'Internet-Draft anchor is invalid'),
  MX7003: c('error', 'cross-reference target does not exist'),
  MX7004: c('error', 'numbered section after an unnumbered one'),
  MX7005: c('warning', 'reference is listed but never cited'),
  MX7006: c('error', 'reference is cited but not listed'),
  MX7007: c('warning', 'reference is obsolete'),
  MX7008: c('warning', 'normative reference is a downref'),
  MX7009: c('error', 'line too long for an Internet-Draft'),
  MX7010: c('error', 'non-ASCII character outside <u>'),
  MX7011: c('error', 'author has no email address'),
  MX7012: c('warning', 'code folded per RFC 8792 without citing RFC8792'),
  MX8001: c('error', 'diff operand is invalid'),
  MX8002: c('error', 'git revision cannot be read'),
  MX8003: c('error', 'a difference no diff rule classifies'),
  MX8004: c('error', 'spec of a diff operand has errors'),
  MX8005: c('error', 'diff reaches the --fail-on threshold'),
  MX9001: c('error', 'output cannot be written'),
  MX9002: c('error', 'not implemented yet'),
  MX9003: c('error', 'usage error'),
  MX9999: c('error', 'internal error'),
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
