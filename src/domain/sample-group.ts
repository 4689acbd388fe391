import type { AgendaItem, GroundRule } from './agenda-model';
import type { AreInRole } from './arein-model';
import { agreeRule, draftRule, type RuleTemplateKey } from './ground-rules';
import type { Attendee, EpochMs, Group, Meeting, Person } from './model';
import { DEFAULT_PERSPECTIVES } from './perspectives';
import { isoDay } from './dates';
import { localMoment } from './meeting-schedule';
import { newAgendaItem } from './agenda';

export interface SampleData {
  group: Group;
  people: Person[];
  meeting: Meeting;
  attendees: Attendee[];
  items: AgendaItem[];
  rules: GroundRule[];
}

const SAMPLE_RULES: readonly RuleTemplateKey[] = ['everyone-speaks', 'plain-words', 'experience-counts-equally', 'disagreement-recorded-and-parked'];

// With what each brings marked (ARE IN), as a chair would: a sample with none marked
// told a newcomer "nobody brings Need" beside two service users and two carers.
const SAMPLE_PEOPLE: ReadonlyArray<[string, string, AreInRole[]]> = [
  ['Aoife Byrne', 'lived', ['need', 'expertise']],
  ['Malik Hassan', 'lived', ['need']],
  ['Grace Doherty', 'carer', ['need', 'information']],
  ['Tom Reilly', 'carer', ['need']],
  ['Dr Niamh Kelly', 'staff', ['expertise', 'information']],
  ['Sam Patel', 'staff', ['information']],
  ['Joanne Morrow', 'manager', ['authority', 'resources']],
  ['Priya Shah', 'voluntary', ['resources', 'information']],
];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A clearly marked sample a newcomer can explore: a workstream with agreed
 * ground rules and a meeting next week with an agenda. `ruleText` gives the
 * words of a template rule, which live in the UI's catalogue.
 */
export function buildSampleGroup(newId: () => string, now: EpochMs, ruleText: (key: RuleTemplateKey) => string): SampleData {
  const groupId = newId();
  const group: Group = {
    id: groupId,
    name: 'Sample: Hospital discharge workstream',
    perspectives: DEFAULT_PERSPECTIVES.map((p) => ({ ...p })),
    sample: true,
    createdAt: now,
    updatedAt: now,
  };
  const people: Person[] = SAMPLE_PEOPLE.map(([name, perspectiveId, areIn]) => ({
    id: newId(),
    groupId,
    name,
    perspectiveId,
    areIn: [...areIn],
    status: 'active',
    createdAt: now,
    updatedAt: now,
  }));
  const date = isoDay(now + 7 * DAY_MS);
  const meetingId = newId();
  const meeting: Meeting = {
    id: meetingId,
    groupId,
    title: 'Sample: Going home from hospital — planning meeting',
    date,
    startTime: '10:00',
    endTime: '12:00',
    startsAt: localMoment(date, '10:00'),
    venue: 'St Columba’s church hall',
    chairId: people[6]?.id ?? null,
    state: 'not-started',
    sample: true,
    createdAt: now,
    updatedAt: now,
  };
  const attendees: Attendee[] = people.map((p) => ({ meetingId, personId: p.id, expected: true }));
  const item = (order: number, fields: Partial<AgendaItem> & Pick<AgendaItem, 'title' | 'purpose' | 'timeboxMinutes'>): AgendaItem => ({
    ...newAgendaItem(newId(), meetingId, order, now),
    ...fields,
  });
  const items = [
    item(0, { title: 'Welcome and introductions', purpose: 'information', timeboxMinutes: 10, leadId: people[6]?.id ?? null }),
    item(1, {
      title: 'Discharge letters: what patients need to know',
      purpose: 'decision',
      timeboxMinutes: 30,
      leadId: people[4]?.id ?? null,
      nonNegotiables: 'The letter must include the legal minimum about medicines.',
      papers: [{ id: newId(), title: 'Draft discharge letter', link: 'Sent by email', sentOn: isoDay(now) }],
    }),
    item(2, {
      title: 'Transport home after 8pm',
      purpose: 'discussion',
      timeboxMinutes: 25,
      leadId: people[2]?.id ?? null,
      decidedBy: { kind: 'elsewhere', who: 'Trust transport board' },
    }),
    item(3, { title: 'Any other business', purpose: 'information', timeboxMinutes: 10 }),
  ];
  const rules = SAMPLE_RULES.map((key, order) => agreeRule(draftRule(newId(), groupId, ruleText(key), order, now, key), now, null));
  return { group, people, meeting, attendees, items, rules };
}
