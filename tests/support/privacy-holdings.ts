import type { GroupHoldings, RowChanges } from '../../src/domain/group-holdings';
import type { HeardDb } from '../../src/db/schema';
import type { SummaryOutboxEntry, SyncSummary } from '../../src/domain/sync-model';
import { newDelivery } from '../../src/domain/sync-rules';
import { makeGroup, makeItem, makeMeeting, makePerson } from './fixtures';

/**
 * A group in which one person, Priya Shah, is in every kind of record Heard
 * keeps: on the roster, chairing, leading an item, speaking, queueing,
 * dissenting, owning an action, checking in by name, asking for a one-to-one,
 * asking about a word, and named in free text of every kind, in every case
 * and spacing. Everyone else is there so that what is theirs can be seen to stay.
 */

export const NAME = 'Priya Shah';
export const PRIYA = 'p-priya';
export const T0 = new Date(2030, 2, 14, 10, 0).getTime();
const MIN = 60_000;

function summary(id: string, meetingId: string, names: boolean): SyncSummary {
  return {
    schemaVersion: 1,
    id,
    revision: 1,
    groupId: 'group-1',
    ...(names ? { groupName: 'Carers’ circle' } : {}),
    meetingId,
    date: '2030-03-14',
    durationMinutes: 60,
    presentByPerspective: { Carer: 1, Staff: 1 },
    items: [{ title: 'Letters from priya shah', plannedMinutes: 20, usedMinutes: 20 }],
    voiceBalance: [{ perspective: 'Carer', talkSeconds: 600, turns: 2, fairShareSeconds: 400 }],
    dissent: { parked: 1, resolved: 0, standing: 0 },
    decisions: [{ text: 'Thank Priya Shah', how: 'consensus' }],
    actions: [
      { text: 'Ring the ward', due: '2030-04-01', status: 'open', ...(names ? { owner: NAME, ownerId: PRIYA } : {}) },
      { text: 'Book the hall', due: '2030-04-01', status: 'open', ...(names ? { owner: 'Sam Okafor', ownerId: 'p-sam' } : {}) },
    ],
    checkIn: { checkedIn: 2, oneToOneRequests: 1, prompts: [{ prompt: 'Did you get a fair say?', counts: { yes: 2 } }] },
    glossaryTerms: ['ICB'],
    names,
  };
}

export function outboxSummary(overrides: Partial<SummaryOutboxEntry> & { names?: boolean } = {}): SummaryOutboxEntry {
  const { names = false, ...rest } = overrides;
  const id = rest.id ?? 'out-1';
  const meetingId = rest.meetingId ?? 'meeting-1';
  return {
    kind: 'summary',
    id,
    meetingId,
    revision: 1,
    summary: summary(id, meetingId, names),
    ...newDelivery(T0),
    ...rest,
  };
}

