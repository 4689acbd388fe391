// The OpenAPI 3.1 document served at /api/openapi.json.
import { z } from 'zod';
import { PRIVACY_REQUEST_KINDS, PRIVACY_REQUEST_SCHEMAS, type PrivacyRequestKind } from './privacy-requests.js';
import { summaryJsonSchema } from './summary-schema.js';

const REQUEST_WORDS: Record<PrivacyRequestKind, { summary: string; description: string; schema: string }> = {
  'erase-person': {
    summary: 'Erase a person from the stored summaries (idempotent by id)',
    description:
      'In every stored summary of the group, the name of the person whose device id is `personId` is replaced by `pseudonym`: as the owner of their actions (found by `ownerId`, sent only with names). Words (decisions, actions, item titles) are not searched for the name: the device sends each summary that held it again, as a new revision without it, before this request. Summaries sent without names hold no name, so there may be nothing to change.',
    schema: 'ErasePersonRequest',
  },
  'delete-meeting': {
    summary: 'Delete a meeting’s summary (idempotent by id)',
    description: 'Deletes the stored summary `summaryId`, and any other summary of `meetingId`, in the group.',
    schema: 'DeleteMeetingRequest',
  },
  'delete-group': {
    summary: 'Delete every summary of a group (idempotent by id)',
    description: 'Deletes every stored summary of `groupId`.',
    schema: 'DeleteGroupRequest',
  },
};

function requestJsonSchema(kind: PrivacyRequestKind): Record<string, unknown> {
  const schema = z.toJSONSchema(PRIVACY_REQUEST_SCHEMAS[kind], { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  delete schema.$schema;
  return schema;
}

export function openApiDocument(serverUrl?: string): Record<string, unknown> {
  const error = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });
  const summary = summaryJsonSchema();
  delete summary.$schema;
  return {
    openapi: '3.1.0',
    info: {
      title: 'Heard sync server',
      version: '1.0.0',
      description:
        'Receives meeting summaries from Heard tablets (idempotent by summary id), carries out their erasure and deletion requests, and lists summaries for the programme office. Every endpoint except /api/health and /api/openapi.json needs a device key: `Authorization: Bearer <key>`.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ deviceKey: [] }],
    paths: {
      '/api/summaries': {
        post: {
          summary: 'Send a meeting summary (idempotent by id)',
          description:
            'New id → 201. Same id and revision again → 200 with the stored summary (no second copy). Same id, newer revision → 200, replaced. Same id, older revision → 200, ignored, with the stored revision. Same id for another meeting → 409.',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Summary' } } },
          },
          responses: {
            '201': { description: 'Stored for the first time', content: { 'application/json': { schema: { $ref: '#/components/schemas/StoreResult' } } } },
            '200': { description: 'Already stored (unchanged), replaced by a newer revision (updated), or older than the stored one (ignored)', content: { 'application/json': { schema: { $ref: '#/components/schemas/StoreResult' } } } },
            '400': error('Not a valid summary; `fields` lists each problem with its path'),
            '401': error('No device key, or one the server does not accept (unknown or revoked)'),
            '409': error('The id is already used by a summary of another meeting'),
            '413': error('Larger than 256 KB'),
            '415': error('Not application/json'),
          },
        },
        get: {
          summary: 'List stored summaries',
          parameters: [
            { name: 'group', in: 'query', required: false, schema: { type: 'string' }, description: 'Only this groupId' },
            { name: 'from', in: 'query', required: false, schema: { type: 'string', format: 'date' }, description: 'Meetings on or after this date (yyyy-MM-dd)' },
            { name: 'to', in: 'query', required: false, schema: { type: 'string', format: 'date' }, description: 'Meetings on or before this date (yyyy-MM-dd)' },
          ],
          responses: {
            '200': {
              description: 'Summaries, oldest meeting first within each group (at most 1,000)',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['summaries'],
                    properties: { summaries: { type: 'array', items: { $ref: '#/components/schemas/StoredSummary' } } },
                  },
                },
              },
            },
            '400': error('A filter is not valid'),
            '401': error('No device key, or one the server does not accept'),
          },
        },
      },
      ...Object.fromEntries(
        PRIVACY_REQUEST_KINDS.map((kind) => [
          `/api/requests/${kind}`,
          {
            post: {
              summary: REQUEST_WORDS[kind].summary,
              description: `${REQUEST_WORDS[kind].description} New id → 201, carried out. Same id and body again → 200 \`unchanged\`, not carried out twice. A request about something the server does not have is still a success (\`affected\`: 0).`,
              requestBody: {
                required: true,
                content: { 'application/json': { schema: { $ref: `#/components/schemas/${REQUEST_WORDS[kind].schema}` } } },
              },
              responses: {
                '201': { description: 'Carried out now', content: { 'application/json': { schema: { $ref: '#/components/schemas/RequestResult' } } } },
                '200': { description: 'Already carried out (the same request again)', content: { 'application/json': { schema: { $ref: '#/components/schemas/RequestResult' } } } },
                '400': error('Not a valid request; `fields` lists each problem with its path'),
                '401': error('No device key, or one the server does not accept (unknown or revoked)'),
                '409': error('The id is already used by a different request'),
                '413': error('Larger than 4 KB'),
                '415': error('Not application/json'),
              },
            },
          },
        ]),
      ),
      '/api/health': {
        get: {
          summary: 'Is the server up, and on which database',
          security: [],
          responses: {
            '200': {
              description: 'Up',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['ok', 'database'],
                    properties: { ok: { const: true }, database: { enum: ['pglite', 'postgres'] } },
                  },
                },
              },
            },
          },
        },
      },
      '/api/openapi.json': {
        get: { summary: 'This document', security: [], responses: { '200': { description: 'OpenAPI 3.1' } } },
      },
    },
    components: {
      securitySchemes: { deviceKey: { type: 'http', scheme: 'bearer', description: 'A device key made with `npm run server -- key create "<label>"`' } },
      schemas: {
        Summary: summary,
        StoredSummary: {
          type: 'object',
          required: ['id', 'revision', 'receivedAt', 'updatedAt', 'summary'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            revision: { type: 'integer' },
            receivedAt: { type: 'string', format: 'date-time' },
            updatedAt: { type: 'string', format: 'date-time' },
            summary: { $ref: '#/components/schemas/Summary' },
          },
        },
        StoreResult: {
          type: 'object',
          required: ['status', 'id', 'revision', 'stored'],
          properties: {
            status: { enum: ['created', 'updated', 'unchanged', 'ignored'] },
            id: { type: 'string', format: 'uuid' },
            revision: { type: 'integer', description: 'The revision now stored (higher than the one sent when ignored)' },
            stored: { $ref: '#/components/schemas/StoredSummary' },
          },
        },
        ...Object.fromEntries(PRIVACY_REQUEST_KINDS.map((kind) => [REQUEST_WORDS[kind].schema, requestJsonSchema(kind)])),
        RequestResult: {
          type: 'object',
          required: ['status', 'id', 'kind', 'affected'],
          properties: {
            status: { enum: ['done', 'unchanged'] },
            id: { type: 'string', format: 'uuid' },
            kind: { enum: PRIVACY_REQUEST_KINDS },
            affected: { type: 'integer', description: 'How many stored summaries the request changed or deleted when it was carried out' },
          },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: { type: 'string', description: 'What went wrong, in words' },
            fields: {
              type: 'array',
              items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
            },
          },
        },
      },
    },
  };
}
