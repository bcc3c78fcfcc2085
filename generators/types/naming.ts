/**
 * TypeScript names for IR elements. Names are what SDK authors type every
 * day, so the `m.` namespace is dropped (`m.room.member` ->
 * `RoomMemberEventContent`) while other namespaces are kept in full
 * (`org.example.foo` -> `OrgExampleFooEventContent`).
 */
import type { StringFormat } from '../../src/ir/types.js';

export function pascal(s: string): string {
  return s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function namespaced(name: string): string {
  const stem = name.startsWith('m.') ? name.slice(2) : name;
  const p = pascal(stem);
  return /^[0-9]/.test(p) ? `N${p}` : p;
}

export const blockTypeName = (block: string): string => `${namespaced(block)}Block`;
export const eventContentTypeName = (event: string): string => `${namespaced(event)}EventContent`;
export const msgtypeContentTypeName = (event: string, msgtype: string): string => `${namespaced(event)}${namespaced(msgtype)}Content`;
export const eduContentTypeName = (edu: string): string => `${namespaced(edu)}EduContent`;
export const rpcRequestTypeName = (rpc: string): string => `${pascal(rpc)}Request`;
export const rpcResponseTypeName = (rpc: string): string => `${pascal(rpc)}Response`;
export const roomEventTypeName = (displayId: string): string => `RoomEventV${pascal(displayId)}`;
export const READ_SUFFIX = 'Read';
export const WRITE_SUFFIX = 'Write';

/** The identifier type each string format maps to. */
export const FORMAT_TYPES: Record<StringFormat, string> = {
  'user-id': 'UserId',
  'room-id': 'RoomId',
  'event-id': 'EventId',
  'room-alias': 'RoomAlias',
  'server-name': 'ServerName',
  'mxc-uri': 'MxcUri',
  'device-id': 'DeviceId',
  'key-id': 'KeyId',
  'unpadded-base64': 'UnpaddedBase64',
  uri: 'Uri',
  'date-time': 'DateTime',
};
export const TIMESTAMP_TYPE = 'Timestamp';

/** The OpenAPI `format` value for a string format (see src/ir/json-schema.ts). */
export function openApiFormat(f: StringFormat): string {
  return f === 'uri' || f === 'date-time' ? f : `mx-${f}`;
}

/** The package name of an edition's types package. */
export function packageName(edition: string): string {
  return `@mxspec/matrix-federation-types-${edition}`;
}

/** Edition versions ("1", "v1.19") as npm semver ("1.0.0", "1.19.0"). */
export function packageVersion(version: string): string {
  const parts = version.replace(/^v/i, '').split('.').filter((p) => /^\d+$/.test(p));
  while (parts.length < 3) parts.push('0');
  return parts.slice(0, 3).map((p) => String(Number(p))).join('.');
}

/** A property key as written in a type literal. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function stringLiteral(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}
