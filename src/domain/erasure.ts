import { changedRows, withoutEmpty, type GroupHoldings, type RowChanges } from './group-holdings';
import type { EpochMs, Id, Person } from './model';
import { nameMatcher, mentionsName, replaceName } from './name-match';
import { reachedOffice } from './privacy-rules';
import { isSummaryEntry, type OutboxEntry, type SyncSummary } from './sync-model';

/**
 * Erasing a person (UK GDPR, right to erasure). Their name, and any text that
 * holds it, is replaced everywhere by a pseudonym ("Former member 3") that is
 * stored on them and never changes; their perspective and every id stay, so
 * talk time, turns, balance and counts stay whole. Words recorded as theirs
 * are kept without their name, or deleted, as the chair chooses.
 */

export type WordsChoice = 'keep' | 'delete';

export interface ErasureWords {
  /** "Former member 3" */
  pseudonym: (n: number) => string;
  /** Stands in for words deleted at the chair's choice, so a count of answers or dissent stays whole. */
  wordsDeleted: string;
}

export interface ErasureCounts {
  /** Dissent raised in their own words, by them. */
  dissent: number;
  /** Check-in answers they put their name to. */
  namedAnswers: number;
  /** One-to-one requests whose contact names them: the contact is replaced. */
  oneToOnes: number;
  /** Other records whose words mention them by name. */
  mentions: number;
  /** Summaries in the outbox with their name in them. */
  outbox: number;
}

export interface ErasurePlan {
  personId: Id;
  pseudonym: string;
  /** True when they were erased before: then nothing changes. */
  alreadyErased: boolean;
  counts: ErasureCounts;
  /** Rows to write back, table by table: only rows that change. */
  changes: RowChanges;
}

/** The number in "Former member N": one more than the people of the group erased before. */
export function nextPseudonymNumber(people: readonly Pick<Person, 'erasedAt'>[]): number {
  return people.filter((p) => p.erasedAt !== undefined).length + 1;
}

/** The summary's free text with the name replaced; `ownerId` marks the actions the person owns. */
function scrubSummary(summary: SyncSummary, personId: Id, scrub: (text: string) => string, pseudonym: string): SyncSummary {
  const next: SyncSummary = {
    ...summary,
    items: summary.items.map((item) => ({ ...item, title: scrub(item.title) })),
    decisions: summary.decisions.map((d) => ({ ...d, text: scrub(d.text) })),
    actions: summary.actions.map((a) => {
      const action = { ...a, text: scrub(a.text) };
      if (action.owner !== undefined) action.owner = (a as { ownerId?: Id }).ownerId === personId ? pseudonym : scrub(action.owner);
      return action;
    }),
    checkIn: { ...summary.checkIn, prompts: summary.checkIn.prompts.map((p) => ({ ...p, prompt: scrub(p.prompt) })) },
    glossaryTerms: summary.glossaryTerms.map(scrub),
  };
  if (summary.groupName !== undefined) next.groupName = scrub(summary.groupName);
  return next;
}

