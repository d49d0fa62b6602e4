import type { SectionId } from '@coulisses/shared';
import { IconBox, IconCalendar, IconChart, IconClock, IconEdit, IconInbox, IconSettings, IconWarning, type IconComponent } from '../ui/icons';

/** The icon of each section in the phone tab bar. */
export const SECTION_ICONS: Record<SectionId | 'design', IconComponent> = {
  planning: IconCalendar,
  myMissions: IconInbox,
  timeclock: IconClock,
  kpi: IconChart,
  analytics: IconChart,
  equipment: IconBox,
  conflicts: IconWarning,
  admin: IconSettings,
  design: IconEdit,
};
