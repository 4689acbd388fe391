import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Response } from '../../domain/checkin-model';
import { isoDay } from '../../domain/dates';
import { formatIsoDay } from '../dates';
import type { ErasureWords, WordsChoice } from '../../domain/erasure';
import type { SummaryWords } from '../../domain/summary';
import { recordCount, type SubjectAccess, type SubjectWords } from '../../domain/subject-access';
import { readPersonPage, type PersonPage } from '../../db/erasure-repo';
import { now } from '../../state/clock';
import { erasePerson } from '../../state/privacy-actions';
import { pathOf } from '../routes';
import { useLive } from '../../state/use-live';
import { LiveFound } from '../components/LiveView';
import { PageTitle } from '../components/PageTitle';
import { RecordTable } from '../components/RecordTable';
import { Breadcrumb } from '../components/Breadcrumb';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDuration } from '../format-duration';
import { fileSlug, type RecordFile } from '../record/record-files';
import { canShareFiles } from '../record/save-file';
import { useFileMaker } from '../record/use-file-maker';
import { t } from '../strings/all';
import '../record-print.css';
import { ruleWords } from '../rule-words';

const w = t.privacy.person;

function responseWords(response: Response): string {
  if (response.kind === 'text') return response.value;
  if (response.kind === 'faces') {
    const labels = response.of === 5 ? t.checkin.faces5 : t.checkin.faces3;
    return w.faces(labels[response.value - 1] ?? '', response.value, response.of);
  }
  const choice = t.checkin.choices[response.value];
  return response.words ? w.choiceWords(choice, response.words) : choice;
}

/** The catalogue's words for what is stored: the pseudonym and the deleted-words note are written into the records. */
const WORDS: SubjectWords & ErasureWords & SummaryWords = {
  personStatus: w.statuses,
  areIn: t.arein.roles,
  dissentStatus: t.record.status,
  actionStatus: t.record.actionStatus,
  response: responseWords,
  mention: w.mention,
  // Getters: words read when this module loads would stay in en-GB if another locale loads later.
  get pseudonym() {
    return w.pseudonym;
  },
  get wordsDeleted() {
    return w.wordsDeleted;
  },
  // A summary sent again after the erasure is made with the same words as at a meeting's close.
  get standIn() {
    return t.sync.summaryWords.standIn;
  },
  get untitledItem() {
    return t.sync.summaryWords.untitledItem;
  },
};

const day = (iso: string) => (iso ? formatIsoDay(iso) : '');

function holdsFile(doc: SubjectAccess): RecordFile {
  return {
    name: `${fileSlug(doc.person.name)}-what-heard-holds-${isoDay(doc.made)}.json`,
    type: 'application/json',
    text: `${JSON.stringify(doc, null, 2)}\n`,
  };
}

function FileButtons({ doc }: { doc: SubjectAccess }) {
  const { message, makeFile } = useFileMaker(w);
  const file = () => holdsFile(doc);
  const run = (how: 'download' | 'share') => makeFile(file, how);
  return (
    <div class="record-controls">
      <div class="actions">
        <button type="button" class="button" onClick={() => window.print()}>
          {w.print}
        </button>
        <button type="button" class="button button--secondary" onClick={() => void run('download')}>
          {w.download}
        </button>
        {canShareFiles(file()) ? (
          <button type="button" class="button button--secondary" onClick={() => void run('share')}>
            {w.share}
          </button>
        ) : null}
      </div>
      <p role="status" class="field__hint">
        {message}
      </p>
    </div>
  );
}

/** One part of what is held: its title with how many, then `children` (drawn only when there are some), or `empty`. */
function Held({ title, id, count, empty = t.privacy.none, children }: { title: string; id: string; count: number; empty?: string; children: () => ComponentChildren }) {
  return (
    <section aria-labelledby={id} class="record-section">
      <h3 id={id}>
        {title} ({count})
      </h3>
      {count === 0 ? <p class="empty">{empty}</p> : children()}
    </section>
  );
}

