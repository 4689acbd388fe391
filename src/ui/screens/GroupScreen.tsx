import { useState } from 'preact/hooks';
import type { Group, Perspective } from '../../domain/model';
import { checkPerspectives } from '../../domain/group-rules';
import { formatClock, formatShortDay } from '../dates';
import { checkRequiredText, NAME_MAX_LENGTH } from '../../domain/text-rules';
import { getGroupDetail, type GroupDetail } from '../../db/groups-repo';
import { meetingsOfGroup } from '../../db/meetings-repo';
import { splitMeetings } from '../../domain/meeting-schedule';
import { now } from '../../state/clock';
import { listRules } from '../../db/rules-repo';
import { rulesInForce } from '../../domain/ground-rules';
import { addPerson, deleteSampleGroup, updateGroup } from '../../state/group-actions';
import { go, pathOf } from '../routes';
import { useLive } from '../../state/use-live';
import { AddPersonForm } from '../components/AddPersonForm';
import { GroupCoverage } from '../components/AreInCoverage';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { GroupRecordLinks } from '../components/GroupRecordLinks';
import { GroupRecordsKeeping } from '../components/GroupRecordsKeeping';
import { GroupBackupSection } from '../record/GroupBackupSection';
import { TextField } from '../components/fields';
import { LiveFound, LiveView } from '../components/LiveView';
import { PageTitle } from '../components/PageTitle';
import { PersonRow } from '../components/PersonRow';
import { perspectiveError, perspectiveFieldId, PerspectivesEditor } from '../components/PerspectivesEditor';
import { t } from '../strings/all';
import { textError } from '../text-problems';
import { byName } from '../../domain/names';
import { nameCollator } from '../strings/locale';
import { ruleWords } from '../rule-words';
import { useSubmit } from '../use-submit';

function RenameGroup({ group }: { group: Group }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(group.name);
  const checked = checkRequiredText(name, NAME_MAX_LENGTH);
  const form = useSubmit(
    async () => {
      if ((await updateGroup(group, { name: checked.value })).ok) setOpen(false);
    },
    () => checked.problem !== null,
  );
  const error = form.submitted ? textError(checked, t.group.name, NAME_MAX_LENGTH) : undefined;
  if (!open) {
    return (
      <button type="button" class="button button--secondary button--small" onClick={() => setOpen(true)}>
        {t.group.rename_group}
      </button>
    );
  }
  return (
    <form
      class="inline-form"
      noValidate
      onSubmit={form.onSubmit}
    >
      <ErrorSummary errors={error ? [{ fieldId: 'group-rename', message: error }] : []} />
      <TextField id="group-rename" label={t.group.name} value={name} maxLength={NAME_MAX_LENGTH} error={error} onInput={setName} />
      <div class="actions">
        <button type="submit" class="button">
          {t.group.saveGroupName}
        </button>
        <button type="button" class="button button--secondary" onClick={() => setOpen(false)}>
          {t.group.cancel}
        </button>
      </div>
    </form>
  );
}

function EditPerspectives({ detail }: { detail: GroupDetail }) {
  const [draft, setDraft] = useState<Perspective[]>(detail.group.perspectives);
  const [message, setMessage] = useState('');
  const inUse = new Set(detail.people.map((p) => p.perspectiveId));
  const problems = checkPerspectives(draft);
  const errors: FieldError[] = draft.flatMap((p, index) => {
    const text = perspectiveError(problems[p.id], t.group.perspectiveLabel(index + 1));
    return text ? [{ fieldId: perspectiveFieldId(p.id), message: text }] : [];
  });
  const form = useSubmit(async () => {
    const tidy = draft.map((p) => ({ ...p, label: checkRequiredText(p.label, 1000).value }));
    const result = await updateGroup(detail.group, { perspectives: tidy });
    if (result.ok) {
      form.reset();
      setMessage(t.group.perspectivesSaved);
    } else if (result.rule) setMessage(ruleWords(result.rule, { 'perspective-in-use': t.group.perspectiveInUse }));
  }, () => errors.length > 0);
  const { submitted } = form;
  return (
    <details class="details">
      <summary>{t.group.perspectives}</summary>
      <form
        noValidate
        onSubmit={(event) => {
          setMessage('');
          void form.onSubmit(event);
        }}
      >
        <ErrorSummary errors={submitted ? errors : []} />
        <PerspectivesEditor value={draft} onChange={setDraft} inUse={inUse} problems={submitted ? problems : {}} />
        <p role="status" class="field__hint">
          {message}
        </p>
        <button type="submit" class="button">
          {t.group.savePerspectives}
        </button>
      </form>
    </details>
  );
}

