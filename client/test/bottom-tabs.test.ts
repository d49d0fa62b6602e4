import { describe, expect, it } from 'vitest';
import { isInSection, splitTabs } from '../src/app/bottom-tabs';

describe('splitTabs', () => {
  const cases: { tabs: string[]; max?: number; bar: string[]; more: string[] }[] = [
    { tabs: [], bar: [], more: [] },
    { tabs: ['a', 'b'], bar: ['a', 'b'], more: [] },
    { tabs: ['a', 'b', 'c', 'd', 'e'], bar: ['a', 'b', 'c', 'd', 'e'], more: [] },
    { tabs: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], bar: ['a', 'b', 'c', 'd'], more: ['e', 'f', 'g'] },
    { tabs: ['a', 'b', 'c'], max: 2, bar: ['a'], more: ['b', 'c'] },
  ];
  for (const c of cases) it(`${c.tabs.length} tabs, max ${c.max ?? 5}`, () => expect(splitTabs(c.tabs, c.max)).toEqual({ bar: c.bar, more: c.more }));
});

describe('isInSection', () => {
  const cases: [string, string, boolean][] = [
    ['/admin', '/admin', true],
    ['/admin/members', '/admin', true],
    ['/administration', '/admin', false],
    ['/kpi', '/admin', false],
  ];
  for (const [path, section, want] of cases) it(`${path} in ${section}`, () => expect(isInSection(path, section)).toBe(want));
});
