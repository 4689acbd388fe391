import type { EpochMs, Id } from './model';

/**
 * The agenda, ground rules and meeting clock as they are stored. An agenda
 * item's running status is not stored: it is derived from the clock events
 * (see meeting-clock.ts), so a reload can never leave the two disagreeing.
 */

/** Said up front so nobody expects to decide something that is only for information. */
export type AgendaPurpose = 'information' | 'discussion' | 'decision';

export const AGENDA_PURPOSES: readonly AgendaPurpose[] = ['information', 'discussion', 'decision'];

export interface Paper {
  id: Id;
  title: string;
  /** A web address or a short note of where to find it; either is fine. */
  link: string;
  /** yyyy-MM-dd, or '' when not yet sent. */
  sentOn: string;
}

/** Named when it is not this group, so a decision made elsewhere is visible as such. */
export type DecidedBy = { kind: 'group' } | { kind: 'elsewhere'; who: string };

export type AgendaItemStatus = 'pending' | 'current' | 'done' | 'deferred';

export interface AgendaItem {
  id: Id;
  meetingId: Id;
  order: number;
  title: string;
  purpose: AgendaPurpose;
  timeboxMinutes: number;
  /** A person's id; null when nobody has been asked to lead it yet. */
  leadId: Id | null;
  decidedBy: DecidedBy;
  /** Shown before discussion, so the group knows what is not on the table. */
  nonNegotiables: string;
  papers: Paper[];
  notes: string;
  /** Set on an item deferred from an earlier meeting and carried into this one. */
  carriedFromItemId?: Id;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export type GroundRuleStatus = 'draft' | 'agreed' | 'retired';

/** Belongs to the group, not a meeting: agreed rules carry to every later meeting. */
export interface GroundRule {
  id: Id;
  groupId: Id;
  text: string;
  order: number;
  status: GroundRuleStatus;
  agreedAt: EpochMs | null;
  /** Null when agreed outside a meeting (for example between meetings by email). */
  agreedAtMeetingId: Id | null;
  /** Which shipped template it started from, if any; its words may since have been changed. */
  templateKey: string | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export type MeetingClockEventKind = 'start' | 'pause' | 'resume' | 'item' | 'defer' | 'end-items' | 'reopen';

/**
 * One tap on the chair's controls. The run of a meeting is derived from these
 * and the current time only, never from a ticking counter, so it is exact
 * after a reload, a sleeping tablet or a flat battery.
 */
export interface MeetingClockEvent {
  id: Id;
  meetingId: Id;
  /**
   * Insertion order, 1, 2, 3… per meeting; the source of truth for order,
   * because `at` comes from a tablet clock that can jump.
   */
  seq: number;
  at: EpochMs;
  kind: MeetingClockEventKind;
  /** For 'start' (optional first item), 'item' and 'defer'. */
  itemId?: Id;
}
