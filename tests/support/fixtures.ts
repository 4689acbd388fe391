import type { AgendaItem } from '../../src/domain/agenda-model';
import type { Group, Meeting, Person } from '../../src/domain/model';
import { DEFAULT_PERSPECTIVES } from '../../src/domain/perspectives';

/** Plain, realistic records for tests; each test overrides what it is about. */

const AT = Date.UTC(2030, 2, 1, 9, 0);

export function makeGroup(overrides: Partial<Group> = {}): Group {
  return {
    id: 'group-1',
    name: 'Hospital discharge workstream',
    perspectives: DEFAULT_PERSPECTIVES.map((p) => ({ ...p })),
    sample: false,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function makePerson(overrides: Partial<Person> = {}): Person {
  return {
    id: 'person-1',
    groupId: 'group-1',
    name: 'Aoife Byrne',
    perspectiveId: 'lived',
    status: 'active',
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function makeMeeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 'meeting-1',
    groupId: 'group-1',
    title: 'Planning meeting',
    date: '2030-03-14',
    startTime: '10:00',
    endTime: '12:30',
    startsAt: new Date(2030, 2, 14, 10, 0).getTime(),
    venue: 'St Columba’s church hall',
    chairId: null,
    state: 'not-started',
    sample: false,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function makeItem(overrides: Partial<AgendaItem> = {}): AgendaItem {
  return {
    id: 'item-1',
    meetingId: 'meeting-1',
    order: 0,
    title: 'Discharge letters',
    purpose: 'discussion',
    timeboxMinutes: 20,
    leadId: null,
    decidedBy: { kind: 'group' },
    nonNegotiables: '',
    papers: [],
    notes: '',
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

type MonthlyMeeting<Id> = { id: Id; groupId: 'g'; startsAt: number };

/**
 * The meetings of group 'g' that the record's carry-forward rules read, named by `ids`, the first
 * at `first` and each four weeks after the one before.
 */
export function monthlyMeetings<const Ids extends readonly string[]>(first: number, ids: Ids): { [K in keyof Ids]: MonthlyMeeting<Ids[K]> } {
  return ids.map((id, i) => ({ id, groupId: 'g', startsAt: first + i * 28 * 86_400_000 })) as { [K in keyof Ids]: MonthlyMeeting<Ids[K]> };
}
