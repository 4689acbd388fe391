import { useState } from 'preact/hooks';
import { checkRuleText, RULE_TEXT_MAX_LENGTH } from '../../domain/ground-rules';
import { addRule } from '../../state/rules-actions';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextArea } from '../components/fields';
import { t } from '../strings/all';
import { type RulesData, ruleProblem, nextOrder } from './rule-helpers';
import { useSubmit } from '../use-submit';

export function WriteRule({ data }: { data: RulesData }) {
  const [text, setText] = useState('');
  const fieldId = 'new-rule';
  const form = useSubmit(async () => {
    const result = await addRule(data.group.id, text, nextOrder(data.rules));
    if (result.ok) {
      setText('');
      form.reset();
      document.getElementById(fieldId)?.focus();
    }
  }, () => checkRuleText(text) !== null);
  const error = form.submitted ? ruleProblem(checkRuleText(text)) : undefined;
  return (
    <section class="rules-write" aria-labelledby="heading-rules-write">
      <h2 id="heading-rules-write">{t.rules.newRule}</h2>
      <form
        noValidate
        onSubmit={form.onSubmit}
      >
        <ErrorSummary errors={error ? [{ fieldId, message: error }] : []} />
        <TextArea rows={3} maxLength={RULE_TEXT_MAX_LENGTH} id={fieldId} label={t.rules.ruleText} hint={t.rules.ruleHint} error={error} value={text} onInput={setText} />
        <button type="submit" class="button" disabled={form.busy}>
          {t.rules.add}
        </button>
      </form>
    </section>
  );
}
