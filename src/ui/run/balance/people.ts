import type { Attendee, Person } from '../../../domain/model';
import type { RunData } from '../../../db/run-repo';
import { nameCollator } from '../../strings/locale';
import { isHere } from '../../../domain/balance';

export interface Participant {
  person: Person;
  attendee: Attendee;
  here: boolean;
}

/** Everyone expected or added on the day, with whether they are in the room now. */
export function participants(data: RunData): Participant[] {
  const byId = new Map(data.people.map((p) => [p.id, p]));
  return data.attendees
    .flatMap((attendee) => {
      const person = byId.get(attendee.personId);
      if (!person) return [];
      return [{ person, attendee, here: isHere(attendee) }];
    })
    .sort((a, b) => nameCollator().compare(a.person.name, b.person.name));
}

/** Positions in a fixed palette, so a perspective keeps its colour across screens. */
export function perspectiveTone(perspectiveIds: readonly string[], id: string): number {
  const index = perspectiveIds.indexOf(id);
  return index < 0 ? 0 : index % 8;
}
