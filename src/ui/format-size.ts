import { t } from './strings';

const MB = 1024 * 1024;
const GB = 1024 * MB;

/**
 * A size the way people say it: "less than 1 MB", "12 MB", "2.5 GB", "10 GB".
 * Storage figures are estimates, so "10240.6 MB" is false precision.
 */
export function roughSize(bytes: number): string {
  if (bytes < MB) return t.device.size.underOneMB;
  if (bytes < GB) return t.device.size.mb(Math.round(bytes / MB));
  const gb = bytes / GB;
  return t.device.size.gb(gb < 10 ? Math.round(gb * 10) / 10 : Math.round(gb));
}
