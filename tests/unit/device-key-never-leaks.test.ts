import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFreshDb } from '../support/fresh-db';
import { seedRecord, T0 } from '../support/record-seed';
import { backupGroup, backupMeeting, getRecordSource } from '../../src/db/export-repo';
import { readSyncSettings, retrySetAside, writeSyncSettings } from '../../src/db/outbox-repo';
import { closeMeeting } from '../../src/db/run-repo';
import { buildMeetingRecord } from '../../src/domain/meeting-record';
import { makeGroupBackup, makeMeetingBackup } from '../../src/state/export-actions';
import { save } from '../../src/state/save-status';
import { drainOutbox, type DrainDeps } from '../../src/sync/outbox-client';
import { requestDrain } from '../../src/sync/sync-runner';
import { actionsCsv, attendanceCsv, backupFile, balanceCsv, calendarIcs, minutesMarkdown, recordWords } from '../../src/ui/record/record-files';
import { t } from '../../src/ui/strings/all';

/**
 * The sync device key is a secret between this tablet and the programme
 * office: it goes in the Authorization header of a send and nowhere else —
 * not in any file Heard makes, not in what it writes to the console when a
 * send or a save goes wrong.
 */
const db = useFreshDb();
const KEY = 'heard_k3y-0f-the-hall-tablet-9f2c1d7e';
const MIN = 60_000;

let logged: unknown[][] = [];
beforeEach(() => {
  logged = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args));
  }
});
afterEach(() => vi.restoreAllMocks());

/** Everything a logged value could show: messages, stacks, causes and own fields of errors included. */
function asText(value: unknown, seen = new Set<unknown>()): string {
  if (value === null || typeof value !== 'object') return String(value);
  if (seen.has(value)) return '';
  seen.add(value);
  const parts: string[] = [];
  if (value instanceof Error) parts.push(value.name, value.message, value.stack ?? '', asText(value.cause, seen));
  for (const key of Object.getOwnPropertyNames(value)) parts.push(key, asText((value as Record<string, unknown>)[key], seen));
  return parts.join(' ');
}

const consoleText = () => logged.map((args) => args.map((a) => asText(a)).join(' ')).join('\n');

/** A loopback stand-in for the office server: answers each send as `answers` says, and records the key it was sent. */
async function office(answers: Array<number | 'hang'>) {
  const keys: string[] = [];
  const bodies: string[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      keys.push(req.headers.authorization ?? '');
      bodies.push(body);
      const answer = answers.shift() ?? 201;
      if (answer === 'hang') return; // accepts, and never answers
      res.writeHead(answer, { 'Content-Type': 'application/json' }).end(answer === 201 ? '{}' : '{"error":"no"}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    keys,
    bodies,
    close: () => new Promise<void>((done) => (server.closeAllConnections(), server.close(() => done()))),
  };
}

/** An address on this machine with nothing listening: a dead network, for fetch. */
async function nothingListening(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return `http://127.0.0.1:${port}/`;
}

async function setUpDevice(serverUrl: string) {
  await seedRecord(db());
  // The seed's stand-in outbox row is replaced by the summary a real close puts there.
  await db().outbox.clear();
  const saved = await save(() => writeSyncSettings({ serverUrl, deviceKey: KEY, names: true }));
  expect(saved.ok).toBe(true);
  expect((await readSyncSettings()).deviceKey).toBe(KEY);
  await closeMeeting('meeting-1', T0 + 70 * MIN, t.sync.summaryWords);
}

const deps = (at: number): DrainDeps => ({ fetch: (...args) => globalThis.fetch(...args), now: () => at, random: () => 0, baseMs: 1, timeoutMs: 300 });

describe('the sync device key', () => {
  it('is in no file Heard makes: record exports with and without names, meeting and group backups', async () => {
    await setUpDevice('https://office.example.org/heard/');
    const source = (await getRecordSource('meeting-1'))!;
    const files = [];
    for (const names of [true, false]) {
      const record = buildMeetingRecord(source, { names, now: T0 + 120 * MIN, words: recordWords });
      files.push(minutesMarkdown(record, true), actionsCsv(record), attendanceCsv(record), balanceCsv(record, true), calendarIcs(record, T0 + 120 * MIN));
    }
    const groupBackup = (await makeGroupBackup('group-1'))!;
    const meetingBackup = (await makeMeetingBackup('meeting-1'))!;
    files.push(backupFile(groupBackup, 'Group', '2030-03-14'), backupFile(meetingBackup, 'Meeting', '2030-03-14'));
    // The repo's own backups too, as the bench and restore use them.
    files.push(backupFile((await backupGroup('group-1', T0))!, 'g', 'd'), backupFile((await backupMeeting('meeting-1', T0))!, 'm', 'd'));

    expect(files).toHaveLength(14);
    for (const file of files) {
      expect(file.text.length, file.name).toBeGreaterThan(50);
      expect(file.text, file.name).not.toContain(KEY);
      expect(file.name).not.toContain(KEY);
    }
    // The outbox, which a backup leaves out as the device's own, holds the summary but not the key.
    const outbox = await db().outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(JSON.stringify(outbox)).not.toContain(KEY);
  });

  it('goes only in the Authorization header, and never to the console, through every kind of failed send', async () => {
    const server = await office([401, 500, 503, 'hang', 403, 422, 201]);
    try {
      await setUpDevice(server.url);
      const outcomes = [];
      // Each pass is an hour later, so the backoff of the failure before has always run out.
      for (let pass = 0; pass < 7; pass++) {
        const at = T0 + (2 + pass) * 3_600_000;
        // A refusal sets the summary aside; the chair's "Try again" puts it back for the next pass.
        await retrySetAside(at);
        outcomes.push(await drainOutbox(deps(at)));
      }
      const problems = outcomes.map((o) => (o.kind === 'done' ? (o.problem ?? `sent ${o.sent}`) : o.kind));
      expect(problems).toEqual(['key', 'server', 'server', 'timeout', 'forbidden', 'refused', 'sent 1']);
      // Sent, so the test is about a key that really travelled: in the header, every time, and in no body.
      expect(server.keys).toHaveLength(7);
      for (const header of server.keys) expect(header).toBe(`Bearer ${KEY}`);
      for (const body of server.bodies) expect(body).not.toContain(KEY);
    } finally {
      await server.close();
    }
    expect(consoleText()).not.toContain(KEY);
  });

  it('is not in what Heard logs when the network is down, the outbox cannot be read, or the settings cannot be saved', async () => {
    await setUpDevice(await nothingListening());
    const down = await drainOutbox(deps(T0 + 2 * 3_600_000));
    expect(down).toEqual({ kind: 'done', sent: 0, problem: 'network' });

    // Storage gone from under the sender and the Sync screen's save: both are logged, neither with the key.
    db().close();
    await requestDrain();
    const failed = await save(() => writeSyncSettings({ serverUrl: 'https://office.example.org/', deviceKey: `${KEY}-new`, names: false }));
    expect(failed.ok).toBe(false);
    const text = consoleText();
    expect(text).toContain('Heard could not read the outbox');
    expect(text).toContain('Heard could not save');
    expect(text).not.toContain(KEY);
  });
});
