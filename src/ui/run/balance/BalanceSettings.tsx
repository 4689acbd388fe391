import { saveBalancePreferences, type BalancePreferences } from '../../../state/preferences';
import { SelectField } from '../../components/fields';
import { formatLength } from '../../format-duration';
import { t } from '../../strings/all';

const MINUTE = 60_000;

export function BalanceSettings({ groupId, preferences }: { groupId: string; preferences: BalancePreferences }) {
  const { thresholds } = preferences;
  const setThresholds = (changes: Partial<BalancePreferences['thresholds']>) =>
    void saveBalancePreferences(groupId, { ...preferences, thresholds: { ...thresholds, ...changes } });
  return (
    <details class="details">
      <summary>{t.balance.settingsTitle}</summary>
      <SelectField
        id="balance-over"
        label={t.balance.overFactor}
        value={String(thresholds.overFactor)}
        choices={[1.5, 2, 3].map((n) => ({ value: String(n), label: t.balance.timesFair(n) }))}
        onChange={(value) => setThresholds({ overFactor: Number(value) })}
      />
      <SelectField
        id="balance-under"
        label={t.balance.underFactor}
        value={String(thresholds.underFactor)}
        choices={[
          { value: '0.5', label: t.balance.partFair(t.balance.half) },
          { value: String(1 / 3), label: t.balance.partFair(t.balance.third) },
          { value: '0.25', label: t.balance.partFair(t.balance.quarter) },
        ]}
        onChange={(value) => setThresholds({ underFactor: Number(value) })}
      />
      <SelectField
        id="balance-heard-after"
        label={t.balance.heardAfter}
        hint={t.balance.heardAfterHint}
        value={String(thresholds.heardAfterMs)}
        choices={[15, 30, 60, 120].map((seconds) => ({ value: String(seconds * 1000), label: formatLength(seconds * 1000) }))}
        onChange={(value) => setThresholds({ heardAfterMs: Number(value) })}
      />
      <SelectField
        id="balance-soft-limit"
        label={t.balance.softLimit}
        value={preferences.softLimitMs === null ? '' : String(preferences.softLimitMs / MINUTE)}
        choices={[{ value: '', label: t.balance.off }, ...[1, 2, 3, 5].map((n) => ({ value: String(n), label: t.balance.minutes(n) }))]}
        onChange={(value) => void saveBalancePreferences(groupId, { ...preferences, softLimitMs: value ? Number(value) * MINUTE : null })}
      />
    </details>
  );
}
