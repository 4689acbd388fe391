import { useEffect, useRef, useState } from 'preact/hooks';
import type { GroundRule } from '../../domain/agenda-model';
import type { Id, Meeting } from '../../domain/model';
import { restore, retire } from '../../state/rules-actions';
import { t } from '../strings/all';
import { statusWords, ids } from './rule-helpers';
import { focusFirst, type FocusAfterChange } from './focus-after-change';
import { EditRuleForm } from './EditRuleForm';
import { AgreeForm } from './AgreeForm';

export function RuleRow({
  rule,
  number,
  inPlay,
  meetings,
  meetingsById,
  focus,
  onMove,
}: {
  rule: GroundRule;
  number: number;
  /** The rules that are not retired, in order: the ones this rule can move among. */
  inPlay: readonly GroundRule[];
  meetings: readonly Meeting[];
  meetingsById: ReadonlyMap<Id, Meeting>;
  focus: FocusAfterChange;
  onMove: (rule: GroundRule, delta: number) => void;
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'agree'>('view');
  const returnTo = useRef<string | null>(null);
  useEffect(() => {
    if (mode !== 'view' || !returnTo.current) return;
    focusFirst([returnTo.current, ids.edit(rule)]);
    returnTo.current = null;
  }, [mode, rule]);

  const close = (backTo: string) => {
    returnTo.current = backTo;
    setMode('view');
  };
  const place = inPlay.findIndex((r) => r.id === rule.id);
  const retired = rule.status === 'retired';
  const status = statusWords(rule, meetingsById);
  // Retire and Restore take each other's place: focus goes to the one that appears.
  const swap = retired
    ? { change: restore, id: ids.restore, then: ids.retire, label: t.rules.restore, named: t.rules.restoreNamed }
    : { change: retire, id: ids.retire, then: ids.restore, label: t.rules.retire, named: t.rules.retireNamed };

  return (
    <li class={`rule-row rule-row--${rule.status}`}>
      <span class="rule-row__number">{number}</span>
      <div class="rule-row__body">
        <p class="rule-row__text">{rule.text}</p>
        <p class={`rule-status rule-status--${rule.status}`}>
          <span class="rule-status__mark" aria-hidden="true">
            {rule.status === 'agreed' ? '✓' : rule.status === 'draft' ? '○' : '–'}
          </span>
          {status}
        </p>
        {mode === 'edit' ? (
          <EditRuleForm rule={rule} number={number} onDone={() => close(ids.edit(rule))} />
        ) : mode === 'agree' ? (
          <AgreeForm
            rule={rule}
            number={number}
            meetings={meetings}
            onAgreed={() => close(ids.edit(rule))}
            onCancel={() => close(ids.agree(rule))}
          />
        ) : (
          <div class="rule-row__actions">
            {retired ? null : (
              <button
                type="button"
                id={ids.edit(rule)}
                class="button button--secondary button--small"
                aria-label={t.rules.editNamed(number)}
                onClick={() => setMode('edit')}
              >
                {t.rules.edit}
              </button>
            )}
            {rule.status === 'agreed' ? null : (
              <button
                type="button"
                id={ids.agree(rule)}
                class="button button--small"
                aria-label={t.rules.agreeNamed(number)}
                onClick={() => setMode('agree')}
              >
                {t.rules.agree}
              </button>
            )}
            <button
              type="button"
              id={swap.id(rule)}
              class="button button--secondary button--small"
              aria-label={swap.named(number)}
              onClick={async () => {
                focus.request([swap.then(rule)]);
                if (!(await swap.change(rule)).ok) focus.cancel();
              }}
            >
              {swap.label}
            </button>
            {retired ? null : (
              <span class="rule-row__move">
                <button
                  type="button"
                  id={ids.up(rule)}
                  class="button button--secondary button--small"
                  aria-label={t.rules.moveUpNamed(number)}
                  disabled={place <= 0}
                  onClick={() => onMove(rule, -1)}
                >
                  <span aria-hidden="true">↑</span> {t.rules.moveUp}
                </button>
                <button
                  type="button"
                  id={ids.down(rule)}
                  class="button button--secondary button--small"
                  aria-label={t.rules.moveDownNamed(number)}
                  disabled={place < 0 || place >= inPlay.length - 1}
                  onClick={() => onMove(rule, 1)}
                >
                  <span aria-hidden="true">↓</span> {t.rules.moveDown}
                </button>
              </span>
            )}
          </div>
        )}
      </div>
    </li>
  );
}
