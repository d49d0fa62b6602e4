import { describe, expect, it } from 'vitest';
import type { Role } from '@coulisses/shared';
import type { Me } from '../src/api/types';
import { authPath, homeFor, landingPath, safeNext, sectionRedirect } from '../src/app/routing';

function me(role: Role | null): Me {
  return {
    account: { id: 'a1', email: 'a@example.test', name: 'Ada' },
    activeOrg: role ? { id: 'o1', name: 'Org', slug: 'org', timezone: 'Europe/Paris' } : null,
    role,
    orgs: role ? [{ id: 'o1', name: 'Org', slug: 'org', role }] : [],
  };
}

describe('landing', () => {
  it('sends ADMIN and MANAGER to the planning calendar and TECH to /my-missions', () => {
    // Straight to the section's default page (not through its index redirect, which could follow a later click).
    expect(landingPath(me('ADMIN'))).toBe('/planning/calendar');
    expect(landingPath(me('MANAGER'))).toBe('/planning/calendar');
    expect(landingPath(me('TECH'))).toBe('/my-missions');
  });

  it('sends visitors to sign in and accounts without organisation to the welcome page', () => {
    expect(landingPath(null)).toBe('/sign-in');
    expect(landingPath(me(null))).toBe('/welcome');
    expect(homeFor(null)).toBe('/welcome');
  });
});

describe('sectionRedirect', () => {
  it('lets a role open its sections', () => {
    expect(sectionRedirect('ADMIN', 'admin')).toBeNull();
    expect(sectionRedirect('TECH', 'timeclock')).toBeNull();
    expect(sectionRedirect('MANAGER', 'kpi')).toBeNull();
  });

  it("redirects a forbidden section to the role's first section", () => {
    expect(sectionRedirect('TECH', 'admin')).toBe('/my-missions');
    expect(sectionRedirect('TECH', 'planning')).toBe('/my-missions');
    expect(sectionRedirect('MANAGER', 'admin')).toBe('/planning/calendar');
    expect(sectionRedirect(null, 'planning')).toBe('/welcome');
  });
});

describe('safeNext', () => {
  it('keeps in-app paths', () => {
    expect(safeNext('/invite/abc')).toBe('/invite/abc');
    expect(safeNext('/planning?x=1')).toBe('/planning?x=1');
  });

  it('refuses other origins, API paths and the auth pages', () => {
    for (const bad of [null, '', 'https://evil.test', '//evil.test', '/\\evil.test', '/api/v1/me', '/metrics', '/sign-in', '/sign-up?next=/x']) {
      expect(safeNext(bad)).toBeNull();
    }
  });

  it('builds sign-in links with next and a prefilled email', () => {
    expect(authPath('/sign-in', '/invite/abc', 'a@b.test')).toBe('/sign-in?next=%2Finvite%2Fabc&email=a%40b.test');
    expect(authPath('/sign-up', 'https://evil.test', null)).toBe('/sign-up');
  });
});
