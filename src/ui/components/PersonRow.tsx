import { useState } from 'preact/hooks';
import type { Perspective, Person } from '../../domain/model';
import { checkRequiredText, NAME_MAX_LENGTH } from '../../domain/text-rules';
import { removePerson, updatePerson } from '../../state/group-actions';
import { SelectField, TextField } from './fields';
import { AreInRoles } from './AreInRoles';
import { rolesOf } from '../../domain/arein';
import { perspectiveLabel } from '../../domain/perspectives';
import { pathOf } from '../routes';
import { t } from '../strings/all';
import { textError } from '../text-problems';
import { useSubmit } from '../use-submit';

function RenameForm({ person, onDone }: { person: Person; onDone: () => void }) {
  const [name, setName] = useState(person.name);
  const checked = checkRequiredText(name, NAME_MAX_LENGTH);
  const form = useSubmit(
    async () => {
      if ((await updatePerson(person, { name: checked.value })).ok) onDone();
    },
    () => checked.problem !== null,
  );
  const error = form.submitted ? textError(checked, t.group.personName, NAME_MAX_LENGTH) : undefined;
  return (
    <form
      class="inline-form"
      noValidate
      onSubmit={(event) => {
        if (checked.problem) document.getElementById(`rename-${person.id}`)?.focus();
        void form.onSubmit(event);
      }}
    >
      <TextField
        id={`rename-${person.id}`}
        label={t.group.renameNamed(person.name)}
        value={name}
        maxLength={NAME_MAX_LENGTH}
        error={error}
        onInput={setName}
      />
      <div class="actions">
        <button type="submit" class="button">
          {t.group.saveName}
        </button>
        <button type="button" class="button button--secondary" onClick={onDone}>
          {t.group.cancelRename}
        </button>
      </div>
    </form>
  );
}

/**
 * One person on the group screen: their name, perspective and roles in a line, and their
 * controls behind it (a <details>), so eight people do not make a page thousands of px long.
 * `open` starts it open: a person just added, so their roles can be marked straight away.
 */
export function PersonRow({
  person,
  perspectives,
  canRemove,
  open = false,
}: {
  person: Person;
  perspectives: readonly Perspective[];
  canRemove: boolean;
  open?: boolean;
}) {
  const [renaming, setRenaming] = useState(false);
  const left = person.status === 'left';
  const perspective = perspectiveLabel(perspectives, person.perspectiveId);
  const roles = rolesOf(person).map((r) => t.arein.roles[r]);
  return (
    <li class={left ? 'list-row list-row--muted person-row' : 'list-row person-row'}>
      <details class="person-row__details" open={open}>
        <summary class="person-row__summary">
          <span class="list-row__title">{person.name}</span>
          <span class="person-row__meta">
            {[perspective, roles.length > 0 ? roles.join(', ') : t.group.noRolesYet].filter(Boolean).join(' · ')}
          </span>
          {person.erasedAt !== undefined ? (
            <span class="badge badge--muted">{t.privacy.erasedBadge}</span>
          ) : left ? (
            <span class="badge badge--muted">{t.group.leftBadge}</span>
          ) : null}
        </summary>
        {renaming ? (
          <RenameForm person={person} onDone={() => setRenaming(false)} />
        ) : (
          <div class="person-row__controls">
            <SelectField
              id={`perspective-of-${person.id}`}
              label={t.group.changePerspectiveNamed(person.name)}
              value={person.perspectiveId}
              choices={perspectives.map((p) => ({ value: p.id, label: p.label }))}
              onChange={(perspectiveId) => void updatePerson(person, { perspectiveId })}
            />
            <AreInRoles person={person} />
            <div class="actions actions--row">
              <button
                type="button"
                class="button button--secondary button--small"
                aria-label={t.group.renameNamed(person.name)}
                onClick={() => setRenaming(true)}
              >
                {t.group.rename}
              </button>
              <button
                type="button"
                class="button button--secondary button--small"
                aria-label={left ? t.group.rejoinNamed(person.name) : t.group.markLeftNamed(person.name)}
                onClick={() => void updatePerson(person, { status: left ? 'active' : 'left' })}
              >
                {left ? t.group.rejoin : t.group.markLeft}
              </button>
              <a
                class="button button--secondary button--small"
                href={pathOf({ name: 'person', groupId: person.groupId, personId: person.id })}
                aria-label={t.privacy.personLinkNamed(person.name)}
              >
                {t.privacy.personLink}
              </a>
              {canRemove ? (
                <button
                  type="button"
                  class="button button--warning button--small"
                  aria-label={t.group.removeNamed(person.name)}
                  onClick={() => void removePerson(person.id)}
                >
                  {t.group.remove}
                </button>
              ) : null}
            </div>
          </div>
        )}
      </details>
    </li>
  );
}