export function planErasure(holdings: GroupHoldings, personId: Id, choice: WordsChoice, at: EpochMs, words: ErasureWords): ErasurePlan | null {
  const person = holdings.people.find((p) => p.id === personId);
  if (!person) return null;
  const alreadyErased = person.erasedAt !== undefined;
  const pseudonym = alreadyErased ? person.name : words.pseudonym(nextPseudonymNumber(holdings.people));
  // Once erased, the stored name is the pseudonym and there is no name left to find: a second erasure changes nothing.
  const matcher = alreadyErased ? null : nameMatcher(person.name);
  const scrub = (text: string) => replaceName(text, matcher, pseudonym);
  const counts: ErasureCounts = { dissent: 0, namedAnswers: 0, oneToOnes: 0, mentions: 0, outbox: 0 };
  const theirWords = (text: string) => (choice === 'delete' && text ? words.wordsDeleted : scrub(text));

  const people = alreadyErased
    ? []
    : [{ ...person, name: pseudonym, erasedAt: at, status: 'left' as const, updatedAt: at }];

  const dissent = changedRows(holdings.dissent, (entry) => {
    const theirs = entry.raisedById === personId;
    if (theirs) counts.dissent += 1;
    return {
      ...entry,
      // Kept words are no longer tied to anyone, not even to the pseudonym.
      raisedById: theirs ? null : entry.raisedById,
      words: theirs ? theirWords(entry.words) : scrub(entry.words),
      resolution: scrub(entry.resolution),
      history: entry.history.map((h) => ({ ...h, note: scrub(h.note) })),
    };
  });

  const checkinAnswers = changedRows(holdings.checkinAnswers, (row) => {
    const theirs = row.personId === personId;
    if (theirs) counts.namedAnswers += 1;
    const { personId: _named, ...rest } = row;
    return {
      ...(theirs ? rest : row),
      responses: row.responses.map((r) => {
        const response = r.response;
        const question = scrub(r.question);
        if (response.kind === 'text') return { ...r, question, response: { ...response, value: theirs ? theirWords(response.value) : scrub(response.value) } };
        if (response.kind === 'choice' && response.words !== undefined) {
          if (theirs && choice === 'delete') return { ...r, question, response: { kind: 'choice' as const, value: response.value } };
          return { ...r, question, response: { ...response, words: scrub(response.words) } };
        }
        return { ...r, question };
      }),
    };
  });

  const oneToOnes = changedRows(holdings.oneToOnes, (row) => {
    if (!mentionsName(row.contact, matcher)) return row;
    counts.oneToOnes += 1;
    // The contact is how to reach them (a phone number, an email) as well as the name: all of it goes.
    return { ...row, contact: pseudonym };
  });

  const mentioned = <T>(rows: T[]) => {
    counts.mentions += rows.length;
    return rows;
  };

  const changes: RowChanges = {
    group: mentioned(
      changedRows([holdings.group], (g) => ({ ...g, name: scrub(g.name), perspectives: g.perspectives.map((p) => ({ ...p, label: scrub(p.label) })) })),
    ),
    people,
    meetings: mentioned(changedRows(holdings.meetings, (m) => ({ ...m, title: scrub(m.title), venue: scrub(m.venue) }))),
    agendaItems: mentioned(
      changedRows(holdings.agendaItems, (item) => ({
        ...item,
        title: scrub(item.title),
        notes: scrub(item.notes),
        nonNegotiables: scrub(item.nonNegotiables),
        decidedBy: item.decidedBy.kind === 'elsewhere' ? { kind: 'elsewhere', who: scrub(item.decidedBy.who) } : item.decidedBy,
        papers: item.papers.map((paper) => ({ ...paper, title: scrub(paper.title), link: scrub(paper.link) })),
      })),
    ),
    glossary: mentioned(changedRows(holdings.glossary, (g) => ({ ...g, term: scrub(g.term), explanation: scrub(g.explanation) }))),
    dissent,
    decisions: mentioned(
      changedRows(holdings.decisions, (d) => ({ ...d, text: scrub(d.text), how: d.how.kind === 'elsewhere' ? { kind: 'elsewhere', by: scrub(d.how.by) } : d.how })),
    ),
    actions: mentioned(
      changedRows(holdings.actions, (a) => ({
        ...a,
        what: scrub(a.what),
        owner: a.owner.kind === 'organisation' ? { kind: 'organisation', name: scrub(a.owner.name) } : a.owner,
        droppedReason: scrub(a.droppedReason),
        history: a.history.map((h) => ({ ...h, note: scrub(h.note) })),
      })),
    ),
    checkinAnswers,
    oneToOnes,
    groundRules: mentioned(changedRows(holdings.groundRules, (r) => ({ ...r, text: scrub(r.text) }))),
    checkinPrompts: mentioned(changedRows(holdings.checkinPrompts, (p) => ({ ...p, text: scrub(p.text) }))),
    groupReviews: mentioned(
      changedRows(holdings.groupReviews, (r) => ({
        ...r,
        howMuch: scrub(r.howMuch),
        howWell: scrub(r.howWell),
        betterOff: scrub(r.betterOff),
        principles: Object.fromEntries(Object.entries(r.principles).map(([key, p]) => [key, { ...p, comment: scrub(p.comment) }])) as typeof r.principles,
      })),
    ),
    outbox: changedRows(holdings.outbox, (entry): OutboxEntry => (isSummaryEntry(entry) ? { ...entry, summary: scrubSummary(entry.summary, personId, scrub, pseudonym) } : entry)),
  };
  counts.outbox = changes.outbox?.length ?? 0;
  // Other people's dissent and answers that name them are mentions too.
  counts.mentions += dissent.length - counts.dissent + checkinAnswers.length - counts.namedAnswers;
  return { personId, pseudonym, alreadyErased, counts, changes: withoutEmpty(changes) };
}

/**
 * Whether the office may hold the name: a summary of the group reached it (or
 * is on its way) and names were on, by the settings now or in the summary
 * itself. Only then is an erasure request worth sending; without names
 * (the default) nothing identifying ever left the device.
 */
export function officeMayHoldNames(outbox: readonly OutboxEntry[], namesSetting: boolean): boolean {
  return outbox.some((entry) => isSummaryEntry(entry) && reachedOffice(entry) && (namesSetting || entry.summary.names));
}
