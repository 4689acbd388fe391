import { plurals } from '../plural';
import type { RetentionMonths } from '../../../domain/model';

/** Words for erasing a person, what Heard holds about someone, deleting and keeping records. Part of the en-GB catalogue. */


const p = plurals('en-GB');
const num = (n: number) => n.toLocaleString('en-GB');

export const privacy = {
  groupLink: (name: string) => `Group: ${name}`,
  backTo: (title: string) => `Back to ${title}`,
  none: 'None.',
  cannotUndo: 'This cannot be undone.',
  yes: 'Yes',
  no: 'No',

  // ------------------------------------------------------------ the roster row
  personLink: 'What Heard holds · Erase',
  // Begins with the visible words, so speech control can say what it reads.
  personLinkNamed: (name: string) => `What Heard holds · Erase: ${name}`,
  erasedBadge: 'Erased',

  // ------------------------------------------------------------ the person screen
  person: {
    title: 'Person',
    notFound: 'This person is not in this group. They may have been removed, or the address is wrong.',
    erasedNotice: (pseudonym: string) => `This person was erased. Heard keeps no name for them: they are “${pseudonym}” in every record.`,
    holdsTitle: (name: string) => `What Heard holds about ${name}`,
    holdsIntro:
      'Every record on this tablet that names this person or is tied to them, in plain words. Print it, or save it as a file, to give to them if they ask what is held about them.',
    recordCount: (n: number) => p(n, { one: '# record in all.', other: '# records in all.' }),
    print: 'Print this page',
    download: 'Download as a file (JSON)',
    share: 'Share as a file (JSON)',
    made: (name: string) => `${name} saved to your downloads.`,
    shared: (name: string) => `${name} shared.`,
    failed: 'Heard could not make the file. Nothing was changed.',
    roster: 'On the roster',
    name: 'Name',
    group: 'Group',
    perspective: 'Perspective',
    status: 'Status',
    guest: 'Guest at one meeting',
    areIn: 'ARE IN roles',
    noneMarked: 'None marked',
    statuses: { active: 'In the group', left: 'Left the group' },
    meetings: 'Meetings',
    meetingsNone: 'Not at any meeting.',
    meetingCols: ['Meeting', 'Date', 'Attendance', 'Talk time', 'Turns', 'Asked to speak', 'Checked in', 'Items they led'],
    attendance: (m: { chair: boolean; expected: boolean; came: boolean }) =>
      [m.chair ? 'Chair' : '', m.came ? 'Came' : m.expected ? 'Expected' : ''].filter(Boolean).join(', ') || 'Named on the agenda',
    dissent: 'Dissent they raised, in their own words',
    actions: 'Actions they own',
    actionLine: (due: string, status: string, meeting: string) => `Due ${due} · ${status} · agreed at “${meeting}”`,
    answers: 'Check-in answers they put their name to',
    oneToOnes: 'One-to-one requests that name them',
    glossary: 'Words they asked about',
    mentions: 'Other records that mention them by name',
    mentionCols: ['Record', 'Meeting', 'Words'],
    atMeeting: (meeting: string, date: string) => (meeting ? `At “${meeting}”, ${date}` : ''),
    mention: {
      group: 'The group',
      meeting: 'A meeting',
      'agenda-item': 'An agenda item',
      glossary: 'The glossary',
      dissent: 'Dissent',
      decision: 'A decision',
      action: 'An action',
      'check-in-answer': 'A check-in answer',
      'ground-rule': 'A ground rule',
      'check-in-question': 'A check-in question',
      'group-review': 'A group review',
    },
    faces: (label: string, value: number, of: number) => `${label} (${value} of ${of})`,
    choiceWords: (choice: string, words: string) => `${choice}: ${words}`,

    // ---------------------------------------------------------- erasing
    eraseTitle: (name: string) => `Erase ${name}`,
    eraseIntro: 'Use this when someone asks for their information to be erased (their right to erasure). This is what will happen:',
    willReplace: (pseudonym: string) => `Their name is replaced by “${pseudonym}” on the roster and in every record on this tablet.`,
    willKeep: (perspective: string) =>
      `Their perspective (${perspective}) and their place in each meeting are kept, so talk time, turns, balance figures and counts stay as they are.`,
    willMentions: (n: number) => p(n, { one: 'Their name is taken out of the words of # other record that mentions them.', other: 'Their name is taken out of the words of # other records that mention them.' }),
    willOneToOnes: (n: number) => p(n, { one: '# one-to-one request names them: the name and contact details in it are replaced.', other: '# one-to-one requests name them: the name and contact details in it are replaced.' }),
    willOutbox: (n: number) => p(n, { one: '# summary in the outbox is rewritten without their name.', other: '# summaries in the outbox are rewritten without their name.' }),
    willLeave: 'They are marked as having left the group.',
    willFiles: 'Files saved from Heard before now (backups, minutes, spreadsheets) are outside the tablet’s records and still hold their name: find and delete those too.',
    officeYes: (pseudonym: string) =>
      `Summaries with names have been sent to the programme office, so Heard sends each one that held their name again, made afresh without it, then asks the office to put “${pseudonym}” in their place as the owner of actions. Neither contains their name.`,
    officeNo: 'Nothing is sent to the programme office: no summary with names has been sent, so it never had their name.',
    wordsLegend: (dissent: number, answers: number) =>
      `Words recorded as theirs: ${p(dissent, { one: '# dissent entry', other: '# dissent entries' })} and ${p(answers, { one: '# set', other: '# sets' })} of check-in answers with their name`,
    keepWords: 'Keep the words, without their name',
    keepWordsHint: 'The words stay in the record, shown as anonymous.',
    deleteWords: 'Delete their words',
    deleteWordsHint: 'The words are replaced by a note that they were deleted; the number of answers and dissent stays the same.',
    wordsDeleted: 'Words deleted when the person was erased',
    inProgress: 'A meeting of this group is running. Close it before erasing anyone: it is still recording what people say.',
    checkInSealed:
      'A check-in of this group is sealed, because it was ended without the chair PIN. Its words could name this person, and nobody can read them to take the name out. Open the sealed answers with the chair PIN (on the meeting’s check-in answers), or delete them there, before erasing anyone.',
    erased: (pseudonym: string) => `Erased. They are now “${pseudonym}” on the roster and in every record.`,
    pseudonym: (n: number) => `Former member ${n}`,
    backToGroup: 'Back to the group',
  },

  // ------------------------------------------------------------ deleting
  typeToConfirm: 'Type the name to confirm',
  deleteMeeting: {
    title: 'Delete this meeting',
    link: 'Delete this meeting',
    notFound: 'This meeting is not on this tablet. It may have been deleted already.',
    intro: (title: string, day: string) => `This deletes “${title}” (${day}) and everything recorded at it from this tablet.`,
    inProgress: 'This meeting is running. A meeting cannot be deleted while it is running or being closed: end and close it first.',
    goneTitle: 'What is deleted',
    gone: {
      base: 'Who came, the agenda, the meeting clock and the speaker queue',
      turns: (n: number) => p(n, { one: '# speaking turn', other: '# speaking turns' }),
      dissent: (n: number, open: number) => open
        ? p(n, { one: `# dissent entry raised at it, ${num(open)} still open`, other: `# dissent entries raised at it, ${num(open)} still open` })
        : p(n, { one: '# dissent entry raised at it', other: '# dissent entries raised at it' }),
      decisions: (n: number) => p(n, { one: '# decision', other: '# decisions' }),
      actions: (n: number, open: number) => open
        ? p(n, { one: `# action agreed at it, ${num(open)} still open`, other: `# actions agreed at it, ${num(open)} still open` })
        : p(n, { one: '# action agreed at it', other: '# actions agreed at it' }),
      checkIns: (n: number) => p(n, { one: '# check-in and their answers', other: '# check-ins and their answers' }),
      oneToOnes: (n: number) => p(n, { one: '# one-to-one request', other: '# one-to-one requests' }),
    },
    keptTitle: 'What is kept',
    kept: [
      'Words raised at it stay in the group’s glossary.',
      'Ground rules agreed at it stay agreed.',
      'Items carried on to a later meeting stay on that meeting.',
      'A group review held at it stays with the group.',
    ],
    officeTitle: 'The programme office',
    officeNone: 'Nothing about this meeting has been sent to the programme office.',
    officeUnsent: 'Its summary has not been sent yet: it is taken out of the outbox and will not be sent.',
    officeSent: 'Its summary has been sent to the programme office: Heard sends the office a request to delete it.',
    label: 'Type the meeting’s title to confirm',
    hint: (title: string) => `Type: ${title}`,
    empty: 'Type the meeting’s title to delete it',
    mismatch: (title: string) => `The title you typed is not this meeting’s title. Type “${title}” to delete it.`,
    submit: 'Delete this meeting',
    cancel: 'Cancel',
  },
  deleteGroup: {
    title: 'Delete this group',
    link: 'Delete this group',
    notFound: 'This group is not on this tablet. It may have been deleted already.',
    intro: (name: string) => `This deletes the group “${name}” and everything in it from this tablet:`,
    counts: (meetings: number, people: number) =>
      `${p(meetings, { one: '# meeting', other: '# meetings' })} with everything recorded at them, ${p(people, { one: '# person', other: '# people' })} on the roster, the ground rules, the glossary, the dissent register, decisions, actions, check-in questions and group reviews.`,
    inProgress: 'A meeting of this group is running. A group cannot be deleted while one of its meetings is running or being closed: end and close it first.',
    officeSent: 'Summaries of this group have been sent to the programme office: Heard sends the office a request to delete them all.',
    officeNone: 'Nothing of this group has been sent to the programme office. Any summaries waiting in the outbox are removed.',
    backupFirst: 'If you may need the records later, download a backup of the group first (on the group’s page).',
    label: 'Type the group’s name to confirm',
    hint: (name: string) => `Type: ${name}`,
    empty: 'Type the group’s name to delete it',
    mismatch: (name: string) => `The name you typed is not this group’s name. Type “${name}” to delete it.`,
    submit: 'Delete this group',
    cancel: 'Cancel',
  },
  problems: {
    'meeting-in-progress': 'A meeting is running: close it first. Nothing was deleted.',
    other: 'Heard could not do that. Nothing was changed.',
  },

  // ------------------------------------------------------------ retention
  retention: {
    title: 'How long records are kept',
    link: (months: RetentionMonths | undefined) => `How long records are kept: ${months ? `${months} months` : 'until you delete them'}`,
    intro:
      'Choose how long this group keeps meeting records on this tablet. Meetings older than that are listed here for you to review and delete. Nothing is deleted unless you confirm it.',
    legend: 'Keep meeting records for',
    choice: (months: RetentionMonths | undefined) => (months ? `${months} months` : 'Until I delete them'),
    save: 'Save',
    saved: 'Saved.',
    listTitle: (n: number) => `Meetings past the period (${n.toLocaleString('en-GB')})`,
    untilDeleted: 'Records are kept until you delete them, so no meeting is listed.',
    noneOlder: (months: number) => `No meeting is older than ${months} months.`,
    deleteOne: 'Delete',
    deleteOneNamed: (title: string) => `Delete ${title}`,
    deleteAll: (n: number) => `Delete all ${n.toLocaleString('en-GB')} listed`,
    confirmAll: (n: number) =>
      p(n, {
        one: 'Delete # meeting and everything recorded at it from this tablet? Summaries already sent to the programme office are asked to be deleted there too. This cannot be undone.',
        other: 'Delete # meetings and everything recorded at them from this tablet? Summaries already sent to the programme office are asked to be deleted there too. This cannot be undone.',
      }),
    confirmAllYes: (n: number) => p(n, { one: 'Yes, delete # meeting', other: 'Yes, delete # meetings' }),
    cancel: 'Cancel',
    deleted: (n: number) => p(n, { one: '# meeting deleted.', other: '# meetings deleted.' }),
    groupNotice: (n: number, months: number) =>
      p(n, {
        one: `# meeting is older than this group keeps records (${months} months). Review it.`,
        other: `# meetings are older than this group keeps records (${months} months). Review them.`,
      }),
  },
  groupSection: 'Keeping and deleting records',
} as const;
