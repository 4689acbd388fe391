import { useState } from 'preact/hooks';
import type { Perspective } from '../../domain/model';
import { checkPerspectives } from '../../domain/group-rules';
import { DEFAULT_PERSPECTIVES } from '../../domain/perspectives';
import { checkRequiredText, NAME_MAX_LENGTH } from '../../domain/text-rules';
import { createGroup } from '../../state/group-actions';
import { go } from '../routes';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { TextField } from '../components/fields';
import { PageTitle } from '../components/PageTitle';
import { perspectiveError, perspectiveFieldId, PerspectivesEditor } from '../components/PerspectivesEditor';
import { t } from '../strings';
import { textError } from '../text-problems';
import { useSubmit } from '../use-submit';

export function NewGroupScreen() {
  const [name, setName] = useState('');
  const [perspectives, setPerspectives] = useState<Perspective[]>(() => DEFAULT_PERSPECTIVES.map((p) => ({ ...p })));

  const checkedName = checkRequiredText(name, NAME_MAX_LENGTH);
  const nameError = textError(checkedName, t.group.name, NAME_MAX_LENGTH);
  const perspectiveProblems = checkPerspectives(perspectives);
  const errors: FieldError[] = [];
  if (nameError) errors.push({ fieldId: 'group-name', message: nameError });
  perspectives.forEach((p, index) => {
    const message = perspectiveError(perspectiveProblems[p.id], t.group.perspectiveLabel(index + 1));
    if (message) errors.push({ fieldId: perspectiveFieldId(p.id), message });
  });
  const form = useSubmit(async () => {
    const tidy = perspectives.map((p) => ({ ...p, label: checkRequiredText(p.label, 1000).value }));
    const result = await createGroup(checkedName.value, tidy);
    if (result.ok) go({ name: 'group', groupId: result.value }, { replace: true });
  }, () => errors.length > 0);
  const { submitted } = form;
  const shown = submitted ? errors : [];

  return (
    <>
      <ErrorSummary errors={shown} />
      <PageTitle text={t.group.newTitle} />
      <form onSubmit={form.onSubmit} noValidate>
        <TextField
          id="group-name"
          label={t.group.name}
          hint={`${t.group.nameHint} ${t.fields.charsLimit(NAME_MAX_LENGTH)}`}
          value={name}
          maxLength={NAME_MAX_LENGTH}
          error={submitted ? nameError : undefined}
          onInput={setName}
        />
        <PerspectivesEditor
          value={perspectives}
          onChange={setPerspectives}
          inUse={new Set()}
          problems={submitted ? perspectiveProblems : {}}
        />
        <div class="actions">
          <button type="submit" class="button" disabled={form.busy}>
            {t.group.create}
          </button>
          <a class="button button--secondary" href="#/">
            {t.group.cancel}
          </a>
        </div>
      </form>
    </>
  );
}
