/** Words for the end-of-meeting check-in on the shared tablet. Part of the en-GB catalogue. */
export const checkin = {} as const;
