/** Placeholder until this screen is built; no link leads here yet. */
export function GroupReviewScreen(_props: { groupId: string }) {
  return null;
}
