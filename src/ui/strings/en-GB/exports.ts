/** Words for the meeting record and its exports: minutes, CSV, calendar, Markdown, backup and restore. Part of the en-GB catalogue. */
export const exports = {} as const;
