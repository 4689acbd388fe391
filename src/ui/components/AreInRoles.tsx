import { useEffect, useRef, useState } from 'preact/hooks';
import { ARE_IN_ROLES, type AreInRole } from '../../domain/arein-model';
import { rolesOf } from '../../domain/arein';
import type { Person } from '../../domain/model';
import { setAreInRoles } from '../../state/arein-actions';
import { t } from '../strings/all';
import '../arein.css';

/** The ARE IN roles one person brings, as checkboxes in their roster row; each tick is saved at once. */
export function AreInRoles({ person }: { person: Person }) {
  // Kept here as well as in the stored person, so two quick ticks build on each other
  // rather than the second overwriting the first before the roster has re-read.
  const [roles, setRoles] = useState<AreInRole[]>(() => rolesOf(person));
  const latest = useRef(roles);
  const saving = useRef(0);
  const stored = rolesOf(person).join(' ');
  useEffect(() => {
    // While a tick is still being saved, what is stored is older than what is shown.
    if (saving.current > 0) return;
    latest.current = stored ? (stored.split(' ') as AreInRole[]) : [];
    setRoles(latest.current);
  }, [stored]);
  return (
    <fieldset class="arein-roles">
      <legend>{t.arein.bringsNamed(person.name)}</legend>
      <ul class="arein-roles__list">
        {ARE_IN_ROLES.map((role) => (
          <li key={role}>
            <label class="checkbox">
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(event) => {
                  const on = (event.currentTarget as HTMLInputElement).checked;
                  const next = on ? [...latest.current, role] : latest.current.filter((r) => r !== role);
                  latest.current = next;
                  setRoles(next);
                  saving.current += 1;
                  void setAreInRoles(person, next).finally(() => {
                    saving.current -= 1;
                  });
                }}
              />
              <span>{t.arein.roles[role]}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
