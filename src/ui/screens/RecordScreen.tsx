/** Placeholder until this screen is built; no link leads here yet. */
export function RecordScreen(_props: { meetingId: string }) {
  return null;
}
