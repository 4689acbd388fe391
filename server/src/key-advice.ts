// What `key create` says under a new key: where it goes. Kept apart from the command line and free of
// imports, so the app's tests can hold its words to the app's own (tests/unit/key-advice.test.ts).

/** The tablet's screen for sending, as Heard titles it (its catalogue's sync title and frame link). */
export const APP_SENDING_SCREEN = 'Sending to the office';
/** That screen's part, and its two fields, as Heard labels them. */
export const APP_SERVER_PART = 'The office’s server';
export const APP_ADDRESS_FIELD = 'Server address';
export const APP_KEY_FIELD = 'Device key';

export function keyAdvice(role: 'device' | 'office'): string[] {
  if (role === 'office') {
    return [
      'This is the only time it is shown: sign in to the office page with it now, or keep it somewhere safe.',
      'It reads every summary and may ask for any to be deleted; it cannot send summaries as a tablet.',
    ];
  }
  return [
    `This is the only time it is shown. On the tablet, open Heard and choose “${APP_SENDING_SCREEN}”`,
    `(at the foot of the screen). Under “${APP_SERVER_PART}”, type this server’s address in “${APP_ADDRESS_FIELD}”,`,
    `paste the key in “${APP_KEY_FIELD}” and choose Save. Or keep it somewhere safe until then.`,
    'It may only send, and only its own groups’ summaries.',
  ];
}
