/** Words for the device PIN that locks Heard, and the "Your information" page. Part of the en-GB catalogue. */

import { plurals } from '../plural';
import { pinProblems, pinRules } from './checkin';

const p = plurals('en-GB');

export const lock = {
  yourInformation: {
    title: 'Your information',
    link: 'Your information: what is kept about you',
    intro: 'This page says what Heard keeps about you, where it is kept, and what you can ask for.',
    backToCheckIn: 'Back to the check-in',

    keptTitle: 'What Heard keeps',
    kept: [
      'Your name, if you are on the group’s list.',
      'What kind of member you are, for example a carer, or staff.',
      'Which meetings you came to.',
      'How long you spoke at a meeting. Not what you said.',
      'A disagreement you raised, in your own words, with your name unless you asked to stay anonymous.',
      'Decisions and actions. An action has your name if it is yours to do. An agenda item you lead, or a meeting you chair, has your name too.',
      'Your check-in answers. They do not have your name, unless you ticked “Put my name to my answers”.',
      'Your name or how to contact you, only if you asked for a one-to-one.',
    ],

    whereTitle: 'Where it is kept',
    where: ['It stays on this tablet.', 'The chair looks after the tablet. It is not put on the internet.'],

    sentTitle: 'What is sent to the programme office',
    sendingOff: 'At the moment, this tablet does not send anything. Nothing leaves it. If the chair sets up sending, this is what happens.',
    sendingOn: 'This tablet is set up to send a short summary of each meeting to the programme office.',
    sentWhen: 'The summary is made when the chair closes a meeting. It is sent the next time the tablet is online.',
    sentHas:
      'The summary has numbers: how many people came, how long people spoke (added up for each kind of member, such as carers or staff), how many disagreements were written down, and how people answered the check-in questions.',
    sentAlso:
      'It also has the words of the agenda, the decisions, the actions and the check-in questions, and words people asked to have explained.',
    namesOff:
      'It does not have your name, or anyone’s name. If a name was written in those words, it is changed to what kind of member the person is, for example “a carer”.',
    namesMaybe:
      'It has no names, unless the chair chooses to send them. Without names, a name written in those words is changed to what kind of member the person is, for example “a carer”. With names, it has the group’s name, the name of the person who has each action, and names as they were written.',
    namesOn:
      'The chair chose to send names: the group’s name, the name of the person who has each action, and names as they were written in the agenda, the decisions and the actions.',
    neverSent: 'It never has what you said in your own words, your written check-in answers, or a request for a one-to-one.',

    rightsTitle: 'Seeing or erasing your information',
    seeIt: 'You can ask the chair what Heard keeps about you. The chair can show it to you on the tablet, or print it.',
    eraseIt:
      'You can ask the chair to erase you. Heard then takes your name out of everything on this tablet and puts words like “Former member 3” in its place. Numbers, like how long people spoke, stay the same.',
    eraseSent:
      'If names were sent to the programme office, Heard sends the office those summaries again without your name, and asks it to take your name out too.',
    askAnyTime: 'You can ask at any time.',

    howLongTitle: 'How long it is kept',
    keptFor: (months: number) =>
      months % 12 === 0
        ? p(months / 12, {
            one: 'This group keeps meeting records for # year. After that, the chair looks at the older records and deletes them.',
            other: 'This group keeps meeting records for # years. After that, the chair looks at the older records and deletes them.',
          })
        : p(months, {
            one: 'This group keeps meeting records for # month. After that, the chair looks at the older records and deletes them.',
            other: 'This group keeps meeting records for # months. After that, the chair looks at the older records and deletes them.',
          }),
    keptUntilDeleted: 'Heard keeps records until the chair deletes them. Each group can choose how long to keep meeting records. After that time, the chair looks at the older records and deletes them.',
    questions: 'If you have a question about your information, ask the chair.',

    checkInTitle: 'Who can see your check-in answers',
    checkIn: [
      'Your answers are saved when you tap “Save my answers”. Then they leave the screen. Nobody after you can see them on this tablet.',
      'Only the chair can see them, after entering the chair’s PIN.',
      'If the chair ends the check-in without the PIN, the numbers stay, but what you wrote, your name on your answers and any request for a one-to-one are sealed. Nobody can read them until the PIN is entered. If nobody knows it, the chair can delete them.',
    ],
  },

  appLock: {
    title: 'Lock Heard with a PIN',
    link: 'Lock Heard with a PIN',
    intro:
      'A device PIN stops someone who picks up this tablet from seeing your groups and meetings. It is not the chair PIN for the check-in.',
    statusOn: (n: number) => p(n, {
        one: 'The lock is on. Heard asks for the PIN when it is opened, and after # minute without use.',
        other: 'The lock is on. Heard asks for the PIN when it is opened, and after # minutes without use.',
      }),
    statusOff: 'The lock is off. Anyone who opens Heard on this tablet can see everything in it.',
    cannotHash: 'This tablet cannot lock Heard here: open Heard from an https address to use a PIN.',
    pinRules,

    turnOnTitle: 'Turn on the lock',
    pin: 'Device PIN',
    pinAgain: 'Device PIN again',
    idleLegend: 'Lock after how long without use',
    idleHint: 'A meeting keeps running while Heard is locked.',
    idleChoice: (n: number) => p(n, { one: '# minute', other: '# minutes' }),
    turnOn: 'Turn on the lock',
    turnedOn: 'Saved. Remember the PIN: Heard will ask for it the next time it is opened.',

    saveIdle: 'Save',
    idleSaved: (n: number) => p(n, { one: 'Saved. Heard locks after # minute without use.', other: 'Saved. Heard locks after # minutes without use.' }),

    changeTitle: 'Change the PIN',
    currentPin: 'Current PIN',
    newPin: 'New PIN',
    newPinAgain: 'New PIN again',
    change: 'Change the PIN',
    changed: 'The PIN is changed.',

    offTitle: 'Turn off the lock',
    offHint: 'Enter the PIN to turn the lock off. Nothing in Heard is deleted.',
    turnOff: 'Turn off the lock',
    turnedOff: 'The lock is off.',

    lockNow: 'Lock Heard now',

    problems: {
      ...pinProblems,
      currentEmpty: 'Enter the current PIN',
    },
  },

  prompt: {
    title: 'Heard is locked',
    hint: 'Enter the device PIN to carry on. Nothing is lost while Heard is locked: a running meeting carries on, and its clocks keep time.',
    pin: 'Device PIN',
    unlock: 'Unlock',
    wrong: 'That PIN is not right',
    waitFor: (words: string) => `Too many wrong tries. Wait ${words}, then try again.`,
    wrongTries: (n: number) =>
      p(n, {
        one: '# wrong try so far. After 4 wrong tries, each wrong try makes you wait before the next, and the wait gets longer each time.',
        other: '# wrong tries so far. After 4 wrong tries, each wrong try makes you wait before the next, and the wait gets longer each time.',
      }),
    mustWait: 'Wait until the time is up, then try again.',

    forgotTitle: 'Forgotten the PIN?',
    forgotHint: 'Nobody can open Heard without the PIN. If nobody knows it, the only way to use Heard on this tablet again is to erase everything Heard holds here.',
    eraseStart: 'Erase Heard on this tablet',
    eraseTitle: 'Erase Heard on this tablet',
    eraseWhat: (groups: number, meetings: number) =>
      `This deletes everything Heard holds on this tablet: ${p(groups, { one: '# group', other: '# groups' })} and ${p(meetings, { one: '# meeting', other: '# meetings' })}, with their people, records and check-in answers, and the lock itself.`,
    eraseUnsent: (n: number) =>
      n === 0 ? 'Nothing is waiting to be sent to the programme office.' : p(n, { one: '# summary or request waiting to go to the programme office will never be sent.', other: '# summaries or requests waiting to go to the programme office will never be sent.' }),
    eraseBackup: 'A backup file saved from Heard (a JSON file) brings them back: after erasing, open This device, then Restore from a backup file. Anything done since that backup is lost.',
    eraseWords: {
      label: 'Type ERASE to confirm',
      hint: (phrase: string) => `Type: ${phrase}`,
      empty: 'Type ERASE to erase Heard on this tablet',
      mismatch: (phrase: string) => `Type ${phrase} to erase Heard on this tablet, or choose Cancel`,
      submit: 'Erase everything on this tablet',
      cancel: 'Cancel',
    },
    cancel: 'Cancel',
  },

  /** On the "This device" screen. */
  deviceTitle: 'Privacy',
  deviceLockOn: '— on',
  deviceLockOff: '— off',

  /** On the check-in's "Forgotten the PIN?" when Heard is also locked with a device PIN. */
  alsoDevicePin: 'Heard is also locked with a device PIN, so it will ask for that next.',
} as const;
