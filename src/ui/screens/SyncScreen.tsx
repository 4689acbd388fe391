import { useState } from 'preact/hooks';
import { readSyncScreen, retrySetAside, writeSyncSettings, type OutboxRow, type RequestRow } from '../../db/outbox-repo';
import type { GroupSummary } from '../../db/groups-repo';
import { formatDayAndClock } from '../dates';
import { groupCode } from '../../domain/group-code';
import type { OutboxEntry, SyncSettings } from '../../domain/sync-model';
import { isConfigured, isLinkProblem, isStale, maskKey, normaliseServerUrl, outgoing, parseSyncLink, STALE_AFTER_MS } from '../../domain/sync-rules';
import { now } from '../../state/clock';
import { newId } from '../../db/ids';
import { save } from '../../state/save-status';
import { useLive } from '../../state/use-live';
import { useStore } from '../../state/use-store';
import { syncNow, syncRunStore } from '../../sync/sync-runner';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { TextField } from '../components/fields';
import { PageTitle } from '../components/PageTitle';
import { t } from '../strings/all';

const w = t.sync;

/** The summary builder is the record's code, not the Sync screen's: loaded when the chair asks for it. */
function sendAgain(meetingId: string) {
  return save(async () => (await import('../../db/summary-outbox')).resendSummary(meetingId, now(), newId, w.summaryWords));
}

/** Saved settings; names off rebuilds waiting summaries made with names, so the builder is loaded here too. */
async function saveSettings(settings: SyncSettings) {
  const at = now();
  return save(async () => {
    await (await import('../../db/summary-outbox')).saveSyncSettings(settings, at, newId, w.summaryWords);
    // New settings may be what the server wanted: what was set aside goes again.
    await retrySetAside(at);
  });
}

function requestWords({ request, groupName }: RequestRow): string {
  switch (request.kind) {
    case 'erase-person':
      return w.request['erase-person'](request.pseudonym);
    case 'delete-meeting':
      return w.request['delete-meeting'](groupName);
    case 'delete-group':
      return w.request['delete-group'];
  }
}

