// The OpenAPI 3.1 document served at /api/openapi.json.
import { summaryJsonSchema } from './summary-schema.js';

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
        'Receives meeting summaries from Heard tablets (idempotent by summary id) and lists them for the programme office. Every endpoint except /api/health and /api/openapi.json needs a device key: `Authorization: Bearer <key>`.',
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
