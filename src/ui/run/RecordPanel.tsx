import { useState } from 'preact/hooks';
import { isHereAt } from '../../domain/balance';
import type { Id } from '../../domain/model';
import { isOpenDissent } from '../../domain/record';
import type { RunData } from '../../db/run-repo';
import { getGroupRecord, type GroupRecord } from '../../db/record-repo';
import { now } from '../../state/clock';
import { pathOf } from '../routes';
import { useLive } from '../../state/use-live';
import { LiveView } from '../components/LiveView';
import { ActionCard } from '../record/ActionCard';
import { DecisionCard } from '../record/DecisionCard';
import { DissentCard } from '../record/DissentCard';
import { ActionForm, DecisionForm, DissentForm } from '../record/RecordForms';
import { t } from '../strings/all';
import '../record.css';

type Panel = 'dissent' | 'decision' | 'action' | 'register';

function ThisMeeting({ record, meetingId }: { record: GroupRecord; meetingId: string }) {
  const dissent = record.dissent.filter((d) => d.meetingId === meetingId).sort((a, b) => a.createdAt - b.createdAt);
  const decisions = record.decisions.filter((d) => d.meetingId === meetingId).sort((a, b) => a.createdAt - b.createdAt);
  const actions = record.actions.filter((a) => a.meetingId === meetingId).sort((a, b) => a.createdAt - b.createdAt);
  return (
    <>
      <h3>{t.record.thisMeeting}</h3>
      {dissent.length + decisions.length + actions.length === 0 ? <p class="empty">{t.record.nothingYet}</p> : null}
      <ul class="record-list">
        {dissent.map((entry) => (
          <DissentCard key={entry.id} entry={entry} record={record} meetingId={meetingId} />
        ))}
        {decisions.map((decision) => (
          <DecisionCard key={decision.id} decision={decision} record={record} />
        ))}
        {actions.map((item) => (
          <ActionCard key={item.id} item={item} record={record} meetingId={meetingId} buttons={false} />
        ))}
      </ul>
    </>
  );
}

/**
 * Under the current item while the meeting runs: park dissent in two taps,
 * record a decision or an action against the item, and the register one tap away.
 */
export function RecordPanel({ data, currentItemId }: { data: RunData; currentItemId: Id | null }) {
  const groupId = data.group.id;
  const meetingId = data.meeting.id;
  const live = useLive(() => getGroupRecord(groupId), [groupId]);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [message, setMessage] = useState('');
  const item = data.items.find((i) => i.id === currentItemId);
  const place = { groupId, meetingId, itemId: item?.id ?? null };
  const where = item ? t.record.againstItem(item.title) : t.record.noItem;
  const people = data.people.filter((p) => p.status === 'active' || data.attendees.some((a) => a.personId === p.id));
  const done = (text: string) => {
    setPanel(null);
    setMessage(text);
  };
  const toggle = (next: Panel) => {
    setMessage('');
    setPanel(panel === next ? null : next);
  };
  return (
    <section class="record-panel" aria-labelledby="record-panel-title">
      <h2 id="record-panel-title">{t.record.panelTitle}</h2>
      <LiveView live={live}>
        {(record) => {
          if (!record) return null;
          const open = record.dissent.filter(isOpenDissent).sort((a, b) => a.createdAt - b.createdAt);
          return (
            <>
              <div class="actions">
                <button type="button" class="button" aria-expanded={panel === 'dissent'} onClick={() => toggle('dissent')}>
                  {t.record.parkDissent}
                </button>
                <button type="button" class="button button--secondary" aria-expanded={panel === 'decision'} onClick={() => toggle('decision')}>
                  {t.record.recordDecision}
                </button>
                <button type="button" class="button button--secondary" aria-expanded={panel === 'action'} onClick={() => toggle('action')}>
                  {t.record.addAction}
                </button>
                <button type="button" class="button button--secondary" aria-expanded={panel === 'register'} onClick={() => toggle('register')}>
                  {t.record.openRegisterCount(open.length)}
                </button>
              </div>
              <p role="status" class="field__hint">
                {message}
              </p>
              {panel === 'dissent' ? <DissentForm place={place} where={where} people={people} onDone={done} onCancel={() => setPanel(null)} /> : null}
              {panel === 'decision' ? (
                <DecisionForm
                  place={place}
                  where={where}
                  openDissent={open}
                  present={data.attendees.filter((a) => isHereAt(a, now())).length}
                  decidedElsewhereBy={item?.decidedBy.kind === 'elsewhere' ? item.decidedBy.who : null}
                  onDone={done}
                  onCancel={() => setPanel(null)}
                />
              ) : null}
              {panel === 'action' ? <ActionForm place={place} where={where} people={people} onDone={done} onCancel={() => setPanel(null)} /> : null}
              {panel === 'register' ? (
                <section class="record-panel__form" aria-labelledby="run-register-title">
                  <h3 id="run-register-title">{t.record.openRegister}</h3>
                  {open.length === 0 ? <p class="empty">{t.record.noOpenDissent}</p> : null}
                  <ul class="record-list">
                    {open.map((entry) => (
                      <DissentCard key={entry.id} entry={entry} record={record} meetingId={meetingId} />
                    ))}
                  </ul>
                  <div class="actions">
                    <a class="button button--secondary" href={pathOf({ name: 'register', groupId })}>
                      {t.record.fullRegister}
                    </a>
                    <button type="button" class="button button--secondary" onClick={() => setPanel(null)}>
                      {t.record.close}
                    </button>
                  </div>
                </section>
              ) : null}
              <ThisMeeting record={record} meetingId={meetingId} />
            </>
          );
        }}
      </LiveView>
    </section>
  );
}