function SettingsForm({ settings, setMessage }: { settings: Partial<SyncSettings>; setMessage: (message: string) => void }) {
  const configured = isConfigured(settings);
  const [link, setLink] = useState('');
  const [serverUrl, setServerUrl] = useState(settings.serverUrl ?? '');
  const [deviceKey, setDeviceKey] = useState('');
  const [names, setNames] = useState(settings.names === true);
  const [errors, setErrors] = useState<FieldError[]>([]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setMessage('');
    let next: SyncSettings | null = null;
    const found: FieldError[] = [];
    if (link.trim()) {
      const parsed = parseSyncLink(link);
      if (isLinkProblem(parsed)) found.push({ fieldId: 'sync-link', message: w.problems[parsed] });
      else next = { ...parsed, names };
    } else {
      const url = normaliseServerUrl(serverUrl);
      // The saved key goes only to the server it was saved for: a new address must be given its key again.
      const newAddress = configured && !isLinkProblem(url) && url !== settings.serverUrl;
      const key = deviceKey.trim() || (configured && !newAddress ? settings.deviceKey! : '');
      if (isLinkProblem(url)) found.push({ fieldId: 'sync-url', message: w.problems[url] });
      if (!key) found.push({ fieldId: 'sync-key', message: newAddress ? w.problems.keyForNewAddress : w.problems.keyMissing });
      if (!isLinkProblem(url) && key) next = { serverUrl: url, deviceKey: key, names };
    }
    setErrors(found);
    if (!next) return;
    const result = await saveSettings(next);
    if (!result.ok) return;
    // The key is not kept in the form once saved: it is never shown again.
    setLink('');
    setDeviceKey('');
    setServerUrl(next.serverUrl);
    setMessage(w.saved);
    void syncNow();
  };

  const forget = async () => {
    const result = await save(() => writeSyncSettings(null));
    if (!result.ok) return;
    setServerUrl('');
    setDeviceKey('');
    setMessage(w.forgotten);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="sync-settings-title">
      <h2 id="sync-settings-title">{w.settingsTitle}</h2>
      <ErrorSummary errors={errors} />
      <TextField id="sync-link" label={w.link} hint={w.linkHint} spellCheck={false} value={link} onInput={setLink} />
      <p>{w.orFields}</p>
      <div class="field-row">
        <TextField id="sync-url" type="url" label={w.serverUrl} hint={w.serverUrlHint} spellCheck={false} value={serverUrl} onInput={setServerUrl} />
        <TextField
          id="sync-key"
          type="password"
          label={configured ? w.newKey : w.deviceKey}
          hint={configured ? `${w.keySaved(maskKey(settings.deviceKey!))} ${w.newKeyHint}` : w.deviceKeyHint}
          spellCheck={false}
          value={deviceKey}
          onInput={setDeviceKey}
        />
      </div>
      <div class="field">
        <label class="checkbox">
          <input type="checkbox" checked={names} aria-describedby="sync-names-hint" onChange={(e) => setNames(e.currentTarget.checked)} />
          {w.names}
        </label>
        <p class="field__hint" id="sync-names-hint">
          {w.namesHint}
        </p>
      </div>
      <div class="actions">
        <button type="submit" class="button">
          {w.save}
        </button>
        {configured ? (
          <button type="button" class="button button--secondary" onClick={() => void forget()}>
            {w.forget}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** Exactly the body that goes to the server, with the names setting as it is now. */
function WhatIsSent({ row, names, what }: { row: OutboxEntry; names: boolean; what: string }) {
  return (
    <details class="what-is-sent">
      <summary aria-label={w.seeWhatIsSentFor(what)}>{w.seeWhatIsSent}</summary>
      <p class="field__hint">{w.seeWhatIsSentHint}</p>
      <pre tabIndex={0} aria-label={w.whatIsSentFor(what)}>
        {JSON.stringify(outgoing(row, names).body, null, 2)}
      </pre>
    </details>
  );
}

const titleOf = (row: OutboxRow | RequestRow) => (row.kind === 'request' ? requestWords(row) : w.entry(row.meetingTitle, row.summary.date));

function waitingMeta(row: OutboxEntry): string {
  return [row.kind === 'request' ? '' : w.revision(row.revision), w.waitingSince(formatDayAndClock(row.createdAt)), row.attempts ? w.tries(row.attempts) : '']
    .filter(Boolean)
    .join(' · ');
}

/** A summary or a request still to go: what it is, how long it has waited, why, and the body that goes. */
function WaitingRow({ row, names }: { row: OutboxRow | RequestRow; names: boolean }) {
  return (
    <li class="list-row">
      <span class="list-row__title">{titleOf(row)}</span>
      <p class="list-row__meta">{waitingMeta(row)}</p>
      <EntryProblem row={row} />
      <WhatIsSent row={row} names={names} what={titleOf(row)} />
    </li>
  );
}

/**
 * Why this entry waits, when the answer was about it alone: another tablet's group stays refused
 * until the office moves it, whatever the entries after it do.
 */
function EntryProblem({ row }: { row: OutboxEntry }) {
  return row.lastError === 'forbidden' ? <p class="list-row__meta">{w.problem.forbidden}</p> : null;
}

/**
 * Each group's short code: with names off the office knows a group only by it, so the chair can
 * tell which group the office means when it asks about "Group G-…".
 */
function GroupCodes({ groups }: { groups: GroupSummary[] }) {
  if (groups.length === 0) return null;
  const sorted = [...groups].sort((a, b) => a.group.name.localeCompare(b.group.name, 'en-GB'));
  return (
    <section aria-labelledby="sync-group-codes">
      <h2 id="sync-group-codes">{w.groupCodesTitle}</h2>
      <p class="field__hint">{w.groupCodesHint}</p>
      <dl class="facts">
        {sorted.flatMap(({ group }) => [
          <dt key={`${group.id}-name`}>{group.name}</dt>,
          <dd key={`${group.id}-code`}>{groupCode(group.id)}</dd>,
        ])}
      </dl>
    </section>
  );
}

export function SyncScreen() {
  const live = useLive(readSyncScreen, []);
  const run = useStore(syncRunStore, (s) => s);
  // Kept here, not in the form: saving remounts the form with the new settings.
  const [message, setMessage] = useState('');
  if (live.status !== 'ready') return <p class="loading">{live.status === 'error' ? t.loadFailed : t.loading}</p>;
  const { settings, rows, requests, glance, groups } = live.value;
  const at = now();
  const waiting = rows.filter((r) => r.status === 'waiting' || r.status === 'sending');
  const sent = rows.filter((r) => r.status === 'sent').reverse();
  const setAside = [...rows, ...requests].filter((r) => r.status === 'set-aside');
  const waitingRequests = requests.filter((r) => r.status === 'waiting' || r.status === 'sending');
  const names = settings.names === true;
  const sentRequests = requests.filter((r) => r.status === 'sent').reverse();
  const staleCount = [...waiting, ...waitingRequests].filter((r) => at - r.createdAt > STALE_AFTER_MS).length;
  const configured = isConfigured(settings);
  return (
    <>
      <PageTitle text={w.title} />
      <p>{w.intro}</p>
      <p>{w.whatGoes}</p>
      {isStale(glance.oldestWaitingSince, at) ? (
        <div class="error-summary" role="alert">
          <p>{w.stale(staleCount)}</p>
        </div>
      ) : null}
      {!configured ? <p class="warning">{w.notSetUp}</p> : null}
      {glance.waiting > 0 && glance.lastError ? (
        <div class="warning" role="alert" data-testid="sync-problem">
          <h2>{w.lastProblem}</h2>
          <p>{w.problem[glance.lastError]}</p>
        </div>
      ) : null}
      <p data-testid="sync-last-sent">
        {glance.lastSentAt ? w.lastSent(formatDayAndClock(glance.lastSentAt)) : w.neverSent}
        {glance.waiting > 0 && configured && run.nextTryAt && !run.sending ? ` ${w.nextTry(formatDayAndClock(Math.max(at, run.nextTryAt)))}` : ''}
      </p>
      {configured ? (
        <button type="button" class="button" disabled={run.sending} onClick={() => void syncNow()}>
          {run.sending ? w.sending : w.syncNow}
        </button>
      ) : null}

      <h2>{w.waitingTitle}</h2>
      {waiting.length + waitingRequests.length === 0 ? (
        <p>{w.noneWaiting}</p>
      ) : (
        <ul class="list" aria-label={w.waitingTitle}>
          {waiting.map((row) => (
            <WaitingRow key={row.id} row={row} names={names} />
          ))}
          {/* Requests go after the summaries waiting before them: listed in that order. */}
          {waitingRequests.map((row) => (
            <WaitingRow key={row.id} row={row} names={names} />
          ))}
        </ul>
      )}

      {setAside.length ? (
        <section aria-labelledby="sync-set-aside">
          <h2 id="sync-set-aside">{w.setAsideTitle}</h2>
          <p class="field__hint">{w.setAsideHint}</p>
          <ul class="list" aria-labelledby="sync-set-aside">
            {setAside.map((row) => (
              <li class="list-row" key={row.id}>
                <span class="list-row__title">{titleOf(row)}</span>
                <button
                  type="button"
                  class="button button--secondary button--small"
                  aria-label={w.tryAgainFor(titleOf(row))}
                  // Tried again as it is; a summary the office has another copy of at this revision (409) is made afresh, as the next revision.
                  onClick={() => void (row.kind !== 'request' && row.lastStatus === 409 ? sendAgain(row.meetingId) : save(() => retrySetAside(now(), row.id))).then(() => syncNow())}
                >
                  {w.tryAgain}
                </button>
                <p class="list-row__meta">
                  {w.setAsideWhy(row.lastStatus ?? null, row.attempts)} {waitingMeta(row)}
                </p>
                <WhatIsSent row={row} names={names} what={titleOf(row)} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <h2>{w.sentTitle}</h2>
      {sent.length + sentRequests.length === 0 ? (
        <p>{w.noneSent}</p>
      ) : (
        <>
          {sent.length ? <p class="field__hint">{w.sendAgainHint}</p> : null}
          <ul class="list" aria-label={w.sentTitle}>
            {sentRequests.map((row) => (
              <li class="list-row" key={row.id}>
                <span class="list-row__title">{requestWords(row)}</span>
                <p class="list-row__meta">{row.sentAt ? w.sentAt(formatDayAndClock(row.sentAt)) : ''}</p>
              </li>
            ))}
            {sent.map((row) => (
              <li class="list-row" key={row.id}>
                <span class="list-row__title">{w.entry(row.meetingTitle, row.summary.date)}</span>
                <button
                  type="button"
                  class="button button--secondary button--small"
                  aria-label={w.sendAgainFor(row.meetingTitle)}
                  onClick={() => void sendAgain(row.meetingId)}
                >
                  {w.sendAgain}
                </button>
                <p class="list-row__meta">
                  {w.revision(row.revision)} · {row.sentAt ? w.sentAt(formatDayAndClock(row.sentAt)) : ''}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}

      <GroupCodes groups={groups} />

      <SettingsForm key={`${settings.serverUrl ?? ''}|${configured}`} settings={settings} setMessage={setMessage} />
      <p role="status" class={message ? 'notice' : 'visually-hidden'}>
        {message}
      </p>
    </>
  );
}
