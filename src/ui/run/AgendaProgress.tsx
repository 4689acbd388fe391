import { timeboxMs } from '../../domain/agenda';
import type { RunShape } from '../../domain/meeting-clock';
import type { RunData } from '../../db/run-repo';
import { clockTap } from '../../state/run-actions';
import { formatLength } from '../format-duration';
import { t } from '../strings/all';

/** What is left of the agenda, with a start and a defer for each, and what is done, with the time it took. */
export function AgendaProgress({ data, run }: { data: RunData; run: RunShape }) {
  const pending = data.items.filter((i) => run.itemStatus[i.id] === 'pending');
  const finished = data.items.filter((i) => run.itemStatus[i.id] === 'done' || run.itemStatus[i.id] === 'deferred');
  return (
    <div class="progress-lists">
      {/* "Still to come" only when something is. */}
      {pending.length > 0 ? (
        <section aria-labelledby="heading-to-come">
          <h2 id="heading-to-come">{t.run.agendaLeft}</h2>
          <ol class="list">
            {pending.map((item) => (
              <li key={item.id} class="list-row">
                <span class="list-row__title">{item.title}</span>
                <span class="list-row__meta">{t.agenda.minutes(item.timeboxMinutes)}</span>
                {run.phase !== 'closing' ? (
                  <div class="actions actions--row">
                    <button
                      type="button"
                      class="button button--secondary button--small"
                      aria-label={t.run.startItemNamed(item.title)}
                      onClick={() => void clockTap(data.meeting.id, 'item', item.id)}
                    >
                      {t.run.startItemNow}
                    </button>
                    <button
                      type="button"
                      class="button button--secondary button--small"
                      aria-label={t.run.deferNamed(item.title)}
                      onClick={() => void clockTap(data.meeting.id, 'defer', item.id)}
                    >
                      {t.run.defer}
                    </button>
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {finished.length > 0 ? (
        <section aria-labelledby="heading-done">
          <h2 id="heading-done">{t.run.doneItems}</h2>
          <ol class="list">
            {finished.map((item) => (
              <li key={item.id} class="list-row">
                <span class="list-row__title">{item.title}</span>
                <span class="list-row__meta">
                  {run.itemStatus[item.id] === 'deferred'
                    ? t.run.deferred
                    : t.run.usedOfPlanned(formatLength(run.itemElapsedMs[item.id] ?? 0), formatLength(timeboxMs(item.timeboxMinutes)))}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

