import { describe, expect, it } from 'vitest';
import { hasRole, isRole, type Role } from '../src/org/roles';
import { sectionsFor } from '../src/org/navigation';

describe('roles', () => {
  it.each([
    ['ADMIN', true],
    ['TECH', true],
    ['admin', false],
    ['owner', false],
    [null, false],
  ])('isRole(%s) = %s', (value, expected) => {
    expect(isRole(value)).toBe(expected);
  });

  it.each<[Role | null, readonly Role[], boolean]>([
    ['ADMIN', ['ADMIN'], true],
    ['MANAGER', ['ADMIN'], false],
    ['MANAGER', ['ADMIN', 'MANAGER'], true],
    ['TECH', ['ADMIN', 'MANAGER'], false],
    [null, ['ADMIN', 'MANAGER', 'TECH'], false],
  ])('hasRole(%s, %j) = %s', (role, allowed, expected) => {
    expect(hasRole(role, allowed)).toBe(expected);
  });
});

describe('navigation by role', () => {
  it.each<[Role | null, string[]]>([
    ['ADMIN', ['planning', 'myMissions', 'timeclock', 'kpi', 'analytics', 'equipment', 'conflicts', 'admin']],
    ['MANAGER', ['planning', 'myMissions', 'timeclock', 'kpi', 'analytics', 'equipment', 'conflicts']],
    ['TECH', ['myMissions', 'timeclock', 'kpi']],
    [null, []],
  ])('%s sees %j', (role, ids) => {
    expect(sectionsFor(role).map((s) => s.id)).toEqual(ids);
  });
});
