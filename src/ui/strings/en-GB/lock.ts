/** Words for the device PIN that locks Heard, and the "Your information" page. Part of the en-GB catalogue. */
export const lock = {
  yourInformation: { title: 'Your information' },
  appLock: { title: 'Lock Heard with a PIN' },
} as const;
