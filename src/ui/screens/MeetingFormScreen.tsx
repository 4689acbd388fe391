import { useState } from 'preact/hooks';
import { isoDay } from '../../domain/dates';
import { getGroupDetail, listGroups } from '../../db/groups-repo';
import { getMeetingDetail } from '../../db/meetings-repo';
import { now } from '../../state/clock';
import { createMeeting, updateMeeting } from '../../state/meeting-actions';
import { go, pathOf } from '../routes';
import { useLive } from '../../state/use-live';
import { SelectField } from '../components/fields';
import { LiveFound, LiveView } from '../components/LiveView';
import { MeetingForm } from '../components/MeetingForm';
import { PageTitle } from '../components/PageTitle';
import { t } from '../strings';

function NewMeetingInGroup({ groupId }: { groupId: string }) {
  const detail = useLive(() => getGroupDetail(groupId), [groupId]);
  return (
    <LiveView live={detail}>
      {(found) => {
        if (!found) return <p>{t.group.notFound}</p>;
        const roster = found.people.filter((p) => p.status === 'active');
        return (
          <MeetingForm
            key={groupId}
            people={roster}
            submitLabel={t.meeting.create}
            cancelHref={pathOf({ name: 'group', groupId })}
            initial={{
              title: '',
              date: isoDay(now()),
              startTime: '10:00',
              endTime: '12:00',
              venue: '',
              chairId: null,
              expectedIds: roster.map((p) => p.id),
            }}
            onSubmit={async ({ expectedIds, ...fields }) => {
              const result = await createMeeting(groupId, fields, expectedIds);
              if (result.ok) go({ name: 'meeting', meetingId: result.value }, { replace: true });
            }}
          />
        );
      }}
    </LiveView>
  );
}

export function NewMeetingScreen({ groupId }: { groupId: string | null }) {
  const groups = useLive(listGroups, []);
  const [chosen, setChosen] = useState<string | null>(groupId);
  return (
    <>
      <PageTitle text={t.meeting.newTitle} />
      <LiveView live={groups}>
        {(list) => {
          if (list.length === 0) {
            return (
              <p>
                {t.meeting.noGroupsYet} <a href="#/groups/new">{t.home.newGroup}</a>
              </p>
            );
          }
          const selected = chosen ?? (list.length === 1 ? list[0]!.group.id : '');
          return (
            <>
              <SelectField
                id="meeting-group"
                label={t.meeting.group}
                value={selected}
                choices={[
                  ...(selected ? [] : [{ value: '', label: t.meeting.chooseGroup }]),
                  ...list.map(({ group }) => ({ value: group.id, label: group.name })),
                ]}
                onChange={(id) => setChosen(id || null)}
              />
              {selected ? <NewMeetingInGroup groupId={selected} /> : null}
            </>
          );
        }}
      </LiveView>
    </>
  );
}

export function EditMeetingScreen({ meetingId }: { meetingId: string }) {
  const detail = useLive(() => getMeetingDetail(meetingId), [meetingId]);
  return (
    <LiveFound live={detail} notFound={t.meeting.notFound}>
      {(found) => {
        const { meeting, people, attendees } = found;
        const roster = people.filter((p) => !p.guestOfMeetingId);
        return (
          <>
            <PageTitle text={t.meeting.editTitle} />
            <MeetingForm
              people={roster}
              submitLabel={t.meeting.saveChanges}
              cancelHref={pathOf({ name: 'meeting', meetingId })}
              initial={{
                title: meeting.title,
                date: meeting.date,
                startTime: meeting.startTime,
                endTime: meeting.endTime,
                venue: meeting.venue,
                chairId: meeting.chairId,
                expectedIds: attendees.filter((a) => a.expected && roster.some((p) => p.id === a.personId)).map((a) => a.personId),
              }}
              onSubmit={async ({ expectedIds, ...fields }) => {
                const result = await updateMeeting(meeting, fields, expectedIds);
                if (result.ok) go({ name: 'meeting', meetingId }, { replace: true });
              }}
            />
          </>
        );
      }}
    </LiveFound>
  );
}
