import { Route, Routes } from 'react-router';
import { SECTIONS } from '@coulisses/shared';
import { SignInPage } from '../auth/SignInPage';
import { SignUpPage } from '../auth/SignUpPage';
import { WelcomePage } from '../org/WelcomePage';
import { AdminPage } from '../pages/admin/AdminPage';
import { InvitePage } from '../pages/invite/InvitePage';
import { SectionPage } from '../pages/sections/SectionPage';
import { AppShell } from './AppShell';
import { LandingRedirect, PublicOnly, RequireAuth, RequireOrg, SectionGuard } from './guards';
import { SIGN_IN_PATH, SIGN_UP_PATH, WELCOME_PATH } from './routing';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/invite/:id" element={<InvitePage />} />
      <Route path={SIGN_IN_PATH} element={<PublicOnly><SignInPage /></PublicOnly>} />
      <Route path={SIGN_UP_PATH} element={<PublicOnly><SignUpPage /></PublicOnly>} />
      <Route element={<RequireAuth />}>
        <Route path={WELCOME_PATH} element={<WelcomePage />} />
        <Route element={<RequireOrg><AppShell /></RequireOrg>}>
          {SECTIONS.map((section) => (
            <Route
              key={section.id}
              path={section.path}
              element={
                <SectionGuard sectionId={section.id}>
                  {section.id === 'admin' ? <AdminPage /> : <SectionPage sectionId={section.id} />}
                </SectionGuard>
              }
            />
          ))}
        </Route>
      </Route>
      <Route path="*" element={<LandingRedirect />} />
    </Routes>
  );
}
