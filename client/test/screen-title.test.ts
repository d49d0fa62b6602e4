import { describe, expect, it } from 'vitest';
import { SECTIONS, hasKey, translate } from '@coulisses/shared';
import { documentTitle, screenTitleKey } from '../src/app/screen-title';
import { PLANNING_TABS } from '../src/pages/planning/PlanningPage';

describe('screen titles', () => {
  it('names every section, every planning tab and the pages outside the shell, in both languages', () => {
    const paths = [
      ...SECTIONS.map((s) => s.path),
      ...PLANNING_TABS.map((tab) => `/planning/${tab.path}`),
      ...['punch', 'mine', 'pin', 'timesheets', 'payroll', 'kiosks', 'pins', 'chains'].map((tab) => `/timeclock/${tab}`),
      '/my-missions/availability',
      '/refused',
      '/design',
      '/welcome',
      '/sign-in',
      '/sign-up',
      '/invite/abc',
      '/m/abc~1~def',
      '/kiosk',
    ];
    for (const path of paths) {
      const key = screenTitleKey(path);
      expect(key, path).not.toBeNull();
      expect(hasKey('fr', key!), `${path} fr`).toBe(true);
      expect(hasKey('en', key!), `${path} en`).toBe(true);
    }
  });

  it('takes the most precise rule: a tab over its section, a detail page as its tab', () => {
    expect(screenTitleKey('/planning/missions/0190-abc')).toBe('planningTabs.missions');
    expect(screenTitleKey('/planning')).toBe('nav.planning');
    expect(screenTitleKey('/timeclock/pins')).toBe('kiosk.tabPins');
    expect(screenTitleKey('/timeclock/pin')).toBe('kiosk.tabMyPin');
    expect(screenTitleKey('/my-missions/availability')).toBe('a11y.screens.myAvailability');
    expect(screenTitleKey('/')).toBeNull();
    expect(screenTitleKey('/nowhere')).toBeNull();
  });

  it('writes "<screen> - <organisation> - Coulisses Crew", leaving out what is unknown', () => {
    const app = translate('fr', 'app.name');
    expect(documentTitle(translate('fr', 'planningTabs.calendar'), 'Compagnie du Grand Plateau', app)).toBe('Calendrier - Compagnie du Grand Plateau - Coulisses Crew');
    expect(documentTitle(translate('en', 'auth.signIn.title'), null, app)).toBe('Sign in - Coulisses Crew');
    expect(documentTitle(null, undefined, app)).toBe('Coulisses Crew');
  });
});
