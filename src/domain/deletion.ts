import { changedRows, withoutEmpty, type GroupHoldings, type RowChanges } from './group-holdings';
import type { Id } from './model';
import { isInProgress, reachedOffice } from './privacy-rules';
import { isSummaryEntry, type PrivacyRequest } from './sync-model';

/**
 * Deleting meetings. Everything recorded at a meeting goes with it: who came,
 * the agenda, the clock, speaking turns, the queue, the check-in, and the
 * dissent, decisions and actions recorded there (even if still open: the
 * chair is told how many first). What belongs to the group stays, unlinked
 * from the meeting: glossary words, ground rules agreed there, a group review
 * held there, and items carried on to a later meeting. Nothing kept points
 * at what was deleted, so no other screen meets a dangling reference.
 */

export interface MeetingDeletionCounts {
  meetings: number;
  turns: number;
  dissent: number;
  openDissent: number;
  decisions: number;
  actions: number;
  openActions: number;
  checkIns: number;
  oneToOnes: number;
  /** Glossary words raised there: kept in the group's glossary. */
  glossaryKept: number;
  /** Summaries removed from the outbox before they were sent. */
  unsentSummaries: number;
  /** Summaries the office has: a request to delete each goes to it. */
  sentSummaries: number;
}

export interface DeletionPlan {
  /** Primary keys to delete, table by table (attendees by [meetingId, personId]). */
  remove: { [K in keyof GroupHoldings]?: (string | [string, string])[] };
  /** Rows kept, with their references to what goes taken off. */
  changes: RowChanges;
  requests: PrivacyRequest[];
  counts: MeetingDeletionCounts;
}

export type DeletionRefusal = 'in-progress' | 'missing';

