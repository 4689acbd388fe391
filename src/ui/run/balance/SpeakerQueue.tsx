import type { QueueEntry } from '../../../domain/balance-model';
import type { Id } from '../../../domain/model';
import type { QueueMode } from '../../../domain/speaker-queue';
import { clearQueueOrder, giveFloor, leaveQueue, moveQueueEntry, type TapContext } from '../../../state/balance-actions';
import { saveBalancePreferences, type BalancePreferences } from '../../../state/preferences';
import { Radios } from '../../components/fields';
import { t } from '../../strings/all';

export function SpeakerQueue({
  meetingId,
  groupId,
  tapContext,
  ordered,
  all,
  names,
  preferences,
}: {
  meetingId: Id;
  groupId: Id;
  tapContext: TapContext;
  ordered: QueueEntry[];
  all: QueueEntry[];
  names: ReadonlyMap<Id, string>;
  preferences: BalancePreferences;
}) {
  const top = ordered[0];
  return (
    <section aria-labelledby="heading-queue" class="queue">
      <h3 id="heading-queue">{t.balance.queueTitle}</h3>
      <Radios
        name="queue-mode"
        legend={t.balance.queueOrder}
        value={preferences.queueMode}
        choices={[
          { value: 'asked', label: t.balance.queueAsked },
          { value: 'least-heard', label: t.balance.queueLeastHeard },
        ]}
        onChange={async (mode) => {
          await clearQueueOrder(all);
          await saveBalancePreferences(groupId, { ...preferences, queueMode: mode as QueueMode });
        }}
      />
      {ordered.length === 0 ? (
        <p class="empty">{t.balance.queueEmpty}</p>
      ) : (
        <>
          {top ? (
            <button type="button" class="button button--start" onClick={() => void giveFloor(meetingId, top, tapContext)}>
              {t.balance.nextSpeaker(names.get(top.personId) ?? '')}
            </button>
          ) : null}
          <ol class="list queue__list">
            {ordered.map((entry, index) => {
              const name = names.get(entry.personId) ?? '';
              return (
                <li key={entry.id} class="list-row">
                  <span class="list-row__title">{name}</span>
                  <div class="actions actions--row">
                    <button
                      type="button"
                      class="button button--secondary button--small"
                      aria-label={t.balance.moveUpNamed(name)}
                      disabled={index === 0}
                      onClick={() => void moveQueueEntry(ordered, entry.id, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      class="button button--secondary button--small"
                      aria-label={t.balance.moveDownNamed(name)}
                      disabled={index === ordered.length - 1}
                      onClick={() => void moveQueueEntry(ordered, entry.id, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      class="button button--secondary button--small"
                      aria-label={t.balance.removeNamed(name)}
                      onClick={() => void leaveQueue(entry)}
                    >
                      {t.balance.remove}
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
