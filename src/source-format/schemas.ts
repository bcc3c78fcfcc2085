/**
 * JSON Schemas (2020-12) of every YAML source kind. They are the single
 * definition of the source format: `mxspec check` validates with them and
 * `scripts/tools/emit-source-schemas` writes them to schemas/source/ for YAML
 * language servers (a test keeps the two in step).
 */
import type { SourceKind } from '../load/read-tree.js';

type Json = Record<string, unknown>;

const BASE = 'https://mxspec.example.org/schemas/source/';

const editionId = { enum: ['ietf', 'matrix-org'] };

const markdownText = { type: 'string', description: 'Markdown text.' };

const portRecord: Json = {
  type: 'object',
  description: 'How this divergence is tracked between the editions.',
  additionalProperties: false,
  required: ['status'],
  properties: {
    origin: { ...editionId, description: 'Edition where the change was made.' },
    status: { enum: ['pending', 'accepted', 'rejected', 'by-design'] },
    msc: { type: 'integer', minimum: 1, description: 'MSC number (required when accepted).' },
    reason: { type: 'string', description: 'Why it was rejected (required when rejected).' },
    note: { type: 'string' },
  },
};

const lifecycleKeys: Json = {
  added: { type: 'string', description: 'Version that introduced the element.' },
  changed: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['in'],
      properties: { in: { type: 'string' }, note: { type: 'string' } },
    },
  },
  deprecated: {
    type: 'object',
    additionalProperties: false,
    properties: { in: { type: 'string' }, note: { type: 'string' }, replacement: { type: 'string' } },
  },
};

/** Keys every element accepts; `variants` values are validated by the element's own parser. */
function scopedKeys(): Json {
  return {
    editions: { type: 'array', items: editionId, minItems: 1, uniqueItems: true, description: 'Editions the element exists in (default: all).' },
    variants: {
      type: 'object',
      description: 'Per-edition replacement of this element\'s own keys.',
      propertyNames: editionId,
      additionalProperties: { type: 'object' },
    },
    port: { $ref: '#/$defs/port' },
    ...lifecycleKeys,
  };
}

const schemaNodeKeys: Json = {
  type: { enum: ['object', 'array', 'map', 'string', 'integer', 'number', 'boolean', 'null', 'any', 'binary', 'union'] },
  ref: { type: 'string', description: 'Name of a schema in schemas/.' },
  block: { type: 'string', description: 'Name of a content block.' },
  description: markdownText,
  title: { type: 'string' },
  examples: { type: 'array' },
  default: {},
  deprecated: { type: 'boolean' },
  readOnly: { type: 'boolean' },
  writeOnly: { type: 'boolean' },
  nullable: { type: 'boolean' },
  required: { type: 'boolean', description: 'On a property: it must be present.' },
  properties: { type: 'object', additionalProperties: { $ref: '#/$defs/schemaNode' } },
  additionalProperties: { anyOf: [{ const: false }, { $ref: '#/$defs/schemaNode' }] },
  extends: { type: 'array', items: { type: 'string' } },
  items: { $ref: '#/$defs/schemaNode' },
  minItems: { type: 'integer', minimum: 0 },
  maxItems: { type: 'integer', minimum: 0 },
  uniqueItems: { type: 'boolean' },
  values: { $ref: '#/$defs/schemaNode' },
  keys: {
    type: 'object',
    additionalProperties: false,
    properties: { format: { $ref: '#/$defs/stringFormat' }, pattern: { type: 'string' } },
  },
  format: { anyOf: [{ $ref: '#/$defs/stringFormat' }, { const: 'timestamp' }] },
  pattern: { type: 'string' },
  minLength: { type: 'integer', minimum: 0 },
  maxLength: { type: 'integer', minimum: 0 },
  minimum: { type: 'number' },
  maximum: { type: 'number' },
  exclusiveMinimum: { type: 'number' },
  exclusiveMaximum: { type: 'number' },
  enum: {
    type: 'array',
    minItems: 1,
    items: {
      anyOf: [
        { type: ['string', 'number', 'boolean', 'null'] },
        {
          type: 'object',
          additionalProperties: false,
          required: ['value'],
          properties: { value: { type: ['string', 'number', 'boolean', 'null'] }, description: { type: 'string' }, ...scopedKeys() },
        },
      ],
    },
  },
  const: { type: ['string', 'number', 'boolean'] },
  oneOf: { type: 'array', minItems: 1, items: { $ref: '#/$defs/schemaNode' } },
  discriminator: {
    type: 'object',
    additionalProperties: false,
    required: ['property'],
    properties: { property: { type: 'string' } },
  },
  ...scopedKeys(),
};

const stringFormat = {
  enum: ['user-id', 'room-id', 'event-id', 'room-alias', 'server-name', 'mxc-uri', 'device-id', 'key-id', 'unpadded-base64', 'uri', 'date-time'],
};

