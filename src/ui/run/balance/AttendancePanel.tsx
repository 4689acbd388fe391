import { useState } from 'preact/hooks';
import { formatClock } from '../../dates';
import type { RunData } from '../../../db/run-repo';
import { markArrived, markLeft, markNotHere } from '../../../state/balance-actions';
import { SelectField } from '../../components/fields';
import { t } from '../../strings/all';
import type { Participant } from './people';

function status(p: Participant): string {
  if (p.attendee.arrivedAt === null) return t.balance.notHereYet;
  if (p.attendee.leftAt) return t.balance.leftAt(formatClock(p.attendee.leftAt));
  if (p.attendee.arrivedAt) return t.balance.arrivedAt(formatClock(p.attendee.arrivedAt));
  return t.balance.here;
}

/** Late arrivals and early leavers: fair shares follow who was actually in the room. */
export function AttendancePanel({ data, everyone }: { data: RunData; everyone: Participant[] }) {
  const [chosen, setChosen] = useState('');
  // Built only when opened: it is not needed on every tick of the running screen.
  const [open, setOpen] = useState(false);
  const listed = new Set(everyone.map((p) => p.person.id));
  const others = data.people.filter((p) => !listed.has(p.id) && p.status === 'active' && !p.guestOfMeetingId);
  const hereCount = everyone.filter((p) => p.here).length;
  return (
    <details class="details" onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        {t.balance.attendanceTitle} ({hereCount})
      </summary>
      {open ? (
        <>
      <ul class="list">
        {everyone.map((p) => (
          <li key={p.person.id} class="list-row">
            <span class="list-row__title">{p.person.name}</span>
            <span class="list-row__meta">{status(p)}</span>
            <div class="actions actions--row">
              {p.here ? (
                <button type="button" class="button button--secondary button--small" aria-label={t.balance.leftNamed(p.person.name)} onClick={() => void markLeft(p.attendee)}>
                  {t.balance.left}
                </button>
              ) : (
                <button type="button" class="button button--secondary button--small" aria-label={t.balance.arrivedNamed(p.person.name)} onClick={() => void markArrived(p.attendee)}>
                  {t.balance.arrived}
                </button>
              )}
              {p.attendee.arrivedAt !== null ? (
                <button type="button" class="button button--secondary button--small" aria-label={t.balance.notHereNamed(p.person.name)} onClick={() => void markNotHere(p.attendee)}>
                  {t.balance.notHere}
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <div class="inline-form">
          <SelectField
            id="arrival-someone-else"
            label={t.balance.someoneElse}
            value={chosen}
            choices={[{ value: '', label: t.balance.chooseSomeone }, ...others.map((p) => ({ value: p.id, label: p.name }))]}
            onChange={setChosen}
          />
          <button
            type="button"
            class="button button--secondary"
            disabled={!chosen}
            onClick={async () => {
              if ((await markArrived({ meetingId: data.meeting.id, personId: chosen, expected: false })).ok) setChosen('');
            }}
          >
            {t.balance.addArrival}
          </button>
        </div>
      ) : null}
        </>
      ) : null}
    </details>
  );
}
