import type { MeetingClockEventKind } from '../domain/agenda-model';
import type { Id } from '../domain/model';
import type { SummaryWords } from '../domain/summary';
import { appendClockEvent, closeMeeting, saveItemNotes } from '../db/run-repo';
import { now } from './clock';
import { newId } from '../db/ids';
import { save } from './save-status';

/** One tap on the meeting's clock, stored at the moment of the tap. */
export function clockTap(meetingId: Id, kind: MeetingClockEventKind, itemId?: Id) {
  const event = { id: newId(), kind, at: now(), ...(itemId ? { itemId } : {}) };
  return save(() => appendClockEvent(meetingId, event));
}

/** `words` are the catalogue's: what stands in for a name in the summary. */
export function close(meetingId: Id, words: SummaryWords) {
  return save(() => closeMeeting(meetingId, now(), words));
}

export function saveNotes(itemId: Id, notes: string) {
  return save(() => saveItemNotes(itemId, notes, now()));
}
