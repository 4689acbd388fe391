import { useState } from 'preact/hooks';
import type { GroundRule } from '../../domain/agenda-model';
import { formatShortDay } from '../dates';
import type { Meeting } from '../../domain/model';
import { now } from '../../state/clock';
import { agree } from '../../state/rules-actions';
import { SelectField } from '../components/fields';
import { t } from '../strings/all';
import { likelyMeetingId } from './rule-helpers';
import { useSubmit } from '../use-submit';
import { useFocusOnOpen } from './focus-after-change';

export function AgreeForm({
  rule,
  number,
  meetings,
  onAgreed,
  onCancel,
}: {
  rule: GroundRule;
  number: number;
  meetings: readonly Meeting[];
  onAgreed: () => void;
  onCancel: () => void;
}) {
  const [meetingId, setMeetingId] = useState<string>(() => likelyMeetingId(meetings, now()));
  const form = useSubmit(async () => {
    if ((await agree(rule, meetingId || null)).ok) onAgreed();
  });
  const fieldId = `rule-${rule.id}-meeting`;
  const newestFirst = [...meetings].sort((a, b) => b.startsAt - a.startsAt);
  useFocusOnOpen(fieldId);
  return (
    <form
      class="rule-row__form"
      noValidate
      onSubmit={form.onSubmit}
    >
      <SelectField
        id={fieldId}
        label={t.rules.agreedAtLabel}
        hint={t.rules.agreedAtHint}
        value={meetingId}
        choices={[
          { value: '', label: t.rules.notAtMeeting },
          ...newestFirst.map((m) => ({ value: m.id, label: t.rules.meetingChoice(m.title, formatShortDay(m.startsAt)) })),
        ]}
        onChange={setMeetingId}
      />
      <div class="actions">
        <button type="submit" class="button" disabled={form.busy} aria-label={t.rules.confirmAgreeNamed(number)}>
          {t.rules.confirmAgree}
        </button>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {t.rules.cancel}
        </button>
      </div>
    </form>
  );
}
