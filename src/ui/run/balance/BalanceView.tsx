import type { Balance } from '../../../domain/balance';
import type { Id, Perspective } from '../../../domain/model';
import { formatDuration } from '../../format-duration';
import { t } from '../../strings/all';
import { perspectiveTone } from './people';

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);
const times = (ratio: number) => (Math.round(ratio * 10) / 10).toString();

function flagWords(flag: 'over' | 'under' | null): string {
  return flag === 'over' ? t.balance.flagOver : flag === 'under' ? t.balance.flagUnder : t.balance.flagFair;
}

/** Per perspective group: a bar for the share of talk, a mark for the fair share, and the same in words. */
export function GroupBars({
  balance,
  perspectives,
  settled,
  large,
}: {
  balance: Balance;
  perspectives: readonly Perspective[];
  /** False until enough has been said for flags to mean anything. */
  settled: boolean;
  large?: boolean;
}) {
  const ids = perspectives.map((p) => p.id);
  if (balance.totalTalkMs === 0) return <p class="empty">{t.balance.noTalkYet}</p>;
  return (
    <ul class={large ? 'bars bars--large' : 'bars'}>
      {balance.groups.map((group) => {
        const perspective = perspectives.find((p) => p.id === group.perspectiveId);
        const share = percent(group.talkMs, balance.totalTalkMs);
        const fair = percent(group.fairMs, balance.totalTalkMs);
        return (
          <li key={group.perspectiveId} class={`bar-row tone-${perspectiveTone(ids, group.perspectiveId)}`}>
            <p class="bar-row__label">
              <strong>{perspective?.label}</strong>
              {group.headcount === 0 ? ` — ${t.balance.nobodyFromGroup}` : ` — ${settled ? flagWords(group.flag) : t.balance.tooEarly}`}
            </p>
            {group.headcount > 0 ? (
              <>
                <div class="bar" aria-hidden="true">
                  <div class="bar__fill" style={{ width: `${share}%` }} />
                  <div class="bar__fair" style={{ left: `${fair}%` }} />
                </div>
                <p class="bar-row__numbers">{t.balance.groupRow(formatDuration(group.talkMs), group.turns, share, fair)}</p>
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export function Flags({ balance, names, perspectives }: { balance: Balance; names: ReadonlyMap<Id, string>; perspectives: readonly Perspective[] }) {
  const label = (id: Id) => perspectives.find((p) => p.id === id)?.label ?? '';
  const lines = [
    ...balance.people
      .filter((p) => p.flag === 'over')
      .map((p) => t.balance.flagPersonOver(names.get(p.personId) ?? '', times(p.talkMs / p.fairMs))),
    ...balance.groups.filter((g) => g.flag === 'over').map((g) => t.balance.flagGroupOver(label(g.perspectiveId), times(g.talkMs / g.fairMs))),
    ...balance.groups
      .filter((g) => g.flag === 'under')
      .map((g) => t.balance.flagGroupUnder(label(g.perspectiveId), `${percent(g.talkMs, g.fairMs)}%`)),
  ];
  return (
    <section aria-labelledby="heading-flags" class="flags">
      <h3 id="heading-flags">{t.balance.flagsTitle}</h3>
      {lines.length === 0 ? (
        <p>{t.balance.noFlags}</p>
      ) : (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function NotYetHeard({ balance, names, headingId }: { balance: Balance; names: ReadonlyMap<Id, string>; headingId: string }) {
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t.balance.notYetHeardTitle}</h3>
      {balance.notYetHeard.length === 0 ? (
        <p>{t.balance.everyoneHeard}</p>
      ) : (
        <ol class="not-heard">
          {balance.notYetHeard.map((id) => (
            <li key={id}>{names.get(id)}</li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function PeopleTable({ balance, names, perspectives }: { balance: Balance; names: ReadonlyMap<Id, string>; perspectives: readonly Perspective[] }) {
  const rows = [...balance.people].sort((a, b) => b.talkMs - a.talkMs);
  return (
    <table class="people-table">
      <caption>{t.balance.peopleTitle}</caption>
      <thead>
        <tr>
          <th scope="col">{t.balance.person}</th>
          <th scope="col">{t.balance.group}</th>
          <th scope="col">{t.balance.talk}</th>
          <th scope="col">{t.balance.turns}</th>
          <th scope="col">{t.balance.share}</th>
          <th scope="col">{t.balance.fairShare}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.personId}>
            <th scope="row">
              {names.get(p.personId)}
              {p.flag === 'over' ? <span class="badge badge--warning">{t.balance.flagOver}</span> : null}
            </th>
            <td>{perspectives.find((x) => x.id === p.perspectiveId)?.label}</td>
            <td>{formatDuration(p.talkMs)}</td>
            <td>{p.turns}</td>
            <td>{percent(p.talkMs, balance.totalTalkMs)}%</td>
            <td>{percent(p.fairMs, balance.totalTalkMs)}%</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
