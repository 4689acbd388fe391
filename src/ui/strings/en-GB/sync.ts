import { plurals } from '../plural';
import type { Perspective } from '../../../domain/model';
import type { SummaryWords } from '../../../domain/summary';

/** A person's name in a summary sent with names off: their perspective, by its id (the label may be renamed). */
const STAND_INS: Record<string, string> = {
  lived: 'someone with lived experience',
  carer: 'a carer',
  staff: 'a member of staff',
  manager: 'a manager or commissioner',
  voluntary: 'someone from the voluntary sector',
  other: 'a member',
};

const summaryWords: SummaryWords = {
  standIn: (perspective: Perspective | undefined) =>
    !perspective ? 'a member' : (STAND_INS[perspective.id] ?? (perspective.label.trim() ? `a member (${perspective.label.trim()})` : 'a member')),
  untitledItem: (position: number) => `Item ${position}`,
};

/** What a 4xx from the office server means, for a summary or request set aside. */
const REFUSED_WORDS: Record<number, string> = {
  400: 'it could not read it',
  403: 'this device key may not change that group',
  404: 'nothing answers for Heard at that address',
  405: 'nothing answers for Heard at that address',
  409: 'it already has a different copy of this version',
  413: 'it is too large',
  415: 'it could not read it',
  422: 'it could not accept what it holds',
};

/** Words for sending summaries to the programme office. Part of the en-GB catalogue. */
const p = plurals('en-GB');

