import { useRef, useState } from 'preact/hooks';
import { BACKUP_MAX_BYTES } from '../../domain/backup-format';
import { CURRENT_SCHEMA_VERSION } from '../../db/schema';
import { restoreFromFile, type RestoreOutcome } from '../../state/export-actions';
import { pathOf } from '../routes';
import { ErrorSummary } from '../components/ErrorSummary';
import { t } from '../strings/all';
import { useSubmit } from '../use-submit';

const w = t.exports.restore;
const LIMIT_MB = BACKUP_MAX_BYTES / (1024 * 1024);
const FIELD = 'restore-file';

export function restoreProblemMessage(problem: Extract<RestoreOutcome, { ok: false }>['problem']): string {
  const p = w.problems;
  switch (problem.code) {
    case 'too-large':
      return p['too-large'](LIMIT_MB);
    case 'newer-version':
      return p['newer-version'](problem.version, CURRENT_SCHEMA_VERSION);
    case 'missing-fields':
      return p['missing-fields'](problem.where);
    case 'unknown-table':
      return p['unknown-table'](problem.table);
    default:
      return p[problem.code];
  }
}

/** "Restore from a backup file", on the "This device" screen. */
export function RestoreSection() {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState('');
  const [done, setDone] = useState<Extract<RestoreOutcome, { ok: true }>['result'] | null>(null);
  const file = () => input.current?.files?.[0];
  const form = useSubmit(
    async () => {
      const outcome = await restoreFromFile(file()!);
      if (outcome.ok) {
        setError('');
        setDone(outcome.result);
      } else setError(restoreProblemMessage(outcome.problem));
    },
    () => {
      setDone(null);
      if (!file()) setError(w.noFile);
      return !file();
    },
  );
  return (
    <section aria-labelledby="heading-restore">
      <h2 id="heading-restore">{w.title}</h2>
      <p>{w.intro}</p>
      <p>{w.rule}</p>
      <ErrorSummary errors={error ? [{ fieldId: FIELD, message: error }] : []} />
      <form onSubmit={(e) => void form.onSubmit(e)} noValidate>
        <div class={error ? 'field field--error' : 'field'}>
          <label for={FIELD} class="field__label">
            {w.file}
          </label>
          <p id={`${FIELD}-hint`} class="field__hint">
            {w.hint(LIMIT_MB)}
          </p>
          {error ? (
            <p id={`${FIELD}-error`} class="field__error">
              <span class="visually-hidden">{t.errors.prefix} </span>
              {error}
            </p>
          ) : null}
          <input
            ref={input}
            id={FIELD}
            name={FIELD}
            type="file"
            accept=".json,application/json"
            class="field__file"
            aria-describedby={error ? `${FIELD}-hint ${FIELD}-error` : `${FIELD}-hint`}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <button type="submit" class="button" disabled={form.busy}>
          {w.button}
        </button>
      </form>
      <div role="status">
        {form.busy ? <p>{w.reading}</p> : null}
        {done ? (
          <>
            <p>{w.done(done.added, done.updated, done.kept)}</p>
            <p>
              <a href={done.meetingId ? pathOf({ name: 'meeting', meetingId: done.meetingId }) : pathOf({ name: 'group', groupId: done.groupId })}>
                {t.exports.restore.openRestored}
              </a>
            </p>
          </>
        ) : null}
      </div>
    </section>
  );
}
