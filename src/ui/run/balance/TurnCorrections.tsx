import { useState } from 'preact/hooks';
import { turnMs } from '../../../domain/balance';
import type { Turn } from '../../../domain/balance-model';
import { formatClock } from '../../dates';
import { changeSpeaker, removeTurn, shorten } from '../../../state/balance-actions';
import { SelectField, TextField } from '../../components/fields';
import { formatDuration } from '../../format-duration';
import { t } from '../../strings/all';
import type { Participant } from './people';
import { ruleWords } from '../../rule-words';

const CROSS_TALK = '';

function TurnRow({ turn, n, everyone, now }: { turn: Turn; n: number; everyone: Participant[]; now: number }) {
  const [seconds, setSeconds] = useState(String(Math.round(turnMs(turn, now) / 1000)));
  const [problem, setProblem] = useState<string | undefined>();
  return (
    <li class="turn-row">
      <p class="list-row__meta">
        {t.balance.turnAt(formatClock(turn.startedAt), turn.endedAt === null ? t.balance.running : formatDuration(turnMs(turn, now)))}
      </p>
      <SelectField
        id={`turn-${turn.id}-speaker`}
        label={t.balance.turnSpeaker(n)}
        value={turn.personId ?? CROSS_TALK}
        choices={[...everyone.map((p) => ({ value: p.person.id, label: p.person.name })), { value: CROSS_TALK, label: t.balance.crossTalk }]}
        onChange={(personId) => void changeSpeaker(turn, personId || null)}
      />
      <div class="field-row">
        <TextField
          id={`turn-${turn.id}-length`}
          type="number"
          width="short"
          label={t.balance.turnLength(n)}
          value={seconds}
          error={problem}
          onInput={setSeconds}
        />
        <div class="actions actions--row">
          <button
            type="button"
            class="button button--secondary button--small"
            aria-label={t.balance.shortenNamed(n)}
            onClick={async () => {
              const result = await shorten(turn, Number(seconds) * 1000);
              setProblem(!result.ok && result.rule ? ruleWords(result.rule, t.balance.turnProblems) : undefined);
            }}
          >
            {t.balance.shorten}
          </button>
          <button type="button" class="button button--warning button--small" aria-label={t.balance.deleteTurnNamed(n)} onClick={() => void removeTurn(turn)}>
            {t.balance.deleteTurn}
          </button>
        </div>
      </div>
    </li>
  );
}

/** Mistakes happen: who spoke, and for how long, can be put right after the fact. */
export function TurnCorrections({ turns, everyone, now }: { turns: readonly Turn[]; everyone: Participant[]; now: number }) {
  // A long item has hundreds of turns: build their forms only when the chair opens the list.
  const [open, setOpen] = useState(false);
  const ordered = open ? [...turns].sort((a, b) => a.startedAt - b.startedAt) : [];
  return (
    <details class="details" onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t.balance.correctTitle}</summary>
      <p class="field__hint">{t.balance.correctHint}</p>
      {!open ? null : ordered.length === 0 ? (
        <p class="empty">{t.balance.noTurns}</p>
      ) : (
        <ol class="list">
          {ordered.map((turn, index) => (
            <TurnRow key={`${turn.id}:${turn.endedAt}`} turn={turn} n={index + 1} everyone={everyone} now={now} />
          ))}
        </ol>
      )}
    </details>
  );
}
