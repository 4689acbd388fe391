import { useState } from 'preact/hooks';
import { formatShortDay } from '../dates';
import { RETENTION_MONTHS, type Group, type Meeting, type RetentionMonths } from '../../domain/model';
import { pastRetention } from '../../domain/privacy-rules';
import { readGroupMeetings } from '../../db/meetings-repo';
import { now } from '../../state/clock';
import { deleteReviewedMeetings, setRetention } from '../../state/privacy-actions';
import { pathOf } from '../routes';
import { useLive } from '../../state/use-live';
import { Radios } from '../components/fields';
import { LiveFound } from '../components/LiveView';
import { PageTitle } from '../components/PageTitle';
import { Breadcrumb } from '../components/Breadcrumb';
import { t } from '../strings/all';

const w = t.privacy.retention;
const UNTIL_DELETED = 'until-deleted';

function PeriodForm({ group }: { group: Group }) {
  const [value, setValue] = useState(group.retentionMonths ? String(group.retentionMonths) : UNTIL_DELETED);
  const [message, setMessage] = useState('');
  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const months = value === UNTIL_DELETED ? undefined : (Number(value) as RetentionMonths);
        if ((await setRetention(group.id, months)).ok) setMessage(w.saved);
      }}
    >
      <Radios
        name="retention"
        legend={w.legend}
        value={value}
        choices={[
          ...RETENTION_MONTHS.map((months) => ({ value: String(months), label: w.choice(months) })),
          { value: UNTIL_DELETED, label: w.choice(undefined) },
        ]}
        onChange={(next) => {
          setValue(next);
          setMessage('');
        }}
      />
      <div class="actions">
        <button type="submit" class="button">
          {w.save}
        </button>
      </div>
      <p role="status" class="field__hint">
        {message}
      </p>
    </form>
  );
}

function PastList({ group, meetings }: { group: Group; meetings: Meeting[] }) {
  // The list the chair confirms is the one they saw when they asked, even if the clock moves on meanwhile.
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const [message, setMessage] = useState('');
  const past = pastRetention(meetings, group.retentionMonths, now());
  return (
    <section aria-labelledby="heading-past">
      <h2 id="heading-past">{w.listTitle(past.length)}</h2>
      <p role="status" class="field__hint">
        {message}
      </p>
      {!group.retentionMonths ? (
        <p class="empty">{w.untilDeleted}</p>
      ) : past.length === 0 ? (
        <p class="empty">{w.noneOlder(group.retentionMonths)}</p>
      ) : (
        <>
          <ul class="list">
            {past.map((m) => (
              <li key={m.id} class="list-row">
                <div class="list-row__main">
                  <span class="list-row__title">{m.title}</span>
                  <p class="list-row__meta">
                    {formatShortDay(m.startsAt)} · {t.meeting.states[m.state]}
                  </p>
                </div>
                <a class="button button--secondary button--small" href={pathOf({ name: 'delete-meeting', meetingId: m.id })} aria-label={w.deleteOneNamed(m.title)}>
                  {w.deleteOne}
                </a>
              </li>
            ))}
          </ul>
          {confirming ? (
            <div class="notice" role="group" aria-labelledby="confirm-all-text">
              <p id="confirm-all-text">{w.confirmAll(confirming.length)}</p>
              <div class="actions">
                <button
                  type="button"
                  class="button button--warning"
                  onClick={async () => {
                    const result = await deleteReviewedMeetings(group.id, confirming);
                    setConfirming(null);
                    setMessage(result.ok ? w.deleted(confirming.length) : t.privacy.problems.other);
                  }}
                >
                  {w.confirmAllYes(confirming.length)}
                </button>
                <button type="button" class="button button--secondary" onClick={() => setConfirming(null)}>
                  {w.cancel}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              class="button button--warning"
              onClick={() => {
                setMessage('');
                setConfirming(past.map((m) => m.id));
              }}
            >
              {w.deleteAll(past.length)}
            </button>
          )}
        </>
      )}
    </section>
  );
}

export function RetentionScreen({ groupId }: { groupId: string }) {
  const screen = useLive(() => readGroupMeetings(groupId), [groupId]);
  return (
    <LiveFound live={screen} notFound={t.group.notFound}>
      {(found) => (
        <>
          <Breadcrumb href={pathOf({ name: 'group', groupId })} text={t.privacy.groupLink(found.group.name)} />
          <PageTitle text={w.title} />
          <p>{w.intro}</p>
          <PeriodForm group={found.group} />
          <PastList group={found.group} meetings={found.meetings} />
        </>
      )}
    </LiveFound>
  );
}
