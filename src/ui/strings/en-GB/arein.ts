/** Words for who is at the table (ARE IN) and the group's own review. Part of the en-GB catalogue. */
export const arein = {} as const;
