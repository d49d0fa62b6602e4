import { describe, expect, it } from 'vitest';
import { CREW_CHANGE_FIELDS, missionTransition } from '../src/planning/mission-transition';

const base = { id: 'm1', title: 'Montage', status: 'PUBLISHED', startAt: '2026-12-10T08:00:00.000Z', endAt: '2026-12-10T12:00:00.000Z', venueId: 'v1', needs: [] };

describe('missionTransition (crew fields)', () => {
  it.each([
    ['new published mission', undefined, base, 'published'],
    ['new draft', undefined, { ...base, status: 'DRAFT' }, null],
    ['draft published', { ...base, status: 'DRAFT' }, base, 'published'],
    ['published cancelled', base, { ...base, status: 'CANCELLED' }, 'cancelled'],
    ['draft cancelled', { ...base, status: 'DRAFT' }, { ...base, status: 'CANCELLED' }, 'cancelled'],
    ['published deleted', base, { ...base, _deleted: true }, 'cancelled'],
    ['draft deleted', { ...base, status: 'DRAFT' }, { ...base, status: 'DRAFT', _deleted: true }, null],
    ['start moved', base, { ...base, startAt: '2026-12-10T09:00:00.000Z' }, 'changed'],
    ['venue changed', base, { ...base, venueId: 'v2' }, 'changed'],
    ['needs changed (not a crew field)', base, { ...base, needs: [{ skill: 'x', count: 1 }] }, null],
    ['draft moved', { ...base, status: 'DRAFT' }, { ...base, status: 'DRAFT', startAt: '2026-12-11T08:00:00.000Z' }, null],
    ['nothing changed', base, { ...base }, null],
    ['over a tombstone, published again', { ...base, _deleted: true }, base, 'published'],
  ] as const)('%s', (_name, before, after, expected) => {
    expect(missionTransition(before as Record<string, unknown> | undefined, after as Record<string, unknown>, CREW_CHANGE_FIELDS)).toBe(expected);
  });
});
