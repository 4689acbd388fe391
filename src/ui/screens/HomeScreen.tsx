import { useId } from 'preact/hooks';
import { formatClock, formatShortDay } from '../dates';
import { splitMeetings } from '../../domain/meeting-schedule';
import { listGroups, type GroupSummary } from '../../db/groups-repo';
import { listMeetings, type MeetingListEntry } from '../../db/meeting-list';
import { now } from '../../state/clock';
import { createSampleGroup } from '../../state/group-actions';
import { go, pathOf } from '../routes';
import { useLive } from '../../state/use-live';
import { LiveView } from '../components/LiveView';
import { PageTitle } from '../components/PageTitle';
import { ListSection } from '../components/ListSection';
import { t } from '../strings';
import { useSubmit } from '../use-submit';

function SampleBadge() {
  return <span class="badge">{t.home.sampleBadge}</span>;
}

function MeetingRow({ entry }: { entry: MeetingListEntry }) {
  const { meeting, groupName } = entry;
  return (
    <li class="list-row">
      <div class="list-row__main">
        <span class="list-row__title">{meeting.title}</span>
        {meeting.sample ? <SampleBadge /> : null}
        <p class="list-row__meta">
          {formatShortDay(meeting.startsAt)}, {formatClock(meeting.startsAt)} · {groupName} · {t.meeting.states[meeting.state]}
        </p>
      </div>
      <a class="button button--secondary" href={pathOf({ name: 'meeting', meetingId: meeting.id })} aria-label={t.home.openNamed(meeting.title)}>
        {t.home.open}
      </a>
    </li>
  );
}

function MeetingList({ title, entries, empty }: { title: string; entries: MeetingListEntry[]; empty: string }) {
  // Not made from the title: in a language written without a-z, every title would give the same id.
  const headingId = useId();
  return (
    <ListSection id={headingId} title={title} items={entries} empty={empty} listClass="list">
      {(entry) => <MeetingRow key={entry.meeting.id} entry={entry} />}
    </ListSection>
  );
}

function GroupList({ groups }: { groups: GroupSummary[] }) {
  return (
    <ListSection id="heading-groups" title={t.home.groups} items={groups} empty={t.home.noGroups} listClass="list">
      {({ group, activeCount }) => (
        <li key={group.id} class="list-row">
          <div class="list-row__main">
            <a class="list-row__title" href={pathOf({ name: 'group', groupId: group.id })}>
              {group.name}
            </a>
            {group.sample ? <SampleBadge /> : null}
            <p class="list-row__meta">{t.home.people(activeCount)}</p>
          </div>
        </li>
      )}
    </ListSection>
  );
}

function FirstRun() {
  const sample = useSubmit(async () => {
    // The sample's ground rules use the templates' words (in the chosen locale), which come with the rules' own code.
    const words = await import('../strings/all');
    const result = await createSampleGroup((key) => words.t.rules.templates[key]);
    if (result.ok) go({ name: 'group', groupId: result.value });
  });
  return (
    <section class="first-run" aria-labelledby="heading-first-run">
      <h2 id="heading-first-run">{t.home.firstRun}</h2>
      <div class="actions">
        <a class="button" href="#/groups/new">
          {t.home.newGroup}
        </a>
        <button
          type="button"
          class="button button--secondary"
          disabled={sample.busy}
          onClick={(event) => void sample.onSubmit(event)}
        >
          {t.home.trySample}
        </button>
      </div>
      <p class="field__hint">{t.home.sampleHint}</p>
    </section>
  );
}

export function HomeScreen() {
  const groups = useLive(listGroups, []);
  const meetings = useLive(listMeetings, []);
  return (
    <>
      <PageTitle text={t.home.title} />
      <p class="lede">{t.home.intro}</p>
      <LiveView live={groups}>
        {(groupList) =>
          groupList.length === 0 ? (
            <FirstRun />
          ) : (
            <>
              <div class="actions">
                <a class="button" href="#/meetings/new">
                  {t.home.newMeeting}
                </a>
                <a class="button button--secondary" href="#/groups/new">
                  {t.home.newGroup}
                </a>
              </div>
              <LiveView live={meetings}>
                {(entries) => {
                  const { upcoming, past } = splitMeetings(
                    entries.map((e) => ({ ...e.meeting, entry: e })),
                    now(),
                  );
                  return (
                    <>
                      <MeetingList title={t.home.upcoming} entries={upcoming.map((m) => m.entry)} empty={t.home.noUpcoming} />
                      <GroupList groups={groupList} />
                      <MeetingList title={t.home.past} entries={past.map((m) => m.entry)} empty={t.home.noPast} />
                    </>
                  );
                }}
              </LiveView>
            </>
          )
        }
      </LiveView>
    </>
  );
}
