import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { formatClock, formatIsoDay } from '../dates';
import { buildMeetingRecord, type AttendanceRow, type MeetingRecord } from '../../domain/meeting-record';
import { getRecordSource } from '../../db/export-repo';
import { now } from '../../state/clock';
import { pathOf } from '../routes';
import { useLive } from '../../state/use-live';
import { Radios } from '../components/fields';
import { LiveView } from '../components/LiveView';
import { NotFound } from '../components/NotFound';
import { PageTitle } from '../components/PageTitle';
import { RecordTable } from '../components/RecordTable';
import { Breadcrumb } from '../components/Breadcrumb';
import { SealedNotice } from '../checkin/SealedAnswers';
import { ExportPanel } from '../record/ExportPanel';
import { usePrintHead } from '../record/use-print-head';
import { attendanceParts, checkInCounts, decisionMeta, recordFacts, recordWords } from '../record/record-files';
import { bandWords } from '../band-words';
import { formatLength } from '../format-duration';
import { t } from '../strings/all';
import '../record.css';
import '../record-print.css';

const w = t.exports;
const clock = (at: number | null) => (at === null ? '' : formatClock(at));

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`record-${id}`} class="record-section">
      <h2 id={`record-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

function Present({ rows }: { rows: AttendanceRow[] }) {
  const a = w.attendance;
  if (rows.length === 0) return <p class="empty">{a.nobody}</p>;
  return (
    <RecordTable columns={[a.name, a.perspective, a.arrived, a.left, a.time]}>
      {rows.map((row) => (
        <tr key={row.personId}>
          <th scope="row">
            {row.name}
            {row.guest ? <span class="badge">{a.guest}</span> : null}
          </th>
          <td>{row.perspective}</td>
          <td>{clock(row.arrivedAt)}</td>
          <td>{clock(row.leftAt)}</td>
          <td>{formatLength(row.presentMs)}</td>
        </tr>
      ))}
    </RecordTable>
  );
}

function Apologies({ rows }: { rows: AttendanceRow[] }) {
  if (rows.length === 0) return <p class="empty">{w.attendance.noApologies}</p>;
  return (
    <ul class="record-names">
      {rows.map((row) => (
        <li key={row.personId}>
          {row.name} <span class="record-card__meta">({row.perspective})</span>
        </li>
      ))}
    </ul>
  );
}

function Agenda({ record }: { record: MeetingRecord }) {
  const a = w.agenda;
  if (record.agenda.length === 0) return <p class="empty">{a.none}</p>;
  return (
    <RecordTable columns={[a.item, a.planned, a.used, a.status]}>
      {record.agenda.map((row, i) => (
        <tr key={row.item.id}>
          <th scope="row">
            {i + 1}. {row.item.title}
            {row.lead ? <span class="record-card__meta">{a.lead(row.lead)}</span> : null}
          </th>
          <td>{formatLength(row.plannedMs)}</td>
          <td>{formatLength(row.usedMs)}</td>
          <td>{a.statuses[row.status]}</td>
        </tr>
      ))}
    </RecordTable>
  );
}

function Notes({ record }: { record: MeetingRecord }) {
  const withNotes = record.agenda.filter((row) => row.item.notes.trim());
  if (withNotes.length === 0) return <p class="empty">{w.noNotes}</p>;
  return (
    <>
      {withNotes.map((row) => (
        <div key={row.item.id}>
          <h3>{row.item.title}</h3>
          <p class="record-card__words">{row.item.notes}</p>
        </div>
      ))}
    </>
  );
}

function Decisions({ record }: { record: MeetingRecord }) {
  if (record.decisions.length === 0) return <p class="empty">{w.decisions.none}</p>;
  return (
    <ul class="record-list">
      {record.decisions.map((row) => (
        <li key={row.decision.id} class="record-card">
          <p class="record-card__text">{row.decision.text}</p>
          <p class="record-card__meta">{decisionMeta(row)}</p>
          {row.dissent.length > 0 ? (
            <>
              <p class="record-card__outcome">{w.decisions.standing}</p>
              <ul>
                {row.dissent.map((d, i) => (
                  <li key={i}>
                    <span class="record-card__words">{d.words}</span> <span class="record-card__meta">({d.by})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Dissent({ record }: { record: MeetingRecord }) {
  if (record.dissent.length === 0) return <p class="empty">{w.dissent.none}</p>;
  return (
    <ul class="record-list">
      {record.dissent.map(({ entry, by }) => (
        <li key={entry.id} class="record-card">
          <p class="record-card__words">{entry.words}</p>
          <p class="record-card__meta">
            {w.dissent.by(by)} · <span class={`status-tag status-tag--${entry.status}`}>{t.record.status[entry.status]}</span>
          </p>
          {entry.resolution ? <p class="record-card__outcome">{w.dissent.resolution(entry.resolution)}</p> : null}
        </li>
      ))}
    </ul>
  );
}

function Actions({ record }: { record: MeetingRecord }) {
  const a = w.actions;
  if (record.actions.length === 0) return <p class="empty">{a.none}</p>;
  return (
    <RecordTable columns={[a.what, a.owner, a.due, a.status]}>
      {record.actions.map(({ item, owner }) => (
        <tr key={item.id}>
          <th scope="row" class="record-table__words">
            {item.what}
          </th>
          <td>{owner}</td>
          <td>{formatIsoDay(item.due)}</td>
          <td>{t.record.actionStatus[item.status]}</td>
        </tr>
      ))}
    </RecordTable>
  );
}

function Glossary({ record }: { record: MeetingRecord }) {
  if (record.glossary.length === 0) return <p class="empty">{w.glossary.none}</p>;
  return (
    <dl class="facts">
      {record.glossary.map((term) => (
        <>
          <dt key={`${term.id}-t`}>{term.term}</dt>
          <dd key={`${term.id}-d`}>{term.explanation || w.glossary.notExplained}</dd>
        </>
      ))}
    </dl>
  );
}

function BalanceTable({ rows, caption, first }: { rows: MeetingRecord['balance']['groups']; caption: string; first: string }) {
  const b = w.balance;
  return (
    <RecordTable caption={caption} columns={[first, b.talk, b.turns, b.fair, b.share]}>
      {rows.map((row) => (
        <tr key={row.who}>
          <th scope="row">{row.who}</th>
          <td>{formatLength(row.talkMs)}</td>
          <td>{row.turns}</td>
          <td>{formatLength(row.fairMs)}</td>
          <td>{bandWords(row.band)}</td>
        </tr>
      ))}
    </RecordTable>
  );
}

function Balance({ record, perPerson }: { record: MeetingRecord; perPerson: boolean }) {
  const b = w.balance;
  if (record.balance.totalTalkMs === 0) return <p class="empty">{b.none}</p>;
  return (
    <>
      <p>
        {b.total(formatLength(record.balance.totalTalkMs))} {b.crossTalk(formatLength(record.balance.crossTalkMs))}
      </p>
      <BalanceTable rows={record.balance.groups} caption={b.groupsCaption} first={b.group} />
      {perPerson ? <BalanceTable rows={record.balance.people} caption={b.peopleCaption} first={b.person} /> : null}
    </>
  );
}

function CheckIn({ record }: { record: MeetingRecord }) {
  const c = record.checkIn;
  return (
    <>
      <SealedNotice meetingId={record.meeting.id} />
      <p>{c.checkedIn === 0 ? w.checkIn.none : w.checkIn.counts(c.checkedIn, c.named)}</p>
      <p>{w.checkIn.oneToOnes(c.oneToOnes)}</p>
      {c.prompts.map((prompt, i) => (
        <div key={i} class="record-prompt">
          <h3>{prompt.question}</h3>
          <p class="record-card__meta">{w.checkIn.answered(prompt.answered)}</p>
          {prompt.kind === 'text' ? (
            <ul>
              {prompt.texts.map((text, j) => (
                <li key={j}>
                  <span class="record-card__words">{text.text}</span>
                  {text.by ? <span class="record-card__meta"> ({text.by})</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <ul class="record-counts">
              {checkInCounts(prompt).map(({ label, count }) => (
                <li key={label}>
                  {label}: <strong>{count}</strong>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </>
  );
}

export function RecordView({ record, perPerson }: { record: MeetingRecord; perPerson: boolean }) {
  const s = w.sections;
  usePrintHead(record.meeting.title);
  const { present, apologies } = attendanceParts(record);
  return (
    <>
      <dl class="facts">
        {recordFacts(record).map((fact) => (
          <>
            <dt key={`${fact.label}-t`}>{fact.label}</dt>
            <dd key={`${fact.label}-d`}>{fact.value}</dd>
          </>
        ))}
      </dl>
      <Section id="attendance" title={s.attendance}>
        <Present rows={present} />
      </Section>
      <Section id="apologies" title={s.apologies}>
        <Apologies rows={apologies} />
      </Section>
      <Section id="agenda" title={s.agenda}>
        <Agenda record={record} />
      </Section>
      <Section id="notes" title={s.notes}>
        <Notes record={record} />
      </Section>
      <Section id="decisions" title={s.decisions}>
        <Decisions record={record} />
      </Section>
      <Section id="dissent" title={s.dissent}>
        <Dissent record={record} />
      </Section>
      <Section id="actions" title={s.actions}>
        <Actions record={record} />
      </Section>
      <Section id="glossary" title={s.glossary}>
        <Glossary record={record} />
      </Section>
      <Section id="balance" title={s.balance}>
        <Balance record={record} perPerson={perPerson} />
      </Section>
      <Section id="checkin" title={s.checkIn}>
        <CheckIn record={record} />
      </Section>
    </>
  );
}

/** The record of one meeting, with its exports: what happened, who was there, who was heard. */
export function RecordScreen({ meetingId }: { meetingId: string }) {
  const live = useLive(() => getRecordSource(meetingId), [meetingId]);
  const [names, setNames] = useState(false);
  const [perPerson, setPerPerson] = useState(false);
  const source = live.status === 'ready' ? live.value : null;
  const record = useMemo(() => (source ? buildMeetingRecord(source, { names, now: now(), words: recordWords }) : null), [source, names]);
  return (
    <LiveView live={live}>
      {() => {
        if (!record) return <NotFound message={w.notFound} />;
        const { meeting } = record;
        return (
          <div class="record-page">
            <Breadcrumb href={pathOf({ name: 'meeting', meetingId })} text={w.backToMeeting(meeting.title)} />
            <PageTitle text={w.title(meeting.title)} />
            {meeting.state === 'not-started' ? <p class="notice">{w.notStarted}</p> : null}
            {meeting.state === 'running' || meeting.state === 'closing' ? <p class="notice">{w.stillRunning}</p> : null}
            <div class="record-controls">
              <Radios
                name="record-names"
                legend={w.names.legend}
                hint={w.names.hint}
                value={names ? 'yes' : 'no'}
                choices={[
                  { value: 'no', label: w.names.no },
                  { value: 'yes', label: w.names.yes },
                ]}
                onChange={(value) => setNames(value === 'yes')}
              />
              <label class="checkbox">
                <input type="checkbox" checked={perPerson} onChange={(e) => setPerPerson((e.currentTarget as HTMLInputElement).checked)} />
                <span>{w.perPerson}</span>
              </label>
            </div>
            <RecordView record={record} perPerson={perPerson} />
            <ExportPanel record={record} perPerson={perPerson} />
          </div>
        );
      }}
    </LiveView>
  );
}
