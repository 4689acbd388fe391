import { useState } from 'preact/hooks';
import type { GroundRule } from '../../domain/agenda-model';
import { moveRule } from '../../state/rules-actions';
import { t } from '../strings/all';
import { type RulesData, ids } from './rule-helpers';
import type { FocusAfterChange } from './focus-after-change';
import { RuleRow } from './RuleRow';

export function RuleList({ data, focus }: { data: RulesData; focus: FocusAfterChange }) {
  const [announcement, setAnnouncement] = useState('');
  const inPlay = data.rules.filter((r) => r.status !== 'retired');
  const retired = data.rules.filter((r) => r.status === 'retired');
  const shown = [...inPlay, ...retired];
  const meetingsById = new Map(data.meetings.map((m) => [m.id, m]));
  const agreedCount = inPlay.filter((r) => r.status === 'agreed').length;

  async function move(rule: GroundRule, delta: number) {
    const from = inPlay.findIndex((r) => r.id === rule.id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= inPlay.length) return;
    // Same button first; at an end, where it is disabled, the other one.
    focus.request(delta < 0 ? [ids.up(rule), ids.down(rule)] : [ids.down(rule), ids.up(rule)]);
    const result = await moveRule(inPlay, rule.id, delta);
    if (result.ok) setAnnouncement(t.rules.moved(to + 1));
    else focus.cancel();
  }

  return (
    <section aria-labelledby="heading-rules-list">
      <h2 id="heading-rules-list">{t.rules.yourRules}</h2>
      {shown.length === 0 ? (
        <p class="empty">{t.rules.none}</p>
      ) : (
        <>
          <p class="rules-count">{t.rules.agreedCount(agreedCount)}</p>
          <ol class="rule-list">
            {shown.map((rule, index) => (
              <RuleRow
                key={rule.id}
                rule={rule}
                number={index + 1}
                inPlay={inPlay}
                meetings={data.meetings}
                meetingsById={meetingsById}
                focus={focus}
                onMove={move}
              />
            ))}
          </ol>
        </>
      )}
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}
