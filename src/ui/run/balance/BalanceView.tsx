import { roomGroups, type Balance, type BalanceThresholds, type ShareBand } from '../../../domain/balance';
import type { Id, Perspective } from '../../../domain/model';
import { bandWords } from '../../band-words';
import { formatLength } from '../../format-duration';
import { t } from '../../strings/all';
import { perspectiveTone } from './people';

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);


interface BarRow {
  key: string;
  label: string;
  tone: number;
  headcount: number;
  talkMs: number;
  turns: number | null;
  fairMs: number;
  band: ShareBand | null;
  hidden: boolean;
}

function Bars({ rows, total, large }: { rows: BarRow[]; total: number; large?: boolean }) {
  if (total === 0) return <p class="empty">{t.balance.noTalkYet}</p>;
  return (
    <ul class={large ? 'bars bars--large' : 'bars'}>
      {rows.map((row) => (
        <li key={row.key} class={`bar-row tone-${row.tone}`}>
          <p class="bar-row__label">
            <strong>{row.label}</strong>
            {row.headcount === 0 ? ` — ${t.balance.nobodyFromGroup}` : row.hidden ? ` — ${t.balance.hiddenSmall}` : ` — ${bandWords(row.band)}`}
          </p>
          {row.headcount > 0 && !row.hidden ? (
            <>
              <div class="bar" aria-hidden="true">
                <div class="bar__fill" style={{ width: `${percent(row.talkMs, total)}%` }} />
                <div class="bar__fair" style={{ left: `${percent(row.fairMs, total)}%` }} />
              </div>
              <p class="bar-row__numbers">
                {row.turns === null
                  ? t.balance.roomRow(formatLength(row.talkMs), formatLength(row.fairMs))
                  : t.balance.groupRow(formatLength(row.talkMs), row.turns, formatLength(row.fairMs))}
              </p>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Per perspective group, for the chair: a bar for the talk, a mark for the fair share, and the same in words. */
export function GroupBars({ balance, perspectives }: { balance: Balance; perspectives: readonly Perspective[] }) {
  const ids = perspectives.map((p) => p.id);
  const rows: BarRow[] = balance.groups.map((group) => ({
    key: group.perspectiveId,
    label: perspectives.find((p) => p.id === group.perspectiveId)?.label ?? '',
    tone: perspectiveTone(ids, group.perspectiveId),
    headcount: group.headcount,
    talkMs: group.talkMs,
    turns: group.turns,
    fairMs: group.fairMs,
    band: group.band,
    hidden: false,
  }));
  return <Bars rows={rows} total={balance.totalTalkMs} />;
}

/** For the room: groups of three or more only (roomGroups), so nobody's own figures can be read off a bar. */
export function RoomBars({ balance, perspectives, thresholds }: { balance: Balance; perspectives: readonly Perspective[]; thresholds: BalanceThresholds }) {
  const ids = perspectives.map((p) => p.id);
  const rows: BarRow[] = roomGroups(balance, thresholds).map((group) => ({
    key: group.perspectiveId ?? 'other',
    label: group.perspectiveId === null ? t.balance.otherPerspectives : (perspectives.find((p) => p.id === group.perspectiveId)?.label ?? ''),
    tone: group.perspectiveId === null ? 0 : perspectiveTone(ids, group.perspectiveId),
    headcount: group.headcount,
    talkMs: group.talkMs,
    turns: null,
    fairMs: group.fairMs,
    band: group.band,
    hidden: group.hidden,
  }));
  return <Bars rows={rows} total={balance.totalTalkMs} large />;
}

export function Flags({ balance, names, perspectives }: { balance: Balance; names: ReadonlyMap<Id, string>; perspectives: readonly Perspective[] }) {
  const label = (id: Id) => perspectives.find((p) => p.id === id)?.label ?? '';
  const line = (who: string, f: { band: ShareBand | null; talkMs: number; fairMs: number }) =>
    t.balance.flagLine(who, bandWords(f.band), formatLength(f.talkMs), formatLength(f.fairMs));
  const lines = [
    ...balance.people.filter((p) => p.flag === 'over').map((p) => line(names.get(p.personId) ?? '', p)),
    ...balance.groups.filter((g) => g.flag !== null).map((g) => line(label(g.perspectiveId), g)),
  ];
  return (
    <section aria-labelledby="heading-flags" class="flags">
      <h3 id="heading-flags">{t.balance.flagsTitle}</h3>
      {lines.length === 0 ? (
        <p>{t.balance.noFlags}</p>
      ) : (
        <ul>
          {lines.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function NotYetHeard({
  balance,
  names,
  headingId,
  heardAfterMs,
  scopeLabel,
  anyoneHere,
}: {
  balance: Balance;
  names: ReadonlyMap<Id, string>;
  headingId: string;
  heardAfterMs: number;
  scopeLabel: string;
  anyoneHere: boolean;
}) {
  const rule = formatLength(heardAfterMs);
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t.balance.notYetHeardTitle}</h3>
      <p class="field__hint">{t.balance.notYetHeardRule(rule, scopeLabel)}</p>
      {balance.notYetHeard.length > 0 ? (
        <ol class="not-heard">
          {balance.notYetHeard.map((id) => (
            <li key={id}>{names.get(id)}</li>
          ))}
        </ol>
      ) : (
        <p>{anyoneHere ? t.balance.everyoneHeard(rule) : t.balance.nobodyHere}</p>
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
          <th scope="col">{t.balance.fairShare}</th>
          <th scope="col">{t.balance.againstFair}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.personId}>
            <th scope="row">{names.get(p.personId)}</th>
            <td>{perspectives.find((x) => x.id === p.perspectiveId)?.label}</td>
            <td>{formatLength(p.talkMs)}</td>
            <td>{p.turns}</td>
            <td>{formatLength(p.fairMs)}</td>
            <td>{bandWords(p.band)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
