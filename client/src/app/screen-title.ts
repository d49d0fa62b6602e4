import type { PlainKey } from '@coulisses/shared';
import { DESIGN_PATH, SIGN_IN_PATH, SIGN_UP_PATH, WELCOME_PATH } from './routing';
import { REFUSED_PATH } from '../sync/ui/status-text';

/**
 * The name of each screen for the document title, by address (the routes of AppRoutes.tsx and the tabs of each
 * section). The first rule whose pattern matches the path wins; an unknown path has no screen name.
 */
const SCREENS: readonly [RegExp, PlainKey][] = [
  [/^\/planning\/calendar(\/|$)/, 'planningTabs.calendar'],
  [/^\/planning\/projects(\/|$)/, 'planningTabs.projects'],
  [/^\/planning\/missions(\/|$)/, 'planningTabs.missions'],
  [/^\/planning\/people(\/|$)/, 'planningTabs.people'],
  [/^\/planning\/availability(\/|$)/, 'planningTabs.availability'],
  [/^\/planning\/conflicts(\/|$)/, 'planningTabs.conflicts'],
  [/^\/planning(\/|$)/, 'nav.planning'],
  [/^\/my-missions\/availability(\/|$)/, 'a11y.screens.myAvailability'],
  [/^\/my-missions(\/|$)/, 'nav.myMissions'],
  [/^\/timeclock\/punch(\/|$)/, 'timeclock.tabPunch'],
  [/^\/timeclock\/mine(\/|$)/, 'timeclock.tabMyTimesheets'],
  [/^\/timeclock\/pin(\/|$)/, 'kiosk.tabMyPin'],
  [/^\/timeclock\/timesheets(\/|$)/, 'timeclock.tabTimesheets'],
  [/^\/timeclock\/payroll(\/|$)/, 'timeclock.tabPayroll'],
  [/^\/timeclock\/kiosks(\/|$)/, 'kiosk.tabKiosks'],
  [/^\/timeclock\/pins(\/|$)/, 'kiosk.tabPins'],
  [/^\/timeclock\/chains(\/|$)/, 'integrity.tabChains'],
  [/^\/timeclock(\/|$)/, 'nav.timeclock'],
  [/^\/kpi(\/|$)/, 'nav.kpi'],
  [/^\/analytics(\/|$)/, 'nav.analytics'],
  [/^\/equipment(\/|$)/, 'nav.equipment'],
  [/^\/conflicts(\/|$)/, 'nav.conflicts'],
  [/^\/admin(\/|$)/, 'nav.admin'],
  [new RegExp(`^${REFUSED_PATH}(/|$)`), 'sync.refused.sectionTitle'],
  [new RegExp(`^${DESIGN_PATH}(/|$)`), 'design.nav'],
  [new RegExp(`^${WELCOME_PATH}(/|$)`), 'a11y.screens.welcome'],
  [new RegExp(`^${SIGN_IN_PATH}(/|$)`), 'auth.signIn.title'],
  [new RegExp(`^${SIGN_UP_PATH}(/|$)`), 'auth.signUp.title'],
  [/^\/invite\//, 'invite.title'],
  [/^\/m\//, 'missionInvite.title'],
  [/^\/kiosk(\/|$)/, 'kiosk.title'],
  [/^\/verify(\/|$)/, 'exportsPage.title'],
];

/** The catalogue key of the screen at `pathname`, or null (the landing redirect, an unknown address). */
export function screenTitleKey(pathname: string): PlainKey | null {
  return SCREENS.find(([pattern]) => pattern.test(pathname))?.[1] ?? null;
}

/** "<screen> - <organisation> - Coulisses Crew": the parts known, in that order. */
export function documentTitle(screen: string | null, organisation: string | null | undefined, app: string): string {
  return [screen, organisation, app].filter((part): part is string => Boolean(part)).join(' - ');
}
