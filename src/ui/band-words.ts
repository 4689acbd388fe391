import type { ShareBand } from '../domain/balance';
import { t } from './strings/all';

/** The one measure against a fair share, in words, on every screen and in every file; "too early" until enough has been said. */
export function bandWords(band: ShareBand | null): string {
  return band === null ? t.balance.tooEarly : t.balance.bands[band];
}