function RulesLink({ groupId }: { groupId: string }) {
  const rules = useLive(() => listRules(groupId), [groupId]);
  const agreed = rules.status === 'ready' ? rulesInForce(rules.value).length : 0;
  return (
    <section aria-labelledby="heading-rules">
      <h2 id="heading-rules">{t.rules.title}</h2>
      <a class="button button--secondary" href={pathOf({ name: 'rules', groupId })}>
        {t.rules.groupLinkCount(agreed)}
      </a>
    </section>
  );
}

/** The group's meetings with what is next at the top: upcoming soonest first, then past newest first. */
function nextFirst<M extends Parameters<typeof splitMeetings>[0][number]>(list: readonly M[]): M[] {
  const { upcoming, past } = splitMeetings(list, now());
  return [...upcoming, ...past];
}

function GroupMeetings({ groupId }: { groupId: string }) {
  const meetings = useLive(() => meetingsOfGroup(groupId), [groupId]);
  return (
    <section aria-labelledby="heading-group-meetings">
      <h2 id="heading-group-meetings">{t.group.meetings}</h2>
      <a class="button" href={pathOf({ name: 'new-group-meeting', groupId })}>
        {t.group.newMeeting}
      </a>
      <LiveView live={meetings}>
        {(list) =>
          list.length === 0 ? (
            <p class="empty">{t.group.noMeetings}</p>
          ) : (
            <ul class="list">
              {nextFirst(list).map((m) => (
                <li key={m.id} class="list-row">
                  <div class="list-row__main">
                    <span class="list-row__title">{m.title}</span>
                    <p class="list-row__meta">
                      {formatShortDay(m.startsAt)}, {formatClock(m.startsAt)} · {t.meeting.states[m.state]}
                    </p>
                  </div>
                  <a
                    class="button button--secondary"
                    href={pathOf({ name: 'meeting', meetingId: m.id })}
                    aria-label={t.home.openNamed(m.title)}
                  >
                    {t.home.open}
                  </a>
                </li>
              ))}
            </ul>
          )
        }
      </LiveView>
    </section>
  );
}

function Roster({ detail }: { detail: GroupDetail }) {
  const { group, people, meetingCount } = detail;
  // People added on this visit open, so what they bring can be marked at once; the rest stay folded.
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());
  const sameStatus = byName(nameCollator());
  const ordered = [...people].sort((a, b) => (a.status === b.status ? sameStatus(a, b) : a.status === 'active' ? -1 : 1));
  return (
    <section aria-labelledby="heading-roster">
      <h2 id="heading-roster">{t.group.roster}</h2>
      {people.length === 0 ? <p class="empty">{t.group.rosterEmpty}</p> : null}
      {meetingCount > 0 && people.length > 0 ? <p class="field__hint">{t.group.cannotRemove}</p> : null}
      <ul class="list">
        {ordered.map((person) => (
          <PersonRow key={person.id} person={person} perspectives={group.perspectives} canRemove={meetingCount === 0} open={added.has(person.id)} />
        ))}
      </ul>
      <h3>{t.group.addPerson}</h3>
      <AddPersonForm
        idPrefix="new-person"
        perspectives={group.perspectives}
        existing={people}
        onAdd={async (name, perspectiveId) => {
          const result = await addPerson(group.id, name, perspectiveId);
          if (result.ok) setAdded((before) => new Set([...before, result.value.id]));
          return result.ok;
        }}
      />
    </section>
  );
}

export function GroupScreen({ groupId }: { groupId: string }) {
  const detail = useLive(() => getGroupDetail(groupId), [groupId]);
  return (
    <LiveFound live={detail} notFound={t.group.notFound}>
      {(found) => (
        <>
          <PageTitle text={found.group.name} />
          {found.group.sample ? (
            <div class="notice">
              <p>{t.group.sampleNotice}</p>
              <button
                type="button"
                class="button button--warning"
                onClick={async () => {
                  if ((await deleteSampleGroup(groupId)).ok) go({ name: 'home' }, { replace: true });
                }}
              >
                {t.group.deleteSample}
              </button>
            </div>
          ) : null}
          {/* What a chair comes for first: the next meeting. Names and settings follow. */}
          <GroupMeetings groupId={groupId} />
          <RulesLink groupId={groupId} />
          <GroupRecordLinks groupId={groupId} />
          <Roster detail={found} />
          <GroupCoverage detail={found} />
          <EditPerspectives key={found.group.updatedAt} detail={found} />
          <RenameGroup key={found.group.name} group={found.group} />
          <GroupBackupSection groupId={groupId} />
          {found.group.sample ? null : <GroupRecordsKeeping group={found.group} />}
        </>
      )}
    </LiveFound>
  );
}
