// The OpenAPI 3.1 document served at /api/openapi.json.
import { z } from 'zod';
import { PRIVACY_REQUEST_KINDS, PRIVACY_REQUEST_SCHEMAS, type PrivacyRequestKind } from './privacy-requests.js';
import { summaryJsonSchema } from './summary-schema.js';
import { PROBLEM_CODES } from './problems.js';

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
  const tooMany = {
    ...error('Too many failed authentications from this address: wait the seconds in Retry-After'),
    headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds until the address may try again' } },
  };
  const summary = summaryJsonSchema();
  delete summary.$schema;
  return {
    openapi: '3.1.0',
    info: {
      title: 'Heard sync server',
      version: '1.0.0',
      description:
        'Receives meeting summaries from Heard tablets (idempotent by summary id), carries out their erasure and deletion requests, and lists summaries for the programme office. Every endpoint except /api/health and /api/openapi.json needs a key: `Authorization: Bearer <key>`. A **device** key (a tablet\'s) may only send summaries and requests, and only for its own groups: a group belongs to the device key that first sent a summary for it, until the office moves it to another key. An **office** key reads summaries and may make any request, but cannot send summaries. The key is checked before the body is read. After 10 failed authentications from one client address within 60 seconds (configurable), every request from it that needs a key is answered 429 with Retry-After until the window ends. Text anywhere in a body or query that holds a NUL character or a lone surrogate is refused with 400 and the field\'s path.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ deviceKey: [] }],
    paths: {
      '/api/summaries': {
        post: {
          summary: 'Send a meeting summary (idempotent by id); device keys only',
          description:
            'New id → 201. Same id, revision and body again → 200 with the stored summary (no second copy). Same id and revision with a different body → 409. Same id, newer revision → 200, replaced. Same id, older revision → 200, ignored, with the stored revision. Same id for another meeting or group → 409. The first summary of a group makes the group the sending key\'s; another device key gets 403 for it.',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Summary' } } },
          },
          responses: {
            '201': { description: 'Stored for the first time', content: { 'application/json': { schema: { $ref: '#/components/schemas/StoreResult' } } } },
            '200': { description: 'Already stored (unchanged), replaced by a newer revision (updated), or older than the stored one (ignored)', content: { 'application/json': { schema: { $ref: '#/components/schemas/StoreResult' } } } },
            '400': error('Not a valid summary, or text that cannot be stored (a NUL, a lone surrogate); `fields` lists each problem with its path'),
            '401': error('No key, or one the server does not accept (unknown or revoked)'),
            '403': error('An office key (it cannot send summaries), or the group is another device key\'s'),
            '409': error('The id is already used by a summary of another meeting or group, or the same id and revision is stored with a different body'),
            '413': error('Larger than 256 KB'),
            '415': error('Not application/json'),
            '429': tooMany,
          },
        },
        get: {
          summary: 'List stored summaries, a page at a time; office keys only',
          description:
            'In a stable order: group, meeting date, summary id. `next` is the cursor of the next page, or null on the last: pass it as `cursor` with the same filters. A cursor is opaque.',
          parameters: [
            { name: 'group', in: 'query', required: false, schema: { type: 'string' }, description: 'Only this groupId' },
            { name: 'from', in: 'query', required: false, schema: { type: 'string', format: 'date' }, description: 'Meetings on or after this date (yyyy-MM-dd)' },
            { name: 'to', in: 'query', required: false, schema: { type: 'string', format: 'date' }, description: 'Meetings on or before this date (yyyy-MM-dd)' },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 }, description: 'Summaries on this page' },
            { name: 'cursor', in: 'query', required: false, schema: { type: 'string' }, description: 'The `next` of the page before' },
          ],
          responses: {
            '200': {
              description: 'One page of summaries, oldest meeting first within each group',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['summaries', 'next'],
                    properties: {
                      summaries: { type: 'array', maxItems: 500, items: { $ref: '#/components/schemas/StoredSummary' } },
                      next: { type: ['string', 'null'], description: 'The cursor of the next page; null on the last' },
                    },
                  },
                },
              },
            },
            '400': error('A filter, the limit or the cursor is not valid'),
            '401': error('No key, or one the server does not accept'),
            '403': error('A device key: reading needs an office key'),
            '429': tooMany,
          },
        },
      },
      '/api/summaries/batch': {
        post: {
          summary: 'Send up to 100 meeting summaries in one request (each idempotent by id); device keys only',
          description:
            'A JSON array of summaries, at most 100 and 1 MB in all (each still at most 256 KB). Answered 200 with `results`, one per element in the order sent, each what the single send would have answered it: `created`, `unchanged`, `updated` or `ignored` with the stored revision, or `refused` with the `httpStatus` the single send would have had (400 with `fields`, 403 another device key\'s group, 409, 413), and its words. The summaries written are written in one statement: all or none. A later copy of an id already in the batch is refused (409).',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { type: 'array', maxItems: 100, items: { $ref: '#/components/schemas/Summary' } } } },
          },
          responses: {
            '200': {
              description: 'A result per summary, in the order sent',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['results'],
                    properties: {
                      results: {
                        type: 'array',
                        items: {
                          type: 'object',
                          required: ['id', 'status'],
                          properties: {
                            id: { type: ['string', 'null'], description: 'The element\'s id, or null when it had none' },
                            status: { enum: ['created', 'unchanged', 'updated', 'ignored', 'refused'] },
                            revision: { type: 'integer', description: 'The stored revision (not when refused)' },
                            httpStatus: { type: 'integer', description: 'When refused: the status the single send would have answered' },
                            error: { type: 'string' },
                            fields: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
            '400': error('Not JSON, or not an array'),
            '401': error('No key, or one the server does not accept (unknown or revoked)'),
            '403': error('An office key: it cannot send summaries'),
            '413': error('More than 100 summaries, or larger than 1 MB'),
            '415': error('Not application/json'),
            '429': tooMany,
          },
        },
      },
      ...Object.fromEntries(
        PRIVACY_REQUEST_KINDS.map((kind) => [
          `/api/requests/${kind}`,
          {
            post: {
              summary: REQUEST_WORDS[kind].summary,
              description: `${REQUEST_WORDS[kind].description} A device key may ask only about its own groups (or one nobody has sent yet); an office key about any. New id → 201, carried out. Same id and body again → 200 \`unchanged\`, not carried out twice. A request about something the server does not have is still a success (\`affected\`: 0).`,
              requestBody: {
                required: true,
                content: { 'application/json': { schema: { $ref: `#/components/schemas/${REQUEST_WORDS[kind].schema}` } } },
              },
              responses: {
                '201': { description: 'Carried out now', content: { 'application/json': { schema: { $ref: '#/components/schemas/RequestResult' } } } },
                '200': { description: 'Already carried out (the same request again)', content: { 'application/json': { schema: { $ref: '#/components/schemas/RequestResult' } } } },
                '400': error('Not a valid request, or text that cannot be stored; `fields` lists each problem with its path'),
                '401': error('No key, or one the server does not accept (unknown or revoked)'),
                '403': error('A device key, and the group is another device key\'s'),
                '409': error('The id is already used by a different request'),
                '413': error('Larger than 4 KB'),
                '415': error('Not application/json'),
                '429': tooMany,
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
      securitySchemes: {
        deviceKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'A device key (`npm run server -- key create "<label>"`) or an office key (`… key create "<label>" --role office`)',
        },
      },
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
          required: ['error', 'code'],
          properties: {
            error: { type: 'string', description: 'What went wrong, in words' },
            code: { enum: PROBLEM_CODES, description: 'Which refusal it is, to tell them apart without reading the words' },
            errorId: { type: 'string', description: 'On a 500: the id the server logged it under' },
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