const rule: Json = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'text'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9.-]*$', description: 'Stable id, unique in the room version.' },
    text: markdownText,
    steps: { type: 'array', items: { $ref: '#/$defs/rule' } },
    ...scopedKeys(),
  },
};

const commonDefs: Json = { port: portRecord, schemaNode: { type: 'object', additionalProperties: false, properties: schemaNodeKeys }, stringFormat, rule };

function wrap(kind: string, title: string, body: Json): Json {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${BASE}${kind}.schema.json`,
    title,
    ...body,
    $defs: { ...commonDefs, ...((body.$defs as Json | undefined) ?? {}) },
  };
}

const yamlServerLine = { $comment: 'Name this schema on the first line of a file: # yaml-language-server: $schema=<path>' };

export const SOURCE_SCHEMAS: Record<Exclude<SourceKind, 'document'>, Json> = {
  editions: wrap('editions', 'mxspec editions (spec/editions.yaml)', {
    ...yamlServerLine,
    type: 'object',
    additionalProperties: false,
    required: ['editions'],
    properties: {
      editions: {
        type: 'object',
        additionalProperties: false,
        required: ['ietf', 'matrix-org'],
        properties: { ietf: { $ref: '#/$defs/edition' }, 'matrix-org': { $ref: '#/$defs/edition' } },
      },
      authors: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'fullname'],
          properties: {
            name: { type: 'string', description: 'Initials and surname, e.g. "A. Author".' },
            fullname: { type: 'string' },
            organization: { type: 'string' },
            email: { type: 'string', format: 'email' },
          },
        },
      },
    },
    $defs: {
      edition: {
        type: 'object',
        additionalProperties: false,
        required: ['label', 'version', 'baseline', 'date', 'documents'],
        properties: {
          label: { type: 'string' },
          version: { type: 'string' },
          baseline: { type: 'string', description: 'Matrix.org release the edition starts from.' },
          date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
          roomVersions: { type: 'object', additionalProperties: { type: 'string' } },
          documents: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              additionalProperties: false,
              properties: {
                docName: { type: 'string' },
                revision: { type: 'integer', minimum: 0, maximum: 99 },
              },
            },
          },
        },
      },
    },
  }),
  references: wrap('references', 'mxspec reference registry (spec/references.yaml)', {
    type: 'object',
    additionalProperties: false,
    required: ['references'],
    properties: {
      references: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          required: ['title', 'date', 'status'],
          properties: {
            title: { type: 'string' },
            authors: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  initials: { type: 'string' },
                  surname: { type: 'string' },
                  fullname: { type: 'string' },
                  organization: { type: 'string' },
                  role: { const: 'editor' },
                },
              },
            },
            date: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' },
            series: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['name', 'value'],
                properties: { name: { type: 'string' }, value: { type: 'string' } },
              },
            },
            target: { type: 'string' },
            status: { enum: ['standard', 'bcp', 'informational', 'experimental', 'draft', 'historic'] },
            obsoletedBy: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    },
  }),
  'rpc-group': wrap('rpc-group', 'mxspec RPC group (spec/rpcs/*.yaml)', {
    type: 'object',
    additionalProperties: false,
    required: ['group', 'rpcs'],
    properties: {
      group: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'document'],
        properties: { id: { type: 'string' }, title: { type: 'string' }, document: { type: 'string' }, description: markdownText },
      },
      rpcs: { type: 'object', additionalProperties: { $ref: '#/$defs/rpc' } },
    },
    $defs: {
      rpc: {
        type: 'object',
        additionalProperties: false,
        required: ['summary', 'request', 'response'],
        properties: {
          summary: { type: 'string' },
          description: markdownText,
          roomVersionDependent: { type: 'boolean' },
          request: { $ref: '#/$defs/schemaNode' },
          response: { $ref: '#/$defs/schemaNode' },
          errors: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['code', 'description'],
              properties: {
                code: { type: 'string', pattern: '^M_[A-Z0-9_]+$' },
                description: markdownText,
                editions: { type: 'array', items: editionId, minItems: 1 },
                port: { $ref: '#/$defs/port' },
              },
            },
          },
          examples: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['name'],
              properties: { name: { type: 'string' }, request: {}, response: {} },
            },
          },
          ...scopedKeys(),
        },
      },
    },
  }),
  'binding-group': wrap('binding-group', 'mxspec HTTP binding group (spec/bindings/*.yaml)', {
    type: 'object',
    additionalProperties: false,
    required: ['group', 'bindings'],
    properties: {
      group: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'document'],
        properties: { id: { type: 'string' }, document: { type: 'string' }, title: { type: 'string' } },
      },
      bindings: { type: 'object', additionalProperties: { $ref: '#/$defs/binding' } },
    },
    $defs: {
      binding: {
        type: 'object',
        additionalProperties: false,
        required: ['method', 'path'],
        properties: {
          method: { enum: ['GET', 'PUT', 'POST', 'DELETE', 'PATCH'] },
          path: { type: 'string', pattern: '^/' },
          query: { type: 'array', items: { type: 'string' }, uniqueItems: true },
          headers: { type: 'object', additionalProperties: { type: 'string' } },
          body: { type: 'string', description: '"fields" (default), "none", or a request field sent as the whole body.' },
          auth: { enum: ['x-matrix', 'none'] },
          rateLimited: { type: 'boolean' },
          status: { type: 'integer', minimum: 200, maximum: 299 },
          responseContentType: { type: 'string' },
          errors: { type: 'object', additionalProperties: { type: 'integer', minimum: 400, maximum: 599 } },
          description: markdownText,
          ...scopedKeys(),
        },
      },
    },
  }),
  'schema-set': wrap('schema-set', 'mxspec schemas (spec/schemas/*.yaml)', {
    type: 'object',
    additionalProperties: false,
    required: ['schemas'],
    properties: {
      schemas: { type: 'object', additionalProperties: { $ref: '#/$defs/schemaNode' } },
    },
  }),
  'event-set': wrap('event-set', 'mxspec events (spec/events/*.yaml)', {
    type: 'object',
    additionalProperties: false,
    properties: {
      contentBlocks: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          required: ['description', 'schema'],
          properties: { description: markdownText, schema: { $ref: '#/$defs/schemaNode' }, examples: { type: 'array' }, ...scopedKeys() },
        },
      },
      eventTypes: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'description', 'content'],
          properties: {
            kind: { enum: ['message', 'state'] },
            registrar: { type: 'string' },
            description: markdownText,
            stateKey: {
              type: 'object',
              additionalProperties: false,
              properties: { description: { type: 'string' }, format: { anyOf: [{ $ref: '#/$defs/stringFormat' }, { const: 'empty' }] } },
            },
            content: { $ref: '#/$defs/schemaNode' },
            msgtypes: { type: 'object', additionalProperties: { $ref: '#/$defs/schemaNode' } },
            examples: { type: 'array' },
            ...scopedKeys(),
          },
        },
      },
      eduTypes: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          required: ['description', 'content'],
          properties: { description: markdownText, content: { $ref: '#/$defs/schemaNode' }, examples: { type: 'array' }, ...scopedKeys() },
        },
      },
    },
  }),
  'room-version': wrap('room-version', 'mxspec room version (spec/room-versions/*.yaml)', {
    type: 'object',
    additionalProperties: false,
    required: ['roomVersion'],
    properties: {
      roomVersion: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'description', 'envelope', 'redaction', 'authRules'],
        properties: {
          id: { type: 'string' },
          stability: { enum: ['stable', 'unstable'] },
          description: markdownText,
          envelope: { type: 'string', description: 'Named schema of this room version\'s PDUs.' },
          eventIdFormat: { type: 'object', additionalProperties: { type: 'string' } },
          roomIdFormat: { type: 'object', additionalProperties: { type: 'string' } },
          redaction: {
            type: 'object',
            additionalProperties: false,
            required: ['keepTopLevel'],
            properties: {
              keepTopLevel: { type: 'array', items: { type: 'string' } },
              keepContent: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
            },
          },
          authRules: { type: 'array', items: { $ref: '#/$defs/rule' } },
          stateResolution: {
            type: 'object',
            additionalProperties: false,
            required: ['algorithm'],
            properties: { algorithm: { type: 'string' }, rules: { type: 'array', items: { $ref: '#/$defs/rule' } } },
          },
          signing: {
            type: 'object',
            additionalProperties: false,
            properties: { hash: { type: 'string' }, signature: { type: 'string' }, rules: { type: 'array', items: { $ref: '#/$defs/rule' } } },
          },
          keyValidity: {
            type: 'object',
            additionalProperties: false,
            properties: { rules: { type: 'array', items: { $ref: '#/$defs/rule' } } },
          },
          ...scopedKeys(),
        },
      },
    },
  }),
};

/** Front matter of Markdown documents. */
export const FRONT_MATTER_SCHEMA: Json = wrap('front-matter', 'mxspec document front matter (spec/documents/*.md)', {
  type: 'object',
  additionalProperties: false,
  required: ['title'],
  properties: {
    title: { type: 'string' },
    abbrev: { type: 'string' },
    authors: { type: 'array', items: { type: 'string' } },
    keywords: { type: 'array', items: { type: 'string' } },
    category: { enum: ['std', 'info', 'exp', 'bcp'] },
    abstract: { type: 'string' },
    normative: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    informative: { type: 'array', items: { type: 'string' }, uniqueItems: true },
  },
});