function List<T>({ title, id, rows, children }: { title: string; id: string; rows: readonly T[]; children: (row: T) => ComponentChildren }) {
  return (
    <Held title={title} id={id} count={rows.length}>
      {() => <ul>{rows.map(children)}</ul>}
    </Held>
  );
}

/** A table of what is held: the first cell of each row names it. */
function HoldsTable({ cols, rows }: { cols: readonly string[]; rows: readonly (readonly ComponentChildren[])[] }) {
  return (
    <RecordTable columns={cols}>
      {rows.map(([first, ...rest], i) => (
        <tr key={i}>
          <th scope="row">{first}</th>
          {rest.map((cell, j) => (
            <td key={j}>{cell}</td>
          ))}
        </tr>
      ))}
    </RecordTable>
  );
}

function Holds({ doc }: { doc: SubjectAccess }) {
  const { person } = doc;
  return (
    <section aria-labelledby="heading-holds" class="record-section">
      <h2 id="heading-holds">{w.holdsTitle(person.name)}</h2>
      <p>
        {w.holdsIntro} {w.recordCount(recordCount(doc))}
      </p>
      <FileButtons doc={doc} />
      <h3>{w.roster}</h3>
      <dl class="facts">
        <dt>{w.name}</dt>
        <dd>{person.name}</dd>
        <dt>{w.group}</dt>
        <dd>{doc.group}</dd>
        <dt>{w.perspective}</dt>
        <dd>{person.perspective}</dd>
        <dt>{w.status}</dt>
        <dd>{person.guest ? w.guest : person.status}</dd>
        <dt>{w.areIn}</dt>
        <dd>{person.areIn.length ? person.areIn.join(', ') : w.noneMarked}</dd>
      </dl>
      <Held title={w.meetings} id="holds-meetings" count={doc.meetings.length} empty={w.meetingsNone}>
        {() => (
          <HoldsTable
            cols={w.meetingCols}
            rows={doc.meetings.map((m) => [
              m.title,
              day(m.date),
              w.attendance(m),
              formatDuration(m.talkSeconds * 1000),
              m.turns,
              m.askedToSpeak,
              m.checkedIn ? t.privacy.yes : t.privacy.no,
              m.itemsLed.join('; '),
            ])}
          />
        )}
      </Held>
      <List title={w.dissent} id="holds-dissent" rows={doc.dissent}>
        {(d) => (
          <li>
            “{d.words}” <span class="record-card__meta">{[d.status, w.atMeeting(d.meeting, day(d.date))].filter(Boolean).join(' · ')}</span>
          </li>
        )}
      </List>
      <List title={w.actions} id="holds-actions" rows={doc.actions}>
        {(a) => (
          <li>
            {a.what} <span class="record-card__meta">{w.actionLine(day(a.due), a.status, a.meeting)}</span>
          </li>
        )}
      </List>
      <List title={w.answers} id="holds-answers" rows={doc.checkInAnswers}>
        {(a) => (
          <li>
            {w.atMeeting(a.meeting, day(a.date))}
            <ul>
              {a.answers.map((answer, i) => (
                <li key={i}>
                  {answer.question} — {answer.answer}
                </li>
              ))}
            </ul>
          </li>
        )}
      </List>
      <List title={w.oneToOnes} id="holds-one-to-ones" rows={doc.oneToOnes}>
        {(o) => (
          <li>
            {o.contact} <span class="record-card__meta">{w.atMeeting(o.meeting, day(o.date))}</span>
          </li>
        )}
      </List>
      <List title={w.glossary} id="holds-glossary" rows={doc.glossary}>
        {(g) => (
          <li>
            {g.term}
            {g.explanation ? ` — ${g.explanation}` : ''}
          </li>
        )}
      </List>
      <Held title={w.mentions} id="holds-mentions" count={doc.mentions.length}>
        {() => <HoldsTable cols={w.mentionCols} rows={doc.mentions.map((m) => [m.record, m.meeting, m.text])} />}
      </Held>
    </section>
  );
}

