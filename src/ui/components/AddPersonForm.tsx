import { useState } from 'preact/hooks';
import type { Perspective, Person } from '../../domain/model';
import { checkRequiredText, isDuplicateName, NAME_MAX_LENGTH } from '../../domain/text-rules';
import { ErrorSummary } from './ErrorSummary';
import { SelectField, TextField } from './fields';
import { t } from '../strings';
import { textError } from '../text-problems';
import { useSubmit } from '../use-submit';

/**
 * Adds one person. A name already in the group is warned about once, then
 * allowed: two people can share a name.
 */
export function AddPersonForm({
  idPrefix,
  perspectives,
  existing,
  nameLabel = t.group.personName,
  perspectiveLabel = t.group.personPerspective,
  submitLabel = t.group.addPerson,
  onAdd,
}: {
  idPrefix: string;
  perspectives: readonly Perspective[];
  existing: readonly Person[];
  nameLabel?: string;
  perspectiveLabel?: string;
  submitLabel?: string;
  onAdd: (name: string, perspectiveId: string) => Promise<boolean>;
}) {
  const [name, setName] = useState('');
  const [perspectiveId, setPerspectiveId] = useState(perspectives[0]?.id ?? '');
  const [acceptedDuplicate, setAcceptedDuplicate] = useState('');

  const nameId = `${idPrefix}-name`;
  const checked = checkRequiredText(name, NAME_MAX_LENGTH);
  const duplicate = checked.problem === null && isDuplicateName(checked.value, existing.map((p) => p.name));
  // Set by the first submit of a name already in the group; the second submit adds it.
  const confirming = duplicate && acceptedDuplicate === checked.value;
  const form = useSubmit(async () => {
    if (duplicate && !confirming) {
      setAcceptedDuplicate(checked.value);
      return;
    }
    if (await onAdd(checked.value, perspectiveId)) {
      setName('');
      form.reset();
      setAcceptedDuplicate('');
      document.getElementById(nameId)?.focus();
    }
  }, () => checked.problem !== null);
  const error = form.submitted ? textError(checked, nameLabel, NAME_MAX_LENGTH) : undefined;

  return (
    <form class="inline-form" onSubmit={form.onSubmit} noValidate>
      <ErrorSummary errors={error ? [{ fieldId: nameId, message: error }] : []} />
      <TextField
        id={nameId}
        label={nameLabel}
        hint={t.group.personNameHint}
        value={name}
        maxLength={NAME_MAX_LENGTH}
        error={error}
        onInput={(value) => {
          setName(value);
          if (acceptedDuplicate && value !== acceptedDuplicate) setAcceptedDuplicate('');
        }}
      />
      <SelectField
        id={`${idPrefix}-perspective`}
        label={perspectiveLabel}
        value={perspectiveId}
        choices={perspectives.map((p) => ({ value: p.id, label: p.label }))}
        onChange={setPerspectiveId}
      />
      {confirming ? (
        <p class="warning" role="status">
          {t.group.duplicateName(checked.value)}
        </p>
      ) : null}
      <button type="submit" class="button" disabled={form.busy}>
        {confirming ? t.group.addAnyway : submitLabel}
      </button>
    </form>
  );
}
