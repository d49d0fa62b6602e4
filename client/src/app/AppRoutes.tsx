import { Route, Routes } from 'react-router';
import { SECTIONS, type SectionId } from '@coulisses/shared';
import { Suspense, type ReactNode } from 'react';
import { PublicLayout } from './PublicLayout';
import { REFUSED_PATH } from '../sync/ui/status-text';
import { AppShell } from './AppShell';
import { ScreenChange } from './ScreenChange';
import { DesignGuard, LandingRedirect, PublicOnly, RequireAuth, RequireOrg, SectionGuard } from './guards';
import { DESIGN_PATH, SIGN_IN_PATH, SIGN_UP_PATH, WELCOME_PATH } from './routing';
import { LoadingScreen } from '../ui/LoadingScreen';
import {
  DesignPage,
  ForgotPasswordPage,
  ResetPasswordPage,
  UnsubscribePage,
  InvitePage,
  KioskApp,
  MissionInvitationPage,
  RefusedPage,
  SECTION_PAGES,
  SignInPage,
  SignUpPage,
  VerifyPage,
  WelcomePage,
} from './pages';

/** A section's page (its own chunk); the shell around it stays while it loads (AppShell's Suspense). */
function sectionPage(id: SectionId): ReactNode {
  const { Page } = SECTION_PAGES[id];
  return <Page />;
}

/** A page outside the shell: the loading screen while its chunk arrives. */
function standalone(node: ReactNode): ReactNode {
  return <Suspense fallback={<LoadingScreen />}>{node}</Suspense>;
}

export function AppRoutes() {
  return (
    <>
      {/* The document title, the focus on the new screen's heading and its announcement: one place for every route. */}
      <ScreenChange />
      <Routes>
        <Route path="/invite/:id" element={standalone(<InvitePage.Page />)} />
        <Route path="/m/:token" element={standalone(<MissionInvitationPage.Page />)} />
        <Route path="/kiosk/*" element={standalone(<KioskApp.Page />)} />
        <Route path="/forgot-password" element={<PublicOnly>{standalone(<ForgotPasswordPage.Page />)}</PublicOnly>} />
        <Route path="/reset-password" element={standalone(<ResetPasswordPage.Page />)} />
        <Route path="/unsubscribe" element={standalone(<UnsubscribePage.Page />)} />
        <Route path="/verify" element={<PublicLayout>{standalone(<VerifyPage.Page />)}</PublicLayout>} />
        <Route path={SIGN_IN_PATH} element={<PublicOnly>{standalone(<SignInPage.Page />)}</PublicOnly>} />
        <Route path={SIGN_UP_PATH} element={<PublicOnly>{standalone(<SignUpPage.Page />)}</PublicOnly>} />
        <Route element={<RequireAuth />}>
          <Route path={WELCOME_PATH} element={standalone(<WelcomePage.Page />)} />
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
            <Route path={REFUSED_PATH} element={<RefusedPage.Page />} />
            <Route
              path={DESIGN_PATH}
              element={
                <DesignGuard>
                  <DesignPage.Page />
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
