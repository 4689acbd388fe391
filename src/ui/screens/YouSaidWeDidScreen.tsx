/** Placeholder until this screen is built; it renders nothing a user can reach by a link. */
export function YouSaidWeDidScreen(_props: { groupId: string }) {
  return null;
}
