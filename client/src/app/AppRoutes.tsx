import { Route, Routes } from 'react-router';
import { SECTIONS, type SectionId } from '@coulisses/shared';
import { lazy, Suspense, type ReactNode } from 'react';
import { SignInPage } from '../auth/SignInPage';
import { SignUpPage } from '../auth/SignUpPage';
import { WelcomePage } from '../org/WelcomePage';
import { AdminPage } from '../pages/admin/AdminPage';
import { AnalyticsPage } from '../pages/analytics/AnalyticsPage';
import { EquipmentPage } from '../pages/equipment/EquipmentPage';
import { VerifyPage } from '../pages/verify/VerifyPage';
import { PublicLayout } from './PublicLayout';
import { ConflictsPage } from '../pages/conflicts/ConflictsPage';
import { RefusedPage } from '../pages/conflicts/RefusedPage';
import { InvitePage } from '../pages/invite/InvitePage';
import { KioskApp } from '../kiosk/KioskApp';
import { MissionInvitationPage } from '../pages/mission-invitation/MissionInvitationPage';
import { MyMissionsPage } from '../pages/my-missions/MyMissionsPage';
import { PlanningPage } from '../pages/planning/PlanningPage';
import { KpiSectionPage } from '../pages/kpi/KpiSectionPage';
import { SectionPage } from '../pages/sections/SectionPage';
import { TimeclockPage } from '../pages/timeclock/TimeclockPage';
import { REFUSED_PATH } from '../sync/ui/status-text';
import { AppShell } from './AppShell';
import { ScreenChange } from './ScreenChange';
import { DesignGuard, LandingRedirect, PublicOnly, RequireAuth, RequireOrg, SectionGuard } from './guards';
import { DESIGN_PATH, SIGN_IN_PATH, SIGN_UP_PATH, WELCOME_PATH } from './routing';
import { LoadingScreen } from '../ui/LoadingScreen';

/** The gallery loads on demand (its own chunk). */
const DesignPage = lazy(() => import('../pages/design/DesignPage'));

/** The sections built so far; the others show their placeholder. */
function sectionPage(id: SectionId): ReactNode {
  switch (id) {
    case 'admin':
      return <AdminPage />;
    case 'planning':
      return <PlanningPage />;
    case 'conflicts':
      return <ConflictsPage />;
    case 'myMissions':
      return <MyMissionsPage />;
    case 'timeclock':
      return <TimeclockPage />;
    case 'kpi':
      return <KpiSectionPage />;
    case 'analytics':
      return <AnalyticsPage />;
    case 'equipment':
      return <EquipmentPage />;
    default:
      return <SectionPage sectionId={id} />;
  }
}

export function AppRoutes() {
  return (
    <>
      {/* The document title, the focus on the new screen's heading and its announcement: one place for every route. */}
      <ScreenChange />
      <Routes>
        <Route path="/invite/:id" element={<InvitePage />} />
        <Route path="/m/:token" element={<MissionInvitationPage />} />
        <Route path="/kiosk/*" element={<KioskApp />} />
        <Route path="/verify" element={<PublicLayout><VerifyPage /></PublicLayout>} />
        <Route path={SIGN_IN_PATH} element={<PublicOnly><SignInPage /></PublicOnly>} />
        <Route path={SIGN_UP_PATH} element={<PublicOnly><SignUpPage /></PublicOnly>} />
        <Route element={<RequireAuth />}>
          <Route path={WELCOME_PATH} element={<WelcomePage />} />
          <Route element={<RequireOrg><AppShell /></RequireOrg>}>
            {SECTIONS.map((section) => (
              <Route
                key={section.id}
                path={`${section.path}/*`}
                element={
                  <SectionGuard sectionId={section.id}>{sectionPage(section.id)}</SectionGuard>
                }
              />
            ))}
            <Route path={REFUSED_PATH} element={<RefusedPage />} />
            <Route
              path={DESIGN_PATH}
              element={
                <DesignGuard>
                  <Suspense fallback={<LoadingScreen />}>
                    <DesignPage />
                  </Suspense>
                </DesignGuard>
              }
            />
          </Route>
        </Route>
        <Route path="*" element={<LandingRedirect />} />
      </Routes>
    </>
  );
}
