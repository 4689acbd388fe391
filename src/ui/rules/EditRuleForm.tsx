import { useState } from 'preact/hooks';
import type { GroundRule } from '../../domain/agenda-model';
import { checkRuleText, RULE_TEXT_MAX_LENGTH } from '../../domain/ground-rules';
import { editRule } from '../../state/rules-actions';
import { TextArea } from '../components/fields';
import { t } from '../strings/all';
import { ruleProblem } from './rule-helpers';
import { useSubmit } from '../use-submit';
import { useFocusOnOpen } from './focus-after-change';

export function EditRuleForm({ rule, number, onDone }: { rule: GroundRule; number: number; onDone: () => void }) {
  const [text, setText] = useState(rule.text);
  const fieldId = `rule-${rule.id}-text`;
  const form = useSubmit(
    async () => {
      if ((await editRule(rule, text)).ok) onDone();
    },
    () => checkRuleText(text) !== null,
  );
  const error = form.submitted ? ruleProblem(checkRuleText(text)) : undefined;
  useFocusOnOpen(fieldId);
  return (
    <form
      class="rule-row__form"
      noValidate
      onSubmit={(event) => {
        if (checkRuleText(text) !== null) document.getElementById(fieldId)?.focus();
        void form.onSubmit(event);
      }}
    >
      <TextArea rows={3} maxLength={RULE_TEXT_MAX_LENGTH}
        id={fieldId}
        label={t.rules.editLabel(number)}
        hint={rule.status === 'agreed' ? `${t.rules.revisedNote} ${t.rules.ruleHint}` : t.rules.ruleHint}
        error={error}
        value={text}
        onInput={setText}
      />
      <div class="actions">
        <button type="submit" class="button" disabled={form.busy}>
          {t.rules.save}
        </button>
        <button type="button" class="button button--secondary" onClick={onDone}>
          {t.rules.cancel}
        </button>
      </div>
    </form>
  );
}
