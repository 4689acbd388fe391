import { formatClock, formatDay } from '../dates';
import { localMoment } from '../../domain/meeting-schedule';
import { perspectiveLabel } from '../../domain/perspectives';
import type { MeetingDetail } from '../../db/meetings-repo';
import { getRunData } from '../../db/run-repo';
import { addGuest } from '../../state/meeting-actions';
import { go, pathOf } from '../routes';
import { clockTap } from '../../state/run-actions';
import { useLive } from '../../state/use-live';
import { AddPersonForm } from '../components/AddPersonForm';
import { AgendaEditor } from '../components/AgendaEditor';
import { MeetingCoverage } from '../components/AreInCoverage';
import { LiveFound } from '../components/LiveView';
import { PageTitle } from '../components/PageTitle';
import { Breadcrumb } from '../components/Breadcrumb';
import { t } from '../strings/all';
import { byName } from '../../domain/names';
import { nameCollator } from '../strings/locale';

function Attendance({ detail }: { detail: MeetingDetail }) {
  const { meeting, group, people, attendees } = detail;
  const byId = new Map(people.map((p) => [p.id, p]));
  const present = attendees.flatMap((a) => {
    const person = byId.get(a.personId);
    return person ? [person] : [];
  });
  const members = present.filter((p) => !p.guestOfMeetingId).sort(byName(nameCollator()));
  const guests = present.filter((p) => p.guestOfMeetingId);
  return (
    <section aria-labelledby="heading-people">
      <h2 id="heading-people">{t.meeting.people}</h2>
      {members.length === 0 ? (
        <p class="empty">{t.meeting.nobodyExpected}</p>
      ) : (
        <ul class="list">
          {members.map((p) => (
            <li key={p.id} class="list-row">
              <span class="list-row__title">{p.name}</span>
              <span class="list-row__meta">{perspectiveLabel(group.perspectives, p.perspectiveId)}</span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t.meeting.guests}</h3>
      {guests.length > 0 ? (
        <ul class="list">
          {guests.map((p) => (
            <li key={p.id} class="list-row">
              <span class="list-row__title">{p.name}</span>
              <span class="badge">{t.meeting.guestBadge}</span>
              <span class="list-row__meta">{perspectiveLabel(group.perspectives, p.perspectiveId)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <AddPersonForm
        idPrefix="guest"
        perspectives={group.perspectives}
        existing={present}
        nameLabel={t.meeting.guestName}
        perspectiveLabel={t.meeting.guestPerspective}
        submitLabel={t.meeting.addGuest}
        onAdd={async (name, perspectiveId) => (await addGuest(meeting, name, perspectiveId)).ok}
      />
    </section>
  );
}

export function MeetingScreen({ meetingId }: { meetingId: string }) {
  const detail = useLive(() => getRunData(meetingId), [meetingId]);
  return (
    <LiveFound live={detail} notFound={t.meeting.notFound}>
      {(found) => {
        const { meeting, group, people } = found;
        const chair = people.find((p) => p.id === meeting.chairId);
        return (
          <>
            <Breadcrumb href={pathOf({ name: 'group', groupId: group.id })} text={t.meeting.groupLink(group.name)} />
            <PageTitle text={meeting.title} />
            {meeting.sample ? <span class="badge">{t.home.sampleBadge}</span> : null}
            <dl class="facts">
              <dt>{t.meeting.date}</dt>
              <dd>
                {t.meeting.when(
                  formatDay(meeting.startsAt),
                  formatClock(meeting.startsAt),
                  formatClock(localMoment(meeting.date, meeting.endTime)),
                )}
              </dd>
              {meeting.venue ? (
                <>
                  <dt>{t.meeting.venue}</dt>
                  <dd>{meeting.venue}</dd>
                </>
              ) : null}
              <dt>{t.meeting.chair}</dt>
              <dd>{chair ? chair.name : t.meeting.noChair}</dd>
              <dt>{t.meeting.status}</dt>
              <dd>{t.meeting.states[meeting.state]}</dd>
            </dl>
            <div class="actions">
              {meeting.state === 'not-started' ? (
                <button
                  type="button"
                  class="button button--start"
                  onClick={async () => {
                    if ((await clockTap(meetingId, 'start')).ok) go({ name: 'run', meetingId });
                  }}
                >
                  {t.run.start}
                </button>
              ) : (
                <a class="button button--start" href={pathOf({ name: 'run', meetingId })}>
                  {meeting.state === 'closed' ? t.run.closedRecord : t.run.resumeRun}
                </a>
              )}
              <a class="button button--secondary" href={pathOf({ name: 'edit-meeting', meetingId })}>
                {t.meeting.edit}
              </a>
              <a class="button button--secondary" href={pathOf({ name: 'record', meetingId })}>{t.exports.recordLink}</a>
              <a class="button button--secondary" href={pathOf({ name: 'delete-meeting', meetingId })}>
                {t.privacy.deleteMeeting.link}
              </a>
            </div>
            <AgendaEditor meeting={meeting} items={found.items} people={people} />
            <Attendance detail={found} />
            <MeetingCoverage data={found} />
          </>
        );
      }}
    </LiveFound>
  );
}