function Erase({ page, onErased }: { page: PersonPage; onErased: (pseudonym: string) => void }) {
  const [choice, setChoice] = useState<WordsChoice>('keep');
  const [problem, setProblem] = useState('');
  const plan = page.preview[choice];
  const { counts, pseudonym } = plan;
  const theirWords = counts.dissent + counts.namedAnswers;
  return (
    <section aria-labelledby="heading-erase" class="record-controls">
      <h2 id="heading-erase">{w.eraseTitle(page.name)}</h2>
      {page.meetingInProgress || page.checkInSealed ? (
        <p class="warning">{page.meetingInProgress ? w.inProgress : w.checkInSealed}</p>
      ) : (
        <form
          noValidate
          onSubmit={async (event) => {
            event.preventDefault();
            setProblem('');
            const result = await erasePerson(page.groupId, page.personId, choice, WORDS);
            if (result.ok) onErased(result.value);
            else setProblem(result.rule ? ruleWords(result.rule, { 'meeting-in-progress': w.inProgress, 'checkin-sealed': w.checkInSealed }) : t.privacy.problems.other);
          }}
        >
          <p>{w.eraseIntro}</p>
          <ul>
            <li>{w.willReplace(pseudonym)}</li>
            <li>{w.willKeep(page.holds.person.perspective)}</li>
            {counts.mentions > 0 ? <li>{w.willMentions(counts.mentions)}</li> : null}
            {counts.oneToOnes > 0 ? <li>{w.willOneToOnes(counts.oneToOnes)}</li> : null}
            {counts.outbox > 0 ? <li>{w.willOutbox(counts.outbox)}</li> : null}
            <li>{w.willLeave}</li>
          </ul>
          <p>{w.willFiles}</p>
          <p>{page.tellsOffice ? w.officeYes(pseudonym) : w.officeNo}</p>
          {theirWords > 0 ? (
            <fieldset class="fieldset">
              <legend class="fieldset__legend">{w.wordsLegend(counts.dissent, counts.namedAnswers)}</legend>
              {(
                [
                  ['keep', w.keepWords, w.keepWordsHint],
                  ['delete', w.deleteWords, w.deleteWordsHint],
                ] as const
              ).map(([value, label, hint]) => (
                <div key={value}>
                  <label class="checkbox">
                    <input type="radio" name="their-words" value={value} checked={choice === value} aria-describedby={`words-${value}-hint`} onChange={() => setChoice(value)} />
                    <span>{label}</span>
                  </label>
                  <p id={`words-${value}-hint`} class="field__hint">
                    {hint}
                  </p>
                </div>
              ))}
            </fieldset>
          ) : null}
          <p>
            <strong>{t.privacy.cannotUndo}</strong>
          </p>
          <ProblemAlert problem={problem} />
          <button type="submit" class="button button--warning">
            {w.eraseTitle(page.name)}
          </button>
        </form>
      )}
    </section>
  );
}

export function PersonScreen({ groupId, personId }: { groupId: string; personId: string }) {
  const page = useLive(() => readPersonPage(groupId, personId, now(), WORDS), [groupId, personId]);
  const [erasedAs, setErasedAs] = useState('');
  return (
    <LiveFound live={page} notFound={w.notFound}>
      {(found) => (
        <div class="record-page">
          <Breadcrumb href={pathOf({ name: 'group', groupId })} text={t.privacy.groupLink(found.groupName)} />
          <PageTitle text={found.name} />
          <div role="status">
            {erasedAs ? (
              <div class="notice">
                <p>{w.erased(erasedAs)}</p>
                <a href={pathOf({ name: 'group', groupId })}>{w.backToGroup}</a>
              </div>
            ) : null}
          </div>
          {found.erased && !erasedAs ? <p class="notice">{w.erasedNotice(found.name)}</p> : null}
          <Holds doc={found.holds} />
          {found.erased ? null : <Erase page={found} onErased={setErasedAs} />}
        </div>
      )}
    </LiveFound>
  );
}
