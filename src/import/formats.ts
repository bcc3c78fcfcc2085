/**
 * String formats of the matrix-spec corpus (`format: mx-*`, `x-pattern-format`)
 * to the IR's identifier formats. The corpus keeps its registry in
 * data/string-formats.yaml (data/custom-formats.yaml in older releases);
 * formats it lists that the IR has no type for are dropped with a warning.
 */
import type { StringFormat } from '../ir/types.js';

const FORMAT_MAP: Record<string, StringFormat> = {
  'mx-user-id': 'user-id',
  'mx-room-id': 'room-id',
  'mx-event-id': 'event-id',
  'mx-room-alias': 'room-alias',
  'mx-server-name': 'server-name',
  'mx-mxc-uri': 'mxc-uri',
  'mx-device-id': 'device-id',
  'mx-key-id': 'key-id',
  'mx-unpadded-base64': 'unpadded-base64',
  // The IR's unpadded-base64 admits both alphabets.
  'mx-urlsafe-unpadded-base64': 'unpadded-base64',
  uri: 'uri',
  'date-time': 'date-time',
};

/** Formats that describe a number's encoding; the IR's integer/number types carry no width. */
export const NUMERIC_ENCODING_FORMATS = new Set(['int32', 'int64', 'float', 'double']);

export type FormatMapping = { format: StringFormat } | { dropped: true };

export function mapStringFormat(format: string): FormatMapping {
  const f = FORMAT_MAP[format];
  return f ? { format: f } : { dropped: true };
}
