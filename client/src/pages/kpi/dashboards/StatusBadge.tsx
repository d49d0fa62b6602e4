import type { KpiPeriodStatus } from '@coulisses/shared';
import { enumLabel } from '../../../i18n/enum-label';
import { useT } from '../../../i18n/useT';
import { Chip, IconClock, IconError, IconInfo, IconSuccess, IconWarning, type IconComponent, type Tone } from '../../../ui';

/** Colour and icon of each status: the text is always written too (never colour alone). */
export const STATUS_TONES: Record<KpiPeriodStatus, Tone> = {
  GREEN: 'success',
  ORANGE: 'warning',
  RED: 'danger',
  UNRATED: 'neutral',
  NO_DATA: 'neutral',
  LATE: 'danger',
};
const ICONS: Record<KpiPeriodStatus, IconComponent> = {
  GREEN: IconSuccess,
  ORANGE: IconWarning,
  RED: IconError,
  UNRATED: IconInfo,
  NO_DATA: IconInfo,
  LATE: IconClock,
};

export function StatusBadge({ status, testId, size = 'sm' }: { status: KpiPeriodStatus; testId?: string; size?: 'sm' | 'md' }) {
  const t = useT();
  return (
    <Chip tone={STATUS_TONES[status]} variant={status === 'LATE' ? 'outline' : 'soft'} size={size} icon={ICONS[status]} data-testid={testId} data-status={status}>
      {enumLabel(t, 'kpiPeriodStatus', status)}
    </Chip>
  );
}
