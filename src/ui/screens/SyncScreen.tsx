/** Placeholder until this screen is built; no link leads here yet. */
export function SyncScreen() {
  return null;
}
