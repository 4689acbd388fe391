import { useState } from 'preact/hooks';
import { checkRuleText, RULE_TEXT_MAX_LENGTH } from '../../domain/ground-rules';
import { addRule } from '../../state/rules-actions';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextArea } from '../components/fields';
import { t } from '../strings/all';
import { type RulesData, ruleProblem, nextOrder } from './rule-helpers';

export function WriteRule({ data }: { data: RulesData }) {
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const fieldId = 'new-rule';
  const error = submitted ? ruleProblem(checkRuleText(text)) : undefined;
  return (
    <section class="rules-write" aria-labelledby="heading-rules-write">
      <h2 id="heading-rules-write">{t.rules.newRule}</h2>
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          setSubmitted(true);
          if (checkRuleText(text) !== null || busy) return;
          setBusy(true);
          const result = await addRule(data.group.id, text, nextOrder(data.rules));
          setBusy(false);
          if (result.ok) {
            setText('');
            setSubmitted(false);
            document.getElementById(fieldId)?.focus();
          }
        }}
      >
        <ErrorSummary errors={error ? [{ fieldId, message: error }] : []} />
        <TextArea rows={3} maxLength={RULE_TEXT_MAX_LENGTH} id={fieldId} label={t.rules.ruleText} hint={t.rules.ruleHint} error={error} value={text} onInput={setText} />
        <button type="submit" class="button" disabled={busy}>
          {t.rules.add}
        </button>
      </form>
    </section>
  );
}
