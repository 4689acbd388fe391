// The summary a device sends when a meeting is closed: schemaVersion 1. Every object is strict —
// a field that is not listed here is refused (400), so nothing leaves the device by accident.
// Documented field by field in server/README.md; served as JSON Schema in /api/openapi.json.
import { z } from 'zod';

const count = z.number().int().min(0).max(1_000_000);
const label = z.string().trim().min(1).max(80);
const text = z.string().trim().min(1).max(2_000);
const isoDate = z.iso.date({ error: 'Must be a date written yyyy-MM-dd.' });

export const DECISION_HOW = ['consensus', 'vote', 'chair', 'deferred', 'elsewhere'] as const;
export const ACTION_STATUS = ['open', 'done', 'dropped'] as const;
const actionRef = z.string().trim().min(1).max(100);

export const SummarySchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    id: z.uuid({ error: 'Must be a UUID made on the device.' }),
    revision: z.number().int().min(1).max(1_000_000),
    groupId: z.string().trim().min(1).max(100),
    groupName: z.string().trim().min(1).max(200).optional(),
    meetingId: z.string().trim().min(1).max(100),
    date: isoDate,
    durationMinutes: z.number().int().min(0).max(24 * 60),
    presentByPerspective: z.record(label, count),
    items: z
      .array(
        z.strictObject({
          title: z.string().trim().min(1).max(200),
          plannedMinutes: z.number().int().min(0).max(24 * 60),
          usedMinutes: z.number().int().min(0).max(24 * 60),
        }),
      )
      .max(200),
    voiceBalance: z
      .array(
        z.strictObject({
          perspective: label,
          talkSeconds: z.number().int().min(0).max(24 * 3600),
          turns: count,
          fairShareSeconds: z.number().int().min(0).max(24 * 3600),
        }),
      )
      .max(50),
    dissent: z.strictObject({ parked: count, resolved: count, standing: count }),
    decisions: z
      .array(
        z.strictObject({
          text,
          how: z.enum(DECISION_HOW),
          votes: z.strictObject({ for: count, against: count, abstain: count }).optional(),
        }),
      )
      .max(500),
    actions: z
      .array(
        z.strictObject({
          text,
          due: isoDate,
          status: z.enum(ACTION_STATUS),
          /** The action's own id on the device: random, naming nobody; the same at every meeting that follows it up. */
          ref: actionRef.optional(),
          /** When it was marked done. */
          doneOn: isoDate.optional(),
          owner: z.string().trim().min(1).max(200).optional(),
          /** The owner's person id on the device, so an erasure request can find their name. */
          ownerId: z.string().trim().min(1).max(100).optional(),
        }),
      )
      .max(500),
    /** Actions agreed at earlier meetings and followed up at this one: where each stands, no words. */
    followedUp: z
      .array(z.strictObject({ ref: actionRef, due: isoDate, status: z.enum(ACTION_STATUS), doneOn: isoDate.optional() }))
      .max(500)
      .optional(),
    checkIn: z.strictObject({
      checkedIn: count,
      oneToOneRequests: count,
      prompts: z
        .array(z.strictObject({ prompt: z.string().trim().min(1).max(300), counts: z.record(label, count) }))
        .max(50),
    }),
    glossaryTerms: z.array(z.string().trim().min(1).max(120)).max(500),
    names: z.boolean(),
    groupReview: z
      .strictObject({
        date: isoDate,
        ratings: z
          .array(z.strictObject({ topic: z.string().trim().min(1).max(200), counts: z.record(label, count) }))
          .max(50),
        comments: count,
      })
      .optional(),
  })
  .superRefine((summary, ctx) => {
    summary.actions.forEach((action, index) => {
      if (action.ownerId !== undefined && action.owner === undefined) {
        ctx.addIssue({ code: 'custom', path: ['actions', index, 'ownerId'], message: 'Only sent with the owner’s name.' });
      }
    });
    // Names leave the device only when the chair chose to include them.
    if (summary.names) return;
    if (summary.groupName !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['groupName'], message: 'Only sent when names is true.' });
    }
    summary.actions.forEach((action, index) => {
      for (const field of ['owner', 'ownerId'] as const) {
        if (action[field] !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['actions', index, field], message: 'Only sent when names is true.' });
        }
      }
    });
  });

export type Summary = z.infer<typeof SummarySchema>;

export interface FieldError {
  /** Where in the document, e.g. "items.2.usedMinutes"; "" for the document itself. */
  path: string;
  message: string;
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    // One entry per field that is not part of the summary, at that field's own path.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: 'Not a field of this document: nothing else may be sent.' }));
    }
    return [{ path: path.join('.'), message: issue.message }];
  });
}

/** The summary document as JSON Schema (draft 2020-12, as OpenAPI 3.1 uses). */
export function summaryJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(SummarySchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}

/** A valid example, for the docs, the tests and the bench. */
export function exampleSummary(overrides: Partial<Summary> = {}): Summary {
  return {
    schemaVersion: 1,
    id: '6f1c2b8e-3d4a-4f5b-9c6d-7e8f9a0b1c2d',
    revision: 1,
    groupId: 'grp-7c1e',
    meetingId: 'mtg-20a4',
    date: '2025-03-12',
    durationMinutes: 95,
    presentByPerspective: { 'Lived experience': 4, Carer: 2, Staff: 3, Commissioner: 1 },
    items: [
      { title: 'Welcome and ground rules', plannedMinutes: 10, usedMinutes: 12 },
      { title: 'Discharge letters', plannedMinutes: 40, usedMinutes: 47 },
    ],
    voiceBalance: [
      { perspective: 'Lived experience', talkSeconds: 1500, turns: 21, fairShareSeconds: 1640 },
      { perspective: 'Carer', talkSeconds: 700, turns: 9, fairShareSeconds: 820 },
      { perspective: 'Staff', talkSeconds: 1600, turns: 18, fairShareSeconds: 1230 },
      { perspective: 'Commissioner', talkSeconds: 300, turns: 4, fairShareSeconds: 410 },
    ],
    dissent: { parked: 2, resolved: 1, standing: 1 },
    decisions: [{ text: 'Pilot the plain-language discharge letter on one ward', how: 'consensus' }],
    actions: [{ text: 'Draft the letter with two members', due: '2025-04-09', status: 'open' }],
    checkIn: {
      checkedIn: 9,
      oneToOneRequests: 1,
      prompts: [
        { prompt: 'Were you able to have your say?', counts: { Yes: 6, 'A bit': 2, No: 1 } },
        { prompt: 'Did you understand what was said?', counts: { Yes: 7, 'A bit': 2 } },
      ],
    },
    glossaryTerms: ['MDT', 'commissioning'],
    names: false,
    ...overrides,
  };
}
