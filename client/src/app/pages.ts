import type { SectionId } from '@coulisses/shared';
import { lazyPage, type LazyPage } from './lazy-page';

/**
 * Every page in its own chunk (docs/performance.md, "App size and cold open"): the entry holds the shell, the
 * session, the store and the router; a role downloads the code of its own sections, the kiosk its own app.
 */
export const SECTION_PAGES: Record<SectionId, LazyPage<Record<string, never>>> = {
  myMissions: lazyPage(() => import('../pages/my-missions/MyMissionsPage'), 'MyMissionsPage'),
  planning: lazyPage(() => import('../pages/planning/PlanningPage'), 'PlanningPage'),
  conflicts: lazyPage(() => import('../pages/conflicts/ConflictsPage'), 'ConflictsPage'),
  timeclock: lazyPage(() => import('../pages/timeclock/TimeclockPage'), 'TimeclockPage'),
  kpi: lazyPage(() => import('../pages/kpi/KpiSectionPage'), 'KpiSectionPage'),
  analytics: lazyPage(() => import('../pages/analytics/AnalyticsPage'), 'AnalyticsPage'),
  equipment: lazyPage(() => import('../pages/equipment/EquipmentPage'), 'EquipmentPage'),
  admin: lazyPage(() => import('../pages/admin/AdminPage'), 'AdminPage'),
};

export const SignInPage = lazyPage(() => import('../auth/SignInPage'), 'SignInPage');
export const SignUpPage = lazyPage(() => import('../auth/SignUpPage'), 'SignUpPage');
export const WelcomePage = lazyPage(() => import('../org/WelcomePage'), 'WelcomePage');
export const VerifyPage = lazyPage(() => import('../pages/verify/VerifyPage'), 'VerifyPage');
export const RefusedPage = lazyPage(() => import('../pages/conflicts/RefusedPage'), 'RefusedPage');
export const InvitePage = lazyPage(() => import('../pages/invite/InvitePage'), 'InvitePage');
export const MissionInvitationPage = lazyPage(() => import('../pages/mission-invitation/MissionInvitationPage'), 'MissionInvitationPage');
export const ForgotPasswordPage = lazyPage(() => import('../pages/password/ForgotPasswordPage'), 'ForgotPasswordPage');
export const ResetPasswordPage = lazyPage(() => import('../pages/password/ResetPasswordPage'), 'ResetPasswordPage');
export const UnsubscribePage = lazyPage(() => import('../pages/unsubscribe/UnsubscribePage'), 'UnsubscribePage');
export const KioskApp = lazyPage(() => import('../kiosk/KioskApp'), 'KioskApp');
export const DesignPage = lazyPage(() => import('../pages/design/DesignPage'), 'default');
