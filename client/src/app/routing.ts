import { SECTIONS, sectionsFor, type Role, type SectionId } from '@coulisses/shared';
import type { Me } from '../api/types';

export const SIGN_IN_PATH = '/sign-in';
export const SIGN_UP_PATH = '/sign-up';
export const WELCOME_PATH = '/welcome';
/** The design system's gallery (docs/decisions/design-system.md). */
export const DESIGN_PATH = '/design';

/** The gallery is for ADMIN in the app's navigation, and for everyone in development builds. */
export function canSeeDesign(role: Role | null | undefined, dev: boolean): boolean {
  return dev || role === 'ADMIN';
}

/** The first section a role sees: ADMIN and MANAGER land on /planning, TECH on /my-missions. */
export function homeFor(role: Role | null | undefined): string {
  const first = sectionsFor(role)[0];
  if (!first) return WELCOME_PATH;
  return 'home' in first ? first.home : first.path;
}

/** Where a visitor belongs: Sign in, the organisation-less welcome page, or the role's home. */
export function landingPath(me: Me | null): string {
  if (!me) return SIGN_IN_PATH;
  if (!me.activeOrg || !me.role) return WELCOME_PATH;
  return homeFor(me.role);
}

/** null when `role` may open the section, else where to send it instead. */
export function sectionRedirect(role: Role | null | undefined, sectionId: SectionId): string | null {
  return sectionsFor(role).some((s) => s.id === sectionId) ? null : homeFor(role);
}

export function sectionPath(sectionId: SectionId): string {
  const section = SECTIONS.find((s) => s.id === sectionId);
  if (!section) throw new Error(`unknown section ${sectionId}`);
  return section.path;
}

/**
 * A `next` query parameter we may navigate to after signing in: an in-app path only
 * (no other origin, no protocol-relative `//host`, no API path), else null.
 */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (/^\/(api|healthz|readyz|metrics)(\/|$|\?)/.test(next)) return null;
  if (next === SIGN_IN_PATH || next === SIGN_UP_PATH || next.startsWith(`${SIGN_IN_PATH}?`) || next.startsWith(`${SIGN_UP_PATH}?`)) {
    return null;
  }
  return next;
}

/** /sign-in or /sign-up with the page to come back to and an e-mail to prefill. */
export function authPath(base: string, next?: string | null, email?: string | null): string {
  const params = new URLSearchParams();
  const back = safeNext(next);
  if (back) params.set('next', back);
  if (email) params.set('email', email);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
