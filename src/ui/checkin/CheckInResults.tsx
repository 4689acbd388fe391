import { choiceCountsShown, summarise, type PromptSummary } from '../../domain/checkin';
import type { FaceCount } from '../../domain/checkin-model';
import { getCheckInResults, type CheckInResults as Results } from '../../db/checkin-repo';
import { closeMeetingAfterCheckIn } from '../../state/checkin-actions';
import { go, pathOf } from '../routes';
import { useLive } from '../../state/use-live';
import { LiveFound } from '../components/LiveView';
import { PageTitle } from '../components/PageTitle';
import { Breadcrumb } from '../components/Breadcrumb';
import { ListSection } from '../components/ListSection';
import { t } from '../strings/all';
import { faceLabels } from './answers';
import { Face, faceMood } from './pictures';
import { SealedAnswers } from './SealedAnswers';
import { nameCollator } from '../strings/locale';

function rowsOf(summary: PromptSummary): { label: string; count: number; mood?: number }[] {
  if (summary.kind === 'choice') return choiceCountsShown(summary.counts).map(({ answer, count }) => ({ label: t.checkin.choices[answer], count }));
  const of = (summary.counts.length === 5 ? 5 : 3) as FaceCount;
  return faceLabels(of).map((label, i) => ({ label, mood: faceMood(of, i + 1), count: summary.counts[i] ?? 0 }));
}

function Summary({ summary, names, index }: { summary: PromptSummary; names: Map<string, string>; index: number }) {
  const id = `result-${index}`;
  return (
    <section class="results-question" aria-labelledby={id}>
      <h3 id={id}>{summary.question}</h3>
      <p class="field__hint">{t.checkin.answeredBy(summary.answered)}</p>
      {summary.kind === 'text' ? (
        <ul>
          {summary.texts.map((text, i) => (
            <li key={i}>
              {text.text}
              {text.personId ? ` — ${names.get(text.personId) ?? ''}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <table class="results-table">
          <thead>
            <tr>
              <th scope="col">{t.checkin.answer}</th>
              <th scope="col">{t.checkin.count}</th>
            </tr>
          </thead>
          <tbody>
            {rowsOf(summary).map((row) => (
              <tr key={row.label}>
                <td>
                  {row.mood !== undefined ? <Face mood={row.mood} /> : null} {row.label}
                </td>
                <td class="results-table__count">{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ResultsBody({ results }: { results: Results }) {
  const { detail, answers, marks, oneToOnes, glossary } = results;
  const meetingId = detail.meeting.id;
  const names = new Map(detail.people.map((p) => [p.id, p.name]));
  const marked = marks.map((m) => names.get(m.personId) ?? '').filter(Boolean).sort(nameCollator().compare);
  const closed = detail.meeting.state === 'closed';
  return (
    <>
      <Breadcrumb href={pathOf({ name: 'run', meetingId })} text={t.checkin.backToMeeting} />
      <PageTitle text={t.checkin.resultsTitle} />
      <p class="lede">{detail.meeting.title}</p>
      <SealedAnswers meetingId={meetingId} />
      {answers.length === 0 ? <p class="empty">{t.checkin.noAnswers}</p> : <p class="current-item__title">{t.checkin.checkedIn(answers.length)}</p>}
      {marked.length > 0 ? <p>{t.checkin.namedMarks(marked.join(', '))}</p> : null}
      {answers.length > 0 && answers.length < 3 ? <p class="warning">{t.checkin.fewWarning}</p> : null}
      {answers.length > 0 ? <h2>{t.checkin.byQuestion}</h2> : null}
      {summarise(answers).map((summary, i) => (
        <Summary key={summary.promptId} summary={summary} names={names} index={i} />
      ))}
      <section aria-labelledby="glossary-title">
        <h2 id="glossary-title">{t.checkin.glossaryTitle}</h2>
        {glossary.length === 0 ? (
          <p class="empty">{t.checkin.noGlossary}</p>
        ) : (
          <>
            <p class="field__hint">{t.checkin.glossaryHint}</p>
            <ul>
              {glossary.map((g) => (
                <li key={g.id}>{g.term}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <ListSection id="one-to-ones-title" title={t.checkin.oneToOnesTitle} items={oneToOnes} empty={t.checkin.noOneToOnes}>
        {(o) => <li key={o.id}>{o.contact}</li>}
      </ListSection>
      {closed ? (
        <p class="notice">{t.checkin.closed}</p>
      ) : (
        <div class="actions">
          <button
            type="button"
            class="button button--start"
            onClick={async () => {
              const result = await closeMeetingAfterCheckIn(meetingId, t.sync.summaryWords);
              if (result.ok) go({ name: 'run', meetingId });
            }}
          >
            {t.checkin.closeMeeting}
          </button>
          <a class="button button--secondary" href={pathOf({ name: 'run', meetingId })}>
            {t.checkin.startAgain}
          </a>
        </div>
      )}
    </>
  );
}

/** The chair's view once unlocked: how many, counts per answer, words raised, one-to-ones. */
export function CheckInResults({ meetingId }: { meetingId: string }) {
  const results = useLive(() => getCheckInResults(meetingId), [meetingId]);
  return <LiveFound live={results} notFound={t.meeting.notFound}>{(found) => <ResultsBody results={found} />}</LiveFound>;
}
