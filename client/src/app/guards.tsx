import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import type { SectionId } from '@coulisses/shared';
import { useSession } from '../auth/useSession';
import { ErrorScreen } from '../ui/ErrorScreen';
import { LoadingScreen } from '../ui/LoadingScreen';
import { SIGN_IN_PATH, authPath, canSeeDesign, homeFor, landingPath, safeNext, sectionRedirect } from './routing';

/** Signed-in routes: waits for /me, sends visitors to Sign in (and back here afterwards). */
export function RequireAuth() {
  const { state, reload } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingScreen />;
  if (state.status === 'error') return <ErrorScreen error={state.error} onRetry={() => void reload().catch(() => undefined)} />;
  if (state.status === 'signedOut') {
    return <Navigate to={authPath(SIGN_IN_PATH, location.pathname + location.search)} replace />;
  }
  return <Outlet />;
}

/** Routes that need an active organisation; without one, the welcome page. */
export function RequireOrg({ children }: { children: ReactNode }) {
  const { me } = useSession();
  if (!me?.activeOrg || !me.role) return <Navigate to={landingPath(me)} replace />;
  return children;
}

/** Sign in / Sign up: once signed in, go to `next` or the landing page. */
export function PublicOnly({ children }: { children: ReactNode }) {
  const { state, me } = useSession();
  const [params] = useSearchParams();
  if (state.status === 'loading') return <LoadingScreen />;
  if (me) return <Navigate to={safeNext(params.get('next')) ?? landingPath(me)} replace />;
  return children;
}

/** A section the current role may not see redirects to the role's first section. */
export function SectionGuard({ sectionId, children }: { sectionId: SectionId; children: ReactNode }) {
  const { me } = useSession();
  const redirect = sectionRedirect(me?.role, sectionId);
  if (redirect) return <Navigate to={redirect} replace />;
  return children;
}

/** "/" and unknown addresses. */
export function LandingRedirect() {
  const { state, me } = useSession();
  if (state.status === 'loading') return <LoadingScreen />;
  return <Navigate to={landingPath(me)} replace />;
}

/** The design gallery: ADMIN, or anyone in a development build; the others go to their home. */
export function DesignGuard({ children }: { children: ReactNode }) {
  const { me } = useSession();
  if (!canSeeDesign(me?.role, import.meta.env.DEV)) return <Navigate to={homeFor(me?.role)} replace />;
  return children;
}