export function privacyHoldings(): GroupHoldings {
  return {
    group: { ...makeGroup({ name: 'Carers’ circle' }), perspectives: [...makeGroup().perspectives, { id: 'family', label: 'Family of Priya Shah' }] },
    people: [
      makePerson({ id: PRIYA, name: NAME, perspectiveId: 'carer', areIn: ['need', 'expertise'], createdAt: 1 }),
      makePerson({ id: 'p-sam', name: 'Sam Okafor', perspectiveId: 'staff', createdAt: 2 }),
      makePerson({ id: 'p-jo', name: 'Jo Guest', perspectiveId: 'other', guestOfMeetingId: 'meeting-1', createdAt: 3 }),
    ],
    meetings: [
      makeMeeting({ title: 'Meeting at PRIYA  SHAH’s', venue: 'Hall', chairId: PRIYA, state: 'closed', updatedAt: T0 + 60 * MIN }),
      makeMeeting({ id: 'meeting-2', title: 'April meeting', date: '2030-04-11', startsAt: new Date(2030, 3, 11, 10).getTime(), chairId: 'p-sam' }),
    ],
    attendees: [
      { meetingId: 'meeting-1', personId: PRIYA, expected: true },
      { meetingId: 'meeting-1', personId: 'p-sam', expected: true },
      { meetingId: 'meeting-1', personId: 'p-jo', expected: false, arrivedAt: T0 + 5 * MIN },
      { meetingId: 'meeting-2', personId: PRIYA, expected: true },
    ],
    agendaItems: [
      makeItem({
        id: 'item-1',
        title: 'Letters',
        leadId: PRIYA,
        notes: 'priya\nshah read the letter out',
        nonNegotiables: 'Nothing Priya Shah said is binding',
        decidedBy: { kind: 'elsewhere', who: 'Priya Shah and the trust' },
        papers: [{ id: 'paper-1', title: 'Priya Shah’s notes', link: 'shelf 2', sentOn: '' }],
      }),
      makeItem({ id: 'item-2', meetingId: 'meeting-2', title: 'Follow-up', carriedFromItemId: 'item-1' }),
    ],
    clockEvents: [
      { id: 'e1', meetingId: 'meeting-1', seq: 1, at: T0, kind: 'start', itemId: 'item-1' },
      { id: 'e2', meetingId: 'meeting-1', seq: 2, at: T0 + 40 * MIN, kind: 'end-items' },
    ],
    turns: [
      { id: 't1', meetingId: 'meeting-1', itemId: 'item-1', personId: PRIYA, crossTalk: false, startedAt: T0, endedAt: T0 + 6 * MIN },
      { id: 't2', meetingId: 'meeting-1', itemId: 'item-1', personId: 'p-sam', crossTalk: false, startedAt: T0 + 6 * MIN, endedAt: T0 + 9 * MIN },
      { id: 't3', meetingId: 'meeting-1', itemId: 'item-1', personId: PRIYA, crossTalk: false, startedAt: T0 + 9 * MIN, endedAt: T0 + 13 * MIN },
    ],
    queue: [{ id: 'q1', meetingId: 'meeting-1', personId: PRIYA, askedAt: T0 + 7 * MIN, position: null, doneAt: T0 + 9 * MIN }],
    glossary: [
      { id: 'g1', groupId: 'group-1', meetingId: 'meeting-1', term: 'ICB', explanation: 'Explained to Priya Shah: integrated care board', askedById: PRIYA, source: 'check-in', createdAt: T0, updatedAt: T0 },
      { id: 'g2', groupId: 'group-1', meetingId: null, term: 'MDT', explanation: 'Multi-disciplinary team', askedById: 'p-sam', source: 'jargon-flag', createdAt: T0, updatedAt: T0 },
    ],
    dissent: [
      {
        id: 'd1', groupId: 'group-1', meetingId: 'meeting-1', itemId: 'item-1', raisedById: PRIYA, words: 'As Priya Shah, a carer, I say the letter is for the ward',
        status: 'standing', resolution: '', decisionId: 'dec-1',
        history: [{ status: 'parked', at: T0 + 10 * MIN, meetingId: 'meeting-1', note: '' }, { status: 'standing', at: T0 + 20 * MIN, meetingId: 'meeting-1', note: '', decisionId: 'dec-1' }],
        createdAt: T0 + 10 * MIN, updatedAt: T0 + 20 * MIN,
      },
      {
        id: 'd2', groupId: 'group-1', meetingId: 'meeting-1', itemId: null, raisedById: 'p-sam', words: 'I agree with priya shah',
        status: 'resolved', resolution: 'Priya  Shah was thanked', decisionId: null,
        history: [{ status: 'parked', at: T0 + 11 * MIN, meetingId: 'meeting-1', note: '' }, { status: 'resolved', at: T0 + 30 * MIN, meetingId: 'meeting-2', note: 'Talked to PRIYA SHAH' }],
        createdAt: T0 + 11 * MIN, updatedAt: T0 + 30 * MIN,
      },
    ],
    decisions: [
      { id: 'dec-1', groupId: 'group-1', meetingId: 'meeting-1', itemId: 'item-1', text: 'Use Priya Shah’s letter', how: { kind: 'elsewhere', by: 'PriyaShah' }, dissentIds: ['d1'], createdAt: T0 + 20 * MIN, updatedAt: T0 + 20 * MIN },
    ],
    actions: [
      {
        id: 'a1', groupId: 'group-1', meetingId: 'meeting-1', itemId: 'item-1', what: 'Ring the ward', owner: { kind: 'person', personId: PRIYA }, due: '2030-04-01', status: 'open', droppedReason: '',
        history: [{ kind: 'created', at: T0 + 21 * MIN, meetingId: 'meeting-1', note: 'priya shah offered', due: '2030-04-01' }], createdAt: T0 + 21 * MIN, updatedAt: T0 + 21 * MIN,
      },
      {
        id: 'a2', groupId: 'group-1', meetingId: 'meeting-1', itemId: null, what: 'Book the hall', owner: { kind: 'organisation', name: 'Priya Shah Consulting' }, due: '2030-04-01', status: 'dropped', droppedReason: 'Priya Shah has a hall',
        history: [{ kind: 'created', at: T0 + 22 * MIN, meetingId: 'meeting-1', note: '' }], createdAt: T0 + 22 * MIN, updatedAt: T0 + 22 * MIN,
      },
    ],
    checkinAnswers: [
      {
        id: 'c1', meetingId: 'meeting-1', personId: PRIYA, checkInStartedAt: T0 + 41 * MIN,
        responses: [
          { promptId: 'q1', question: 'Did you get a fair say?', response: { kind: 'faces', value: 3, of: 3 } },
          { promptId: 'q2', question: 'Anything you did not understand?', response: { kind: 'choice', value: 'yes', words: 'ICB' } },
          { promptId: 'q3', question: 'Anything else?', response: { kind: 'text', value: 'Priya Shah here: I felt heard' } },
        ],
      },
      {
        id: 'c2', meetingId: 'meeting-1', checkInStartedAt: T0 + 41 * MIN,
        responses: [{ promptId: 'q3', question: 'Anything else?', response: { kind: 'text', value: 'priya shah chaired well' } }],
      },
    ],
    checkinMarks: [
      { id: 'm1', meetingId: 'meeting-1', personId: PRIYA, checkInStartedAt: T0 + 41 * MIN },
      { id: 'm2', meetingId: 'meeting-1', personId: 'p-sam', checkInStartedAt: T0 + 41 * MIN },
    ],
    oneToOnes: [
      { id: 'o1', meetingId: 'meeting-1', contact: 'Priya Shah, 07700 900123', checkInStartedAt: T0 + 41 * MIN },
      { id: 'o2', meetingId: 'meeting-1', contact: 'Ring me on 07700 900456', checkInStartedAt: T0 + 41 * MIN },
    ],
    groundRules: [
      { id: 'r1', groupId: 'group-1', text: 'Let Priya Shah finish', order: 0, status: 'agreed', agreedAt: T0, agreedAtMeetingId: 'meeting-1', templateKey: null, createdAt: T0, updatedAt: T0 },
    ],
    checkinPrompts: [
      { id: 'q3', groupId: 'group-1', order: 0, kind: 'text', text: 'Anything else for Priya Shah?', libraryKey: null, createdAt: T0, updatedAt: T0 },
    ],
    groupReviews: [
      {
        id: 'gr1', groupId: 'group-1', meetingId: 'meeting-1', date: '2030-03-14', howMuch: 'Priya Shah ran two sessions', howWell: '', betterOff: '',
        principles: { 'valuing-people': { rating: 4, comment: 'priya shah felt valued' } } as GroupHoldings['groupReviews'][number]['principles'],
        createdAt: T0, updatedAt: T0,
      },
    ],
    outbox: [outboxSummary({ id: 'out-1', names: true, status: 'sent', sentAt: T0 + 90 * MIN, sentRevision: 1 })],
  };
}

