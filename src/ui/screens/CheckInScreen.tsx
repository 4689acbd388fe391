/** Placeholder until this screen is built; it renders nothing a user can reach by a link. */
export function CheckInScreen(_props: { meetingId: string }) {
  return null;
}
