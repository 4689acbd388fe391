// Every way the API refuses a request, and the one place each is given its HTTP status.
import type { Context } from 'hono';

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500;

/**
 * A refusal's code, sent as `code` beside the words in `error`: a client can
 * tell refusals apart without matching the words, which may change.
 */
export const PROBLEM_STATUS = {
  /** The body is not JSON, or not valid against the schema, or a filter is not. */
  invalid: 400,
  /** Text that cannot be stored (a NUL, a lone surrogate). */
  'bad-text': 400,
  /** No key, or one the server does not accept. */
  'key-refused': 401,
  /** A key of the wrong role for this address. */
  'wrong-role': 403,
  /** The group is another device key's. */
  'group-forbidden': 403,
  'no-such-address': 404,
  /** The id is already used by something else. */
  'id-conflict': 409,
  /** The same id and revision is stored with a different body. */
  'revision-changed': 409,
  'too-large': 413,
  'not-json-type': 415,
  /** Too many failed authentications from this address. */
  'too-many-failures': 429,
  'server-error': 500,
} as const satisfies Record<string, ErrorStatus>;

export type ProblemCode = keyof typeof PROBLEM_STATUS;
export const PROBLEM_CODES = Object.keys(PROBLEM_STATUS) as ProblemCode[];

/** A refusal thrown from deep in a handler; the app's error handler answers it with its status. */
export class ProblemError extends Error {
  override name = 'ProblemError';
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly extra: object = {},
  ) {
    super(message);
  }
}

/** The JSON answer for a refusal: `{ error, code, ...extra }` with the code's status. */
export const problem = (c: Context, code: ProblemCode, error: string, extra: object = {}): Response =>
  c.json({ error, code, ...extra }, PROBLEM_STATUS[code]);
