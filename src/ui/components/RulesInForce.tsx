import type { GroundRule } from '../../domain/agenda-model';
import { rulesInForce } from '../../domain/ground-rules';
import { t } from '../strings/all';

/**
 * The group's agreed ground rules, in its order. `large` is for reading across
 * a table from the tablet: the "Ground rules" step and the one-tap panel of a
 * running meeting. Only agreed rules are ever shown, whatever is passed in.
 */
export function RulesInForce({ rules, large }: { rules: GroundRule[]; large?: boolean }) {
  const agreed = rulesInForce(rules);
  if (agreed.length === 0) {
    return <p class={large ? 'rules-in-force__none rules-in-force__none--large' : 'rules-in-force__none'}>{t.rules.noneAgreed}</p>;
  }
  return (
    <ol class={large ? 'rules-in-force rules-in-force--large' : 'rules-in-force'}>
      {agreed.map((rule) => (
        <li key={rule.id}>{rule.text}</li>
      ))}
    </ol>
  );
}
