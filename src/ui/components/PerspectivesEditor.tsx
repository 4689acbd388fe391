import type { Perspective } from '../../domain/model';
import { PERSPECTIVE_MAX_LENGTH, type PerspectiveProblem } from '../../domain/group-rules';
import { newId } from '../../db/ids';
import { t } from '../strings';
import { TextField } from './fields';

export function perspectiveError(problem: PerspectiveProblem | undefined, label: string): string | undefined {
  if (problem === 'empty') return t.fields.empty(label);
  if (problem === 'too-long') return t.fields.tooLong(label, PERSPECTIVE_MAX_LENGTH);
  if (problem === 'duplicate') return t.group.perspectiveTwice(label);
  return undefined;
}

export const perspectiveFieldId = (id: string) => `perspective-${id}`;

/** Edits the list of perspectives; those somebody holds can be renamed but not removed. */
export function PerspectivesEditor({
  value,
  onChange,
  inUse,
  problems,
}: {
  value: readonly Perspective[];
  onChange: (next: Perspective[]) => void;
  inUse: ReadonlySet<string>;
  problems: Record<string, PerspectiveProblem>;
}) {
  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">{t.group.perspectives}</legend>
      <p class="field__hint">{t.group.perspectivesHint}</p>
      <ol class="perspective-list">
        {value.map((perspective, index) => {
          const label = t.group.perspectiveLabel(index + 1);
          return (
            <li key={perspective.id} class="perspective-list__row">
              <TextField
                id={perspectiveFieldId(perspective.id)}
                label={label}
                value={perspective.label}
                maxLength={PERSPECTIVE_MAX_LENGTH}
                error={perspectiveError(problems[perspective.id], label)}
                hint={inUse.has(perspective.id) ? t.group.perspectiveInUse : undefined}
                onInput={(text) => onChange(value.map((p) => (p.id === perspective.id ? { ...p, label: text } : p)))}
              />
              {inUse.has(perspective.id) || value.length === 1 ? null : (
                <button
                  type="button"
                  class="button button--secondary button--small"
                  onClick={() => onChange(value.filter((p) => p.id !== perspective.id))}
                >
                  {t.group.removePerspective(perspective.label || label)}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <button type="button" class="button button--secondary" onClick={() => onChange([...value, { id: newId(), label: '' }])}>
        {t.group.addPerspective}
      </button>
    </fieldset>
  );
}