/** The holdings after `changes` are written: each changed row put over the row with its id. */
export function applyChanges(holdings: GroupHoldings, changes: RowChanges): GroupHoldings {
  const next = structuredClone(holdings);
  for (const [key, rows] of Object.entries(changes) as [keyof GroupHoldings, { id: string }[]][]) {
    if (key === 'group') {
      next.group = rows[0] as unknown as GroupHoldings['group'];
      continue;
    }
    const list = next[key] as unknown as { id: string }[];
    for (const row of rows) {
      const at = list.findIndex((r) => r.id === row.id);
      if (at >= 0) list[at] = row;
      else list.push(row);
    }
  }
  return next;
}

/** The name's letters with the spaces gone, lower case, for a search that spacing and case cannot fool. */
export const squash = (text: string) => text.toLocaleLowerCase('en-GB').replace(/\s+/g, '');

/** Where `name` still appears in `value` (any depth, in any string), as a list of the strings it appears in. */
export function tracesOf(value: unknown, name: string): string[] {
  const needle = squash(name);
  const found: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (squash(v).includes(needle)) found.push(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, inner] of Object.entries(v)) {
      walk(k);
      walk(inner);
    }
  };
  walk(value);
  if (found.length === 0 && squash(JSON.stringify(value) ?? '').includes(needle)) found.push('(in the JSON text)');
  return found;
}

/** Puts every table of the holdings into the database. */
export async function seedHoldings(database: HeardDb, holdings: GroupHoldings = privacyHoldings()): Promise<void> {
  await database.transaction('rw', database.tables, async () => {
    for (const [key, rows] of Object.entries(holdings)) {
      const table = database.table(key === 'group' ? 'groups' : key);
      await table.bulkPut(Array.isArray(rows) ? rows : [rows]);
    }
  });
}
