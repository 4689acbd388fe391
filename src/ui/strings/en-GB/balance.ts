/** Words for the voice-balancing timer, the speaker queue and the jargon flag. Part of the en-GB catalogue. */
export const balance = {} as const;
