/** Words for the parked dissent register, decisions and actions. Part of the en-GB catalogue. */
export const record = {} as const;
