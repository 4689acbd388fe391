import type { Id } from '../domain/model';
import type { SyncSettings } from '../domain/sync-model';
import { db } from './connection';
import { readSetting, readSyncGlance, SYNC_SETTINGS_KEY } from './settings-repo';

/** What the "Your information" page needs to say exactly what is true on this tablet: no one's records, only settings. */
export interface InformationFacts {
  /** The office's server is set up, so summaries leave the tablet. */
  sending: boolean;
  /** The chair chose to send the group's name and action owners' names. */
  names: boolean;
  /** The group's retention, when the page is read from that group's check-in and the chair chose one. */
  retentionMonths: number | null;
}

export async function readInformationFacts(groupId: Id | null): Promise<InformationFacts> {
  const [glance, settings, group] = await Promise.all([
    readSyncGlance(),
    readSetting<Partial<SyncSettings>>(SYNC_SETTINGS_KEY),
    groupId ? db().groups.get(groupId) : undefined,
  ]);
  return { sending: glance.configured, names: glance.configured && settings?.names === true, retentionMonths: group?.retentionMonths ?? null };
}
