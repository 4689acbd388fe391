import { plurals } from '../plural';
/** Words for who is at the table (ARE IN) and the group's own review. Part of the en-GB catalogue. */

import type { AreInRole, PrincipleKey } from '../../../domain/arein-model';

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function orList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

const roles: Record<AreInRole, string> = {
  authority: 'Authority',
  resources: 'Resources',
  expertise: 'Expertise',
  information: 'Information',
  need: 'Need',
};

const p = plurals('en-GB');

export const arein = {
  // ------------------------------------------------------------ the five roles
  roles,
  /** One line each, from the co-production guide, in plain words. */
  roleHints: {
    authority: 'Can act on what the group decides, and make it happen.',
    resources: 'Knows what money, staff, rooms or access there is.',
    expertise: 'Knows the topic: from work, study or life.',
    information: 'Has facts and figures others need.',
    need: 'Will be affected by the outcome: people who use services, carers, staff.',
  } satisfies Record<AreInRole, string>,

  // ------------------------------------------------------------ the roster
  bringsNamed: (name: string) => `What ${name} brings`,

  // ------------------------------------------------------------ coverage
  groupTitle: 'Who is at the table',
  groupIntro:
    'The co-production guide asks each group to check it has people who bring Authority, Resources, Expertise, Information and Need (ARE IN). Mark what each person brings in the list of people above.',
  meetingTitle: 'Who is at the table today',
  meetingIntro: 'Everyone expected or added on the day, except anyone marked as not come.',
  nobodyInGroup: 'Nobody is in the group yet.',
  nobodyAtMeeting: 'Nobody is expected at this meeting yet.',
  nobodyBrings: 'Nobody yet',
  countedPeople: (n: number) => p(n, { one: '# person', other: '# people' }),
  byPerspectiveTitle: 'By perspective',
  perspectiveCount: (label: string, n: number) => `${label}: ${n}`,
  unknownPerspective: 'No perspective',
  /** Until any role is marked, one line instead of five false alarms. */
  rolesUnmarkedGroup: 'No roles are marked yet. Tick what each person brings in the list of people, and Heard will say who is missing.',
  rolesUnmarkedToday:
    'This meeting has items for decision. Mark what each person brings on the group screen, and Heard will say whether anyone here can act on them.',
  /** The group: every role nobody brings, in one line. */
  missingInGroup: (missing: readonly AreInRole[]) =>
    `Nobody in the group brings ${orList(missing.map((r) => roles[r]))}. Who should be invited?`,
  needFewInGroup: (names: readonly string[]) =>
    names.length === 1
      ? `Only one person brings Need (${names[0]}): one voice speaks for everyone who will be affected. Who else could be invited?`
      : `Only two people bring Need (${list(names)}): few voices speak for everyone who will be affected. Who else could be invited?`,
  /** One meeting with items for decision: who came. */
  missingToday: (missing: readonly AreInRole[]) => `Nobody here today brings ${orList(missing.map((r) => roles[r]))}.`,
  needFewToday: (names: readonly string[]) =>
    names.length === 1 ? `Only one person here today brings Need (${names[0]}).` : `Only two people here today bring Need (${list(names)}).`,
  decisionsWithoutAuthority: (titles: readonly string[]) =>
    p(titles.length, {
      one: `“${titles[0]}” is for decision, and nobody here today can act on it. Say so when you reach it, and record who will decide.`,
      other: `# items are for decision (${list(titles.map((x) => `“${x}”`))}), and nobody here today can act on them. Say so when you reach them, and record who will decide.`,
    }),
  reviewLink: 'Review how co-production is going',

  // ------------------------------------------------------------ the group review
  reviewTitle: 'Review how co-production is going',
  notFound: 'This group could not be found. It may have been deleted.',
  reviewIntro:
    'Every few meetings, look back together. The co-production guide asks three questions, and asks the group to rate the six principles of co-production.',
  pastTitle: 'Past reviews',
  noReviews: 'No reviews yet.',
  reviewOf: (day: string) => `Review of ${day}`,
  atMeeting: (title: string) => `At the meeting “${title}”`,
  editedAt: (when: string) => `Last changed ${when}`,
  edit: 'Edit',
  editNamed: (day: string) => `Edit the review of ${day}`,
  notAnswered: 'Not answered',
  newTitle: 'A new review',
  editTitle: (day: string) => `Change the review of ${day}`,
  date: 'Date of the review',
  dateHint: 'For example, 14 March 2030.',
  meeting: 'Held at a meeting',
  noMeeting: 'Not at a meeting',
  questionsTitle: 'Three questions',
  questions: {
    howMuch: 'How much did we do?',
    howWell: 'How well did we do it?',
    betterOff: 'Is anyone better off?',
  },
  questionHints: {
    howMuch: 'For example: meetings held, people who took part, actions done.',
    howWell: 'For example: did everyone have a say, were actions followed up?',
    betterOff: 'What has changed for people who use services, carers, staff or the community?',
  },
  principlesTitle: 'The six principles',
  principlesHint: 'How well is the group doing each one? Choose “Not rated” to leave one out.',
  principles: {
    'valuing-people': 'Valuing people',
    'representative-networks': 'Representative networks',
    'building-capacity': 'Building capacity',
    'reciprocal-recognition': 'Reciprocal recognition',
    'cross-boundary-working': 'Cross-boundary working',
    'enabling-and-facilitating': 'Enabling and facilitating',
  } satisfies Record<PrincipleKey, string>,
  principleHints: {
    'valuing-people': 'Everyone’s knowledge and experience is respected, and everyone is heard.',
    'representative-networks': 'The right mix of people is at the table, including people who are seldom heard.',
    'building-capacity': 'People get the training, information and support they need to take part.',
    'reciprocal-recognition': 'People’s time is recognised and rewarded, and we learn from each other.',
    'cross-boundary-working': 'Organisations and the community work together and share what they have.',
    'enabling-and-facilitating': 'Leaders help the group find its own answers and share responsibility for them.',
  } satisfies Record<PrincipleKey, string>,
  ratings: {
    1: 'Not at all',
    2: 'A little',
    3: 'Partly',
    4: 'Well',
    5: 'Very well',
  },
  notRated: 'Not rated',
  comment: (principle: string) => `Comment on ${principle.toLowerCase()}`,
  save: 'Save review',
  saveChanges: 'Save changes',
  cancel: 'Cancel',
  saved: 'Review saved.',
  // Errors, GOV.UK style: say what to do.
  nothingSaid: 'Answer at least one question, or rate or comment on at least one principle',
  dateEmpty: 'Enter the date of the review',
  dateInvalid: 'Enter a real date, for example 14 March 2030',
  tooLong: (label: string, max: number) => `${label} must be ${max} characters or fewer`,
  notARating: (principle: string) => `Choose how well the group is doing on ${principle.toLowerCase()}, or “Not rated”`,
  groupGone: 'This group has been deleted, so the review could not be saved.',
} as const;