export function planMeetingDeletion(holdings: GroupHoldings, meetingIds: readonly Id[]): DeletionPlan | DeletionRefusal {
  const gone = new Set(meetingIds);
  const meetings = holdings.meetings.filter((m) => gone.has(m.id));
  if (meetings.length === 0 || meetings.length !== gone.size) return 'missing';
  if (meetings.some(isInProgress)) return 'in-progress';
  const at = <T extends { meetingId: Id | null }>(rows: readonly T[]) => rows.filter((r) => r.meetingId !== null && gone.has(r.meetingId));
  const kept = <T extends { meetingId: Id | null }>(rows: readonly T[]) => rows.filter((r) => r.meetingId === null || !gone.has(r.meetingId));
  const ids = (rows: readonly { id: Id }[]) => rows.map((r) => r.id);
  const unlink = (meetingId: Id | null) => (meetingId !== null && gone.has(meetingId) ? null : meetingId);

  const items = at(holdings.agendaItems);
  const dissent = at(holdings.dissent);
  const decisions = at(holdings.decisions);
  const actions = at(holdings.actions);
  const goneItems = new Set(ids(items));
  const goneDissent = new Set(ids(dissent));
  const goneDecisions = new Set(ids(decisions));

  const keptDissent = kept(holdings.dissent);
  const keptActions = kept(holdings.actions);
  const keptMeetings = holdings.meetings.filter((m) => !gone.has(m.id));
  const keptItems = kept(holdings.agendaItems);
  // A guest belongs to one meeting, but stays if anything kept still names them (an action they own, say).
  const stillNamed = new Set<Id | null | undefined>([
    ...keptMeetings.map((m) => m.chairId),
    ...keptItems.map((i) => i.leadId),
    ...kept(holdings.attendees).map((a) => a.personId),
    ...keptDissent.map((d) => d.raisedById),
    ...keptActions.map((a) => (a.owner.kind === 'person' ? a.owner.personId : null)),
    ...holdings.glossary.map((g) => g.askedById),
    ...kept(holdings.checkinAnswers).map((a) => a.personId),
    ...kept(holdings.turns).map((t) => t.personId),
    ...kept(holdings.queue).map((q) => q.personId),
    ...kept(holdings.checkinMarks).map((m) => m.personId),
  ]);
  const guests = holdings.people.filter((p) => p.guestOfMeetingId !== undefined && gone.has(p.guestOfMeetingId) && !stillNamed.has(p.id));

  const summaries = holdings.outbox.filter((e) => isSummaryEntry(e) && gone.has(e.meetingId));
  const sent = summaries.filter(reachedOffice);
  const requests: PrivacyRequest[] = sent.flatMap((e) => (isSummaryEntry(e) ? [{ kind: 'delete-meeting' as const, groupId: holdings.group.id, meetingId: e.meetingId, summaryId: e.id }] : []));

  const changes: RowChanges = {
    agendaItems: changedRows(keptItems, (item) => {
      if (!item.carriedFromItemId || !goneItems.has(item.carriedFromItemId)) return item;
      const { carriedFromItemId: _from, ...rest } = item;
      return rest;
    }),
    glossary: changedRows(holdings.glossary, (g) => ({ ...g, meetingId: unlink(g.meetingId) })),
    dissent: changedRows(keptDissent, (d) => {
      const decisionGone = d.decisionId !== null && goneDecisions.has(d.decisionId);
      return {
        ...d,
        decisionId: decisionGone ? null : d.decisionId,
        history: d.history.map((h) => {
          const change = { ...h, meetingId: unlink(h.meetingId) };
          if (h.decisionId && goneDecisions.has(h.decisionId)) delete change.decisionId;
          return change;
        }),
      };
    }),
    decisions: changedRows(kept(holdings.decisions), (d) => ({ ...d, dissentIds: d.dissentIds.filter((id) => !goneDissent.has(id)) })),
    actions: changedRows(keptActions, (a) => ({ ...a, history: a.history.map((h) => ({ ...h, meetingId: unlink(h.meetingId) })) })),
    groundRules: changedRows(holdings.groundRules, (r) => ({ ...r, agreedAtMeetingId: unlink(r.agreedAtMeetingId) })),
    groupReviews: changedRows(holdings.groupReviews, (r) => ({ ...r, meetingId: unlink(r.meetingId) })),
  };

  const checkIns = at(holdings.checkinMarks).length;
  return {
    remove: {
      meetings: ids(meetings),
      attendees: at(holdings.attendees).map((a) => [a.meetingId, a.personId]),
      agendaItems: [...goneItems],
      clockEvents: ids(at(holdings.clockEvents)),
      turns: ids(at(holdings.turns)),
      queue: ids(at(holdings.queue)),
      dissent: [...goneDissent],
      decisions: [...goneDecisions],
      actions: ids(actions),
      checkinAnswers: ids(at(holdings.checkinAnswers)),
      checkinMarks: ids(at(holdings.checkinMarks)),
      oneToOnes: ids(at(holdings.oneToOnes)),
      people: ids(guests),
      outbox: ids(summaries),
    },
    changes: withoutEmpty(changes),
    requests,
    counts: {
      meetings: meetings.length,
      turns: at(holdings.turns).length,
      dissent: dissent.length,
      openDissent: dissent.filter((d) => d.status === 'parked' || d.status === 'revisited').length,
      decisions: decisions.length,
      actions: actions.length,
      openActions: actions.filter((a) => a.status === 'open').length,
      // Answers can be given without a mark (a person who would rather not say who they are).
      checkIns: Math.max(checkIns, at(holdings.checkinAnswers).length),
      oneToOnes: at(holdings.oneToOnes).length,
      glossaryKept: at(holdings.glossary).length,
      unsentSummaries: summaries.length - sent.length,
      sentSummaries: sent.length,
    },
  };
}

/**
 * The outbox when a whole group goes: every summary and request of the group
 * is removed, and if the office has anything of it, one request to delete the
 * group there takes their place.
 */
export function planGroupOutbox(holdings: Pick<GroupHoldings, 'group' | 'outbox'>): { remove: Id[]; request: PrivacyRequest | null } {
  const officeHasSome = holdings.outbox.some((e) => !isSummaryEntry(e) || reachedOffice(e));
  return {
    remove: holdings.outbox.map((e) => e.id),
    request: officeHasSome ? { kind: 'delete-group', groupId: holdings.group.id } : null,
  };
}
