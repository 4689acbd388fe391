/** Words for sending summaries to the programme office. Part of the en-GB catalogue. */
export const sync = {} as const;