export const sync = {
  /** Put in the summary itself, for the office to read. */
  summaryWords,
  title: 'Sending to the office',
  intro:
    'When a meeting is closed, Heard keeps a short summary for the programme office. It waits on this device and is sent when there is a connection.',
  whatGoes:
    'It has figures and counts (who came and how long each kind of member spoke, disagreements, check-in answers counted), and the words of the agenda items, decisions, actions, check-in questions and words to explain. Names off: every name of the group’s people in those words is changed to what kind of member they are, such as “a carer”. What people said in disagreements, written check-in answers and one-to-one requests are never sent.',
  seeWhatIsSent: 'See what is sent',
  seeWhatIsSentFor: (what: string) => `See what is sent: ${what}`,
  whatIsSentFor: (what: string) => `What is sent: ${what}`,
  seeWhatIsSentHint: 'Exactly what goes to the office, as the server receives it.',
  notSetUp: 'Not set up: nothing is sent from this device. Summaries wait here until you add the office’s server.',
  settingsTitle: 'The office’s server',
  link: 'Link from the office',
  linkHint: 'Paste the link or the text of the QR code the programme office gave you. It starts with heard-sync: or https://.',
  orFields: 'Or type the server’s address and the device key',
  serverUrl: 'Server address',
  serverUrlHint: 'For example, https://office.example.org/',
  deviceKey: 'Device key',
  deviceKeyHint: 'Starts with heard_. It is shown only while you type it.',
  keySaved: (masked: string) => `A device key is saved (${masked}). It is never shown in full.`,
  newKey: 'New device key',
  newKeyHint: 'Leave empty to keep the saved key. A new server address needs its key again.',
  names: 'Include names in summaries',
  namesHint:
    'Off: no name leaves this device; a name typed in an agenda item, decision or action goes as “a carer”, “a member of staff” and so on. On: the group’s name, who owns each action, and names as typed go too. What people said in disagreements, and check-in answers, are never sent.',
  save: 'Save',
  saved: 'Saved. Summaries will be sent from this device.',
  forget: 'Stop sending from this device',
  forgotten: 'This device no longer sends summaries. Waiting summaries stay here.',
  problems: {
    empty: 'Enter the link from the office, or the server address and device key',
    'not-a-link': 'That is not a web address',
    'no-key': 'The link has no device key after the # sign. Ask the office for a new link.',
    'not-http': 'The address must start with https://',
    'not-https':
      'The address must start with https://, so the device key and summaries cannot be read on the way. http:// is only for a server on this tablet (localhost or 127.0.0.1).',
    keyForNewAddress: 'Enter the device key for the new address: the saved key is only sent to the server it was saved for',
    keyMissing: 'Enter the device key',
  },
  syncNow: 'Sync now',
  sending: 'Sending…',
  lastSent: (when: string) => `Last sent: ${when}.`,
  neverSent: 'Nothing has been sent from this device yet.',
  lastProblem: 'The last try did not work',
  problem: {
    key: 'The server did not accept the device key. Ask the office for a new key; the summaries are safe here meanwhile.',
    forbidden:
      'This tablet’s key may not change that group; ask the office. The office can move the group to this tablet’s key; until then its summaries and requests are kept here.',
    network: 'The office server could not be reached. Heard will try again by itself when there is a connection.',
    timeout: 'The office server did not answer in time. Heard will try again by itself; nothing is lost meanwhile.',
    server: 'The office server had a problem. Heard will try again by itself.',
    blocked:
      'This page is not allowed to reach that server: the web address Heard is served from only allows its own sync server. Ask whoever set up Heard to allow this server.',
    refused: 'The office server refused something it was sent. It is set aside below; everything else is still sent.',
  },
  nextTry: (when: string) => `Next try: ${when}.`,
  stale: (n: number) =>
    p(n, {
      one: 'A summary has waited more than 5 days. On some tablets the browser clears the data of a web page that is not installed. Connect and send soon, or install Heard to the home screen.',
      other: '# summaries have waited more than 5 days. On some tablets the browser clears the data of a web page that is not installed. Connect and send soon, or install Heard to the home screen.',
    }),
  groupCodesTitle: 'How the office knows your groups',
  groupCodesHint:
    'With names off, the office sees each group only by its code (it never gets the name). If the office asks about a group by its code, this is which one it means.',
  waitingTitle: 'Waiting to send',
  noneWaiting: 'Nothing waiting.',
  sentTitle: 'Sent',
  noneSent: 'Nothing sent yet.',
  entry: (title: string, date: string) => `${title || 'Meeting'} · ${date}`,
  /** An erasure or deletion request, in words: a pseudonym or a group's name, never a person's name. */
  request: {
    'erase-person': (pseudonym: string) => `A request to erase ${pseudonym} from the office’s records`,
    'delete-meeting': (groupName: string | null) =>
      groupName ? `A request to delete a meeting of ${groupName} from the office’s records` : 'A request to delete a meeting from the office’s records',
    'delete-group': 'A request to delete all of a group’s summaries from the office’s records',
  },
  setAsideTitle: 'Set aside',
  setAsideHint:
    'The office server refused these, or failed on them again and again. They are kept on this device and are not deleted; everything else is still sent. “Try again” sends it again; one the office has a different copy of is made afresh from this tablet’s records. Saving the server settings tries them all again.',
  /** Why the server refused it: the HTTP status, and what it means in words. */
  setAsideWhy: (status: number | null, attempts: number) =>
    status !== null && status >= 400 && status < 500
      ? `The office server refused it (${status}: ${REFUSED_WORDS[status] ?? 'it could not take it'}).`
      : status
        ? p(attempts, { one: `The office server failed on it once (${status}).`, other: `The office server failed on it # times (${status}).` })
        : p(attempts, { one: 'The office server failed on it once.', other: 'The office server failed on it # times.' }),
  tryAgain: 'Try again',
  tryAgainFor: (what: string) => `Try again: ${what}`,
  revision: (n: number) => `Version ${n}`,
  waitingSince: (when: string) => `Waiting since ${when}`,
  sentAt: (when: string) => `Sent ${when}`,
  tries: (n: number) => p(n, { one: '# try', other: '# tries' }),
  sendAgain: 'Send again',
  sendAgainFor: (title: string) => `Send again: ${title || 'Meeting'}`,
  sendAgainHint: 'After changes to actions, send the office the summary again. It replaces the one sent before.',
} as const;
