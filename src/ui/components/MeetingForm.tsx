import { useState } from 'preact/hooks';
import type { Id, Person } from '../../domain/model';
import { checkSchedule } from '../../domain/meeting-schedule';
import { checkOptionalText, checkRequiredText, TITLE_MAX_LENGTH, VENUE_MAX_LENGTH } from '../../domain/text-rules';
import type { MeetingFields } from '../../state/meeting-actions';
import { ErrorSummary, shownErrors, type FieldError } from './ErrorSummary';
import { SelectField, TextField } from './fields';
import { t } from '../strings';
import { textError } from '../text-problems';
import { byName } from '../../domain/names';
import { nameCollator } from '../strings/locale';
import { useSubmit } from '../use-submit';

export interface MeetingFormValue extends MeetingFields {
  expectedIds: Id[];
}

/** Start and end: the field's id, the value it sets, and its label's key (read when drawn, in the chosen locale). */
const TIME_FIELDS = [
  ['meeting-start', 'startTime', 'start'],
  ['meeting-end', 'endTime', 'end'],
] as const;

/** The fields of a meeting, for creating one or editing it. Submits only checked, tidied values. */
export function MeetingForm({
  initial,
  people,
  submitLabel,
  cancelHref,
  onSubmit,
}: {
  initial: MeetingFormValue;
  people: readonly Person[];
  submitLabel: string;
  cancelHref: string;
  onSubmit: (value: MeetingFormValue) => Promise<void>;
}) {
  const [value, setValue] = useState(initial);
  const set = (changes: Partial<MeetingFormValue>) => setValue((v) => ({ ...v, ...changes }));

  const title = checkRequiredText(value.title, TITLE_MAX_LENGTH);
  const venue = checkOptionalText(value.venue, VENUE_MAX_LENGTH);
  const schedule = checkSchedule(value);
  const fieldErrors: Record<string, string | undefined> = {
    'meeting-title': textError(title, t.meeting.title, TITLE_MAX_LENGTH),
    'meeting-date': schedule.date && t.meeting.problems[schedule.date],
    'meeting-start': schedule.startTime && t.meeting.problems[schedule.startTime],
    'meeting-end': schedule.endTime && t.meeting.problems[schedule.endTime],
    'meeting-venue': textError(venue, t.meeting.venue, VENUE_MAX_LENGTH),
  };
  const errors: FieldError[] = Object.entries(fieldErrors).flatMap(([fieldId, message]) => (message ? [{ fieldId, message }] : []));
  const form = useSubmit(() => onSubmit({ ...value, title: title.value, venue: venue.value }), () => errors.length > 0);
  const { shown, errorFor } = shownErrors(errors, form.submitted);
  const active = people
    .filter((p) => p.status === 'active' || value.expectedIds.includes(p.id) || p.id === value.chairId)
    .sort(byName(nameCollator()));

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <ErrorSummary errors={shown} />
      <TextField
        id="meeting-title"
        label={t.meeting.title}
        hint={t.fields.charsLimit(TITLE_MAX_LENGTH)}
        value={value.title}
        maxLength={TITLE_MAX_LENGTH}
        error={errorFor('meeting-title')}
        onInput={(title) => set({ title })}
      />
      <div class="field-row">
        <TextField id="meeting-date" type="date" label={t.meeting.date} value={value.date} error={errorFor('meeting-date')} onInput={(date) => set({ date })} />
        {TIME_FIELDS.map(([id, key, label]) => (
          <TextField
            key={id}
            id={id}
            type="time"
            label={t.meeting[label]}
            hint={t.meeting.timeHint}
            value={value[key]}
            error={errorFor(id)}
            onInput={(time) => set({ [key]: time })}
          />
        ))}
      </div>
      <TextField
        id="meeting-venue"
        label={t.meeting.venue}
        optional
        hint={t.meeting.venueHint}
        value={value.venue}
        maxLength={VENUE_MAX_LENGTH}
        error={errorFor('meeting-venue')}
        onInput={(venue) => set({ venue })}
      />
      <SelectField
        id="meeting-chair"
        label={t.meeting.chair}
        value={value.chairId ?? ''}
        choices={[{ value: '', label: t.meeting.noChair }, ...active.map((p) => ({ value: p.id, label: p.name }))]}
        onChange={(chairId) => set({ chairId: chairId || null })}
      />
      <fieldset class="fieldset">
        <legend class="fieldset__legend">{t.meeting.expected}</legend>
        {active.length === 0 ? (
          <p class="field__hint">{t.meeting.nobodyInGroup}</p>
        ) : (
          <>
            <p class="field__hint">{t.meeting.expectedHint}</p>
            <ul class="checkbox-list">
              {active.map((person) => (
                <li key={person.id}>
                  <label class="checkbox">
                    <input
                      type="checkbox"
                      checked={value.expectedIds.includes(person.id)}
                      onChange={(event) => {
                        const on = (event.currentTarget as HTMLInputElement).checked;
                        set({ expectedIds: on ? [...value.expectedIds, person.id] : value.expectedIds.filter((id) => id !== person.id) });
                      }}
                    />
                    <span>{person.name}</span>
                  </label>
                </li>
              ))}
            </ul>
          </>
        )}
      </fieldset>
      <div class="actions">
        <button type="submit" class="button" disabled={form.busy}>
          {submitLabel}
        </button>
        <a class="button button--secondary" href={cancelHref}>
          {t.meeting.cancel}
        </a>
      </div>
    </form>
  );
}
