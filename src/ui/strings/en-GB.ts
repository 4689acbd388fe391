import { plurals } from './plural';

/**
 * The words of the first screens, in plain en-GB: home, groups, meetings, the
 * app's frame. Each larger feature keeps its words in a block of its own under
 * en-GB/, loaded with the feature's code; strings/all.ts joins every block into
 * the whole catalogue. Screens take their words from the catalogue, never
 * inline, so a translation can be added without touching them.
 */
const p = plurals('en-GB');

export const en = {
  appName: 'Heard',
  skipToContent: 'Skip to main content',
  nav: {
    home: 'Home',
    device: 'This device',
    back: 'Back',
  },
  save: {
    saving: 'Saving…',
    saved: 'Saved on this device',
    idle: 'Everything is kept on this device',
    failed: {
      'device-full':
        'Not saved: this device is full. Free some space (delete photos or other apps’ data), then try again. What was saved before is safe.',
      'closed-by-other-tab': 'Not saved: Heard was updated in another tab. Reload this page to carry on. What was saved before is safe.',
      'newer-version': 'Not saved: a newer version of Heard is on this device. Reload this page to carry on. What was saved before is safe.',
      blocked: 'Not saved: the browser would not let Heard save. Close other Heard tabs and try again. What was saved before is safe.',
      rule: 'That change was not allowed.',
      unknown: 'Not saved: something went wrong while saving. Try again. What was saved before is safe.',
    },
  },
  versionChanged: {
    'opened-in-another-tab': 'A newer Heard was opened in another tab. Reload this page to carry on; everything saved is safe.',
    'already-on-device': 'A newer version of Heard is on this device. Reload this page to carry on; everything saved is safe.',
  },
  reload: 'Reload',
  /**
   * How dates and times are written: date-fns patterns (https://date-fns.org/docs/format), not
   * words. The names of days and months come from the locale's date-fns locale.
   */
  dates: {
    day: 'EEEE d MMMM yyyy',
    shortDay: 'EEE d MMM yyyy',
    clock: 'HH:mm',
    dayAndClock: 'd MMM yyyy, HH:mm',
  },
  /** The locks' own state could not be read: Heard stays shut (fails closed) and says why. Read by the app's frame. */
  lockUnreadable: {
    title: 'Heard is locked',
    why: 'Heard could not read whether it is locked, or what its lock is, so it stays locked to keep what it holds safe. Nothing has been deleted.',
    whatToDo: 'Reload to try again. If Heard stays locked, the chair can erase Heard on this tablet and restore a backup file.',
    erase: 'Erase Heard on this tablet',
  },
  update: {
    ready: 'A new version of Heard is ready.',
    waitingForMeeting: 'A new version of Heard is ready. It will be offered when the meeting is closed.',
    now: 'Update now',
    offlineReady: 'Heard is ready to work without a connection.',
  },
  loading: 'Loading…',
  loadFailed: 'Heard could not read this device’s storage. Reload the page to try again.',
  notFound: {
    title: 'Page not found',
    body: 'There is nothing here. It may have been deleted.',
    home: 'Go to the home screen',
  },
  errors: {
    summaryTitle: 'There is a problem',
    prefix: 'Error:',
  },
  fields: {
    charsLimit: (max: number) => `Up to ${max} characters.`,
    empty: (label: string) => `Enter ${label.toLowerCase()}`,
    tooLong: (label: string, max: number) => `${label} must be ${max} characters or fewer`,
    optional: '(optional)',
  },
  home: {
    title: 'Your meetings',
    intro: 'Plan and run co-produced meetings where everyone is heard. Everything stays on this device.',
    newGroup: 'New group',
    newMeeting: 'New meeting',
    trySample: 'Try a sample group',
    sampleHint: 'A made-up group and meeting to explore. You can delete it in one step.',
    firstRun: 'Start by making a group: a workstream or committee that meets more than once.',
    groups: 'Groups',
    noGroups: 'No groups yet.',
    upcoming: 'Upcoming meetings',
    noUpcoming: 'No upcoming meetings.',
    past: 'Past meetings',
    noPast: 'No past meetings yet.',
    open: 'Open',
    openNamed: (title: string) => `Open ${title}`,
    people: (n: number) => p(n, { one: '# person', other: '# people' }),
    sampleBadge: 'Sample',
  },
  group: {
    newTitle: 'New group',
    name: 'Group name',
    nameHint: 'For example, “Hospital discharge workstream”.',
    create: 'Create group',
    cancel: 'Cancel',
    perspectives: 'Perspectives',
    perspectivesHint:
      'The kinds of experience people bring. Heard uses these to show whether every perspective is being heard.',
    perspectiveLabel: (n: number) => `Perspective ${n}`,
    addPerspective: 'Add a perspective',
    removePerspective: (label: string) => `Remove “${label}”`,
    perspectiveInUse: 'Someone in the group has this perspective, so it cannot be removed. You can rename it.',
    savePerspectives: 'Save perspectives',
    perspectivesSaved: 'Perspectives saved.',
    perspectiveTwice: (label: string) => `${label}: this perspective is listed twice`,
    roster: 'People',
    rosterEmpty: 'Nobody in this group yet. Add the people who come to its meetings.',
    addPerson: 'Add person',
    addAnyway: 'Add anyway',
    personName: 'Name',
    personNameHint: 'The name people use in the room. Up to 80 characters.',
    personPerspective: 'Perspective',
    duplicateName: (name: string) => `There is already someone called “${name}” in this group. Check it is a different person.`,
    rename: 'Rename',
    renameNamed: (name: string) => `Rename ${name}`,
    saveName: 'Save name',
    cancelRename: 'Cancel',
    changePerspectiveNamed: (name: string) => `Perspective of ${name}`,
    markLeft: 'Mark as left',
    markLeftNamed: (name: string) => `Mark as left: ${name}`,
    rejoin: 'Back in the group',
    rejoinNamed: (name: string) => `Back in the group: ${name}`,
    removeNamed: (name: string) => `Remove ${name}`,
    remove: 'Remove',
    leftBadge: 'Left the group',
    cannotRemove: 'This group has meetings, so nobody is removed: mark them as having left instead.',
    meetings: 'Meetings',
    noMeetings: 'No meetings yet.',
    newMeeting: 'New meeting',
    rename_group: 'Rename group',
    saveGroupName: 'Save group name',
    sampleNotice: 'This is a sample group with made-up people. Explore it, then delete it when you are ready.',
    deleteSample: 'Delete sample group',
    sampleDeleted: 'The sample group was deleted.',
    notFound: 'This group is not on this device.',
  },
  meeting: {
    newTitle: 'New meeting',
    editTitle: 'Edit meeting',
    group: 'Group',
    chooseGroup: 'Choose a group',
    noGroupsYet: 'Make a group first: a meeting belongs to a group.',
    title: 'Meeting title',
    date: 'Date',
    start: 'Start time',
    end: 'End time',
    timeHint: 'For example, 10:00 or 14:30.',
    venue: 'Venue',
    venueHint: 'For example, “St Columba’s church hall”.',
    chair: 'Chair',
    noChair: 'Not chosen yet',
    expected: 'Who is expected',
    expectedHint: 'Everyone currently in the group is ticked. Untick anyone not coming.',
    nobodyInGroup: 'Nobody is in this group yet. You can add people to the group, or add guests on the day.',
    create: 'Create meeting',
    saveChanges: 'Save changes',
    cancel: 'Cancel',
    edit: 'Edit details',
    status: 'Status',
    when: (day: string, from: string, to: string) => `${day}, ${from} to ${to}`,
    at: (venue: string) => `at ${venue}`,
    chairIs: (name: string) => `Chair: ${name}`,
    people: 'People expected',
    guests: 'Guests on the day',
    addGuest: 'Add a guest',
    guestName: 'Guest’s name',
    guestPerspective: 'Guest’s perspective',
    guestBadge: 'Guest',
    nobodyExpected: 'Nobody is expected yet.',
    notFound: 'This meeting is not on this device.',
    groupLink: (name: string) => `Group: ${name}`,
    states: {
      'not-started': 'Not started',
      running: 'Running',
      closing: 'Checking in',
      closed: 'Closed',
    },
    problems: {
      'date-missing': 'Enter the date of the meeting',
      'date-invalid': 'Enter a real date, for example 27 3 2027',
      'start-invalid': 'Enter the start time, for example 10:00',
      'end-invalid': 'Enter the end time, for example 12:00',
      'end-before-start': 'The end time must be after the start time',
    },
  },
  device: {
    title: 'This device',
    intro: 'Heard keeps everything on this device. Nothing is sent anywhere unless a sync server is set up.',
    storageUsed: 'Storage used',
    usage: (used: string, quota: string) => `${used} of about ${quota} available to Heard`,
    unknown: 'This browser does not say.',
    persistent: 'Kept safe from clear-outs',
    persistentYes: 'Yes: the browser will not clear Heard’s data to free space.',
    persistentNo:
      'Not yet: if the device runs short of space, the browser may clear Heard’s data. Installing Heard to the home screen helps.',
    askPersist: 'Ask the browser to keep Heard’s data',
    version: 'Version',
    offline: 'Working offline',
    offlineYes: 'Ready: Heard opens without a connection on this device.',
    offlineNo: 'Not yet: open Heard once with a connection to make it work offline.',
  },
  /** The always-visible sync status in the app's frame; the Sync screen's own words are in en-GB/sync.ts. */
  syncStatus: {
    link: 'Sending to the office',
    allSent: 'All summaries sent',
    none: 'No summaries to send',
    /** Summaries and erasure or deletion requests not yet sent. */
    waiting: (summaries: number, requests = 0) =>
      summaries && requests
        ? `${p(summaries, { one: '# summary', other: '# summaries' })} and ${p(requests, { one: '# request', other: '# requests' })} waiting to send`
        : requests
          ? p(requests, { one: '# request waiting to send', other: '# requests waiting to send' })
          : p(summaries, { one: '# summary waiting to send', other: '# summaries waiting to send' }),
    stale: 'Waiting more than 5 days: send soon, or the browser may clear it',
    setAside: (n: number) => `${n} set aside`,
    notSetUp: 'not set up',
    problem: {
      key: 'The server did not accept the device key',
      forbidden: 'This tablet’s key may not change that group; ask the office',
      network: 'The office server could not be reached',
      timeout: 'The office server did not answer in time',
      server: 'The office server had a problem',
      blocked: 'This page is not allowed to reach the office server',
      refused: 'The office server refused one: set aside',
    },
  },
} as const;

export type Strings = typeof en;
