/** Words for erasing a person, what Heard holds about someone, deleting and keeping records. Part of the en-GB catalogue. */
export const privacy = {
  person: { title: 'Person' },
  deleteMeeting: { title: 'Delete this meeting' },
  deleteGroup: { title: 'Delete this group' },
  retention: { title: 'How long records are kept' },
} as const;
