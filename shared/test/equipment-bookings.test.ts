import { describe, expect, it } from 'vitest';
import { detectDoubleBookings, itemDemands, type BookingMission, type BookingReservation } from '../src/equipment/bookings';
import { equipmentOf } from '../src/equipment/catalogue';
import { EquipmentKitData, EquipmentReservationData } from '../src/equipment/documents';
import { reference } from '../src/entities/org';

/*
 * Paris is UTC+1 in winter (before 29 March 2026 02:00 local) and UTC+2 in summer (until 25 October 2026 03:00
 * local). Every instant below is UTC, written with its Paris reading next to it.
 */
const m = (id: string, startAt: string, endAt: string, status = 'PUBLISHED'): BookingMission => ({ id, startAt, endAt, status });
const r = (id: string, missionId: string, target: { itemId?: string; kitId?: string }, quantity: number): BookingReservation => ({
  id, missionId, itemId: target.itemId ?? null, kitId: target.kitId ?? null, quantity,
});

const items = [
  { id: 'console', quantity: 2 },
  { id: 'motor', quantity: 4 },
  { id: 'spare', quantity: 0 },
];
const kits = [{ id: 'rigging', items: [{ itemId: 'motor', quantity: 2 }, { itemId: 'console', quantity: 1 }] }];

// 10:00-18:00 Paris on 12 Jan 2026 = 09:00-17:00Z.
const day = m('day', '2026-01-12T09:00:00.000Z', '2026-01-12T17:00:00.000Z');
// 14:00-23:00 Paris = 13:00-22:00Z: overlaps `day` from 13:00Z to 17:00Z.
const evening = m('evening', '2026-01-12T13:00:00.000Z', '2026-01-12T22:00:00.000Z');
// 18:00-20:00 Paris = 17:00-19:00Z: touches `day` at 17:00Z exactly.
const touching = m('touching', '2026-01-12T17:00:00.000Z', '2026-01-12T19:00:00.000Z');
// Across midnight: 22:00 Paris 12 Jan to 02:00 Paris 13 Jan = 21:00Z-01:00Z.
const night = m('night', '2026-01-12T21:00:00.000Z', '2026-01-13T01:00:00.000Z');
// DST night 28-29 March 2026: 23:00 Paris (UTC+1) = 22:00Z to 05:00 Paris (UTC+2) = 03:00Z; 5 hours of real time.
const dstNight = m('dst', '2026-03-28T22:00:00.000Z', '2026-03-29T03:00:00.000Z');
// 02:30 UTC to 04:00 UTC on 29 March = 04:30-06:00 Paris (summer time): overlaps the DST night 02:30Z-03:00Z.
const dstMorning = m('dstMorning', '2026-03-29T02:30:00.000Z', '2026-03-29T04:00:00.000Z');

describe('kit expansion', () => {
  it('a kit reservation stands for its items times its quantity, summed with direct reservations', () => {
    // 2 rigging kits = 2 x 2 motors + 2 x 1 console; plus 1 console directly: console 3, motor 4.
    const demands = itemDemands([r('k', 'day', { kitId: 'rigging' }, 2), r('c', 'day', { itemId: 'console' }, 1)], kits);
    expect(demands.map((d) => [d.missionId, d.itemId, d.quantity]).sort()).toEqual([
      ['day', 'console', 3],
      ['day', 'motor', 4],
    ]);
  });
  it('an unknown kit is ignored', () => {
    expect(itemDemands([r('k', 'day', { kitId: 'nope' }, 1)], kits)).toEqual([]);
  });
});

describe('double bookings', () => {
  const cases: [string, BookingMission[], BookingReservation[], unknown[]][] = [
    ['within stock: 1 + 1 consoles of 2 owned', [day, evening], [r('a', 'day', { itemId: 'console' }, 1), r('b', 'evening', { itemId: 'console' }, 1)], []],
    [
      'overlap above stock: 2 + 1 consoles of 2, window 13:00Z-17:00Z',
      [day, evening],
      [r('a', 'day', { itemId: 'console' }, 2), r('b', 'evening', { itemId: 'console' }, 1)],
      [{ itemId: 'console', missionIds: ['day', 'evening'], reserved: 3, available: 2, from: '2026-01-12T13:00:00.000Z', to: '2026-01-12T17:00:00.000Z' }],
    ],
    ['touching intervals do not overlap (17:00Z end, 17:00Z start)', [day, touching], [r('a', 'day', { itemId: 'console' }, 2), r('b', 'touching', { itemId: 'console' }, 2)], []],
    [
      'across midnight: evening 13:00Z-22:00Z and night 21:00Z-01:00Z share 21:00Z-22:00Z',
      [evening, night],
      [r('a', 'evening', { itemId: 'console' }, 2), r('b', 'night', { itemId: 'console' }, 1)],
      [{ itemId: 'console', missionIds: ['evening', 'night'], reserved: 3, available: 2, from: '2026-01-12T21:00:00.000Z', to: '2026-01-12T22:00:00.000Z' }],
    ],
    [
      'DST night: 22:00Z-03:00Z and 02:30Z-04:00Z share half an hour of real time',
      [dstNight, dstMorning],
      [r('a', 'dst', { itemId: 'motor' }, 3), r('b', 'dstMorning', { itemId: 'motor' }, 2)],
      [{ itemId: 'motor', missionIds: ['dst', 'dstMorning'], reserved: 5, available: 4, from: '2026-03-29T02:30:00.000Z', to: '2026-03-29T03:00:00.000Z' }],
    ],
    [
      'quantity 0: one reservation alone is a conflict',
      [day],
      [r('a', 'day', { itemId: 'spare' }, 1)],
      [{ itemId: 'spare', missionIds: ['day'], reserved: 1, available: 0, from: '2026-01-12T09:00:00.000Z', to: '2026-01-12T17:00:00.000Z' }],
    ],
    ['a cancelled mission books nothing', [day, { ...evening, status: 'CANCELLED' }], [r('a', 'day', { itemId: 'console' }, 2), r('b', 'evening', { itemId: 'console' }, 2)], []],
    [
      'kits: 2 rigging kits (4 motors) + 1 motor of 4, 13:00Z-17:00Z',
      [day, evening],
      [r('a', 'day', { kitId: 'rigging' }, 2), r('b', 'evening', { itemId: 'motor' }, 1)],
      [
        // Consoles: 2 (from the kits) of 2: fine. Motors: 4 + 1 = 5 of 4.
        { itemId: 'motor', missionIds: ['day', 'evening'], reserved: 5, available: 4, from: '2026-01-12T13:00:00.000Z', to: '2026-01-12T17:00:00.000Z' },
      ],
    ],
    [
      'three missions: the window is cut where the set of missions changes',
      [day, evening, night],
      // console: day 1 (09-17Z), evening 2 (13-22Z), night 1 (21Z-01Z). 13-17Z: 3 > 2 (day, evening); 17-21Z: 2 ok;
      // 21-22Z: 3 > 2 (evening, night); 22Z-01Z: 1 ok.
      [r('a', 'day', { itemId: 'console' }, 1), r('b', 'evening', { itemId: 'console' }, 2), r('c', 'night', { itemId: 'console' }, 1)],
      [
        { itemId: 'console', missionIds: ['day', 'evening'], reserved: 3, available: 2, from: '2026-01-12T13:00:00.000Z', to: '2026-01-12T17:00:00.000Z' },
        { itemId: 'console', missionIds: ['evening', 'night'], reserved: 3, available: 2, from: '2026-01-12T21:00:00.000Z', to: '2026-01-12T22:00:00.000Z' },
      ],
    ],
    ['a reservation of an unknown mission or item is ignored', [day], [r('a', 'gone', { itemId: 'console' }, 9), r('b', 'day', { itemId: 'gone' }, 9)], []],
  ];
  it.each(cases)('%s', (_name, missions, reservations, expected) => {
    expect(detectDoubleBookings({ items, kits, missions, reservations })).toEqual(expected);
  });
});

describe('documents', () => {
  it('a reservation names exactly one of an item and a kit', () => {
    expect(EquipmentReservationData.safeParse({ missionId: 'm', itemId: 'i', kitId: null, quantity: 1 }).success).toBe(true);
    expect(EquipmentReservationData.safeParse({ missionId: 'm', itemId: 'i', kitId: 'k', quantity: 1 }).success).toBe(false);
    expect(EquipmentReservationData.safeParse({ missionId: 'm', itemId: null, kitId: null, quantity: 1 }).success).toBe(false);
    expect(EquipmentReservationData.safeParse({ missionId: 'm', itemId: 'i', kitId: null, quantity: 0 }).success).toBe(false);
    expect(EquipmentKitData.safeParse({ items: [], venueId: null }).success).toBe(false);
  });
  it('the reference entry checks the typed data of equipment kinds', () => {
    const base = { id: 'x', updatedAt: '2026-01-01T00:00:00.000Z', name: 'Console', archived: false };
    expect(reference.schema.safeParse({ ...base, kind: 'equipment_item', data: { category: 'SOUND', quantity: 2, venueId: null } }).success).toBe(true);
    expect(reference.schema.safeParse({ ...base, kind: 'equipment_item', data: { category: 'SOUND', quantity: -1, venueId: null } }).success).toBe(false);
    expect(reference.schema.safeParse({ ...base, kind: 'equipment_item', data: { category: 'NOPE', quantity: 1, venueId: null } }).success).toBe(false);
  });
  it('equipmentOf keeps live documents and leaves archived items out of bookings', () => {
    const out = equipmentOf([
      { id: 'a', kind: 'equipment_item', name: 'B', data: { category: 'SOUND', quantity: 1, venueId: null } },
      { id: 'b', kind: 'equipment_item', name: 'A', archived: true, data: { category: 'LIGHT', quantity: 1, venueId: null } },
      { id: 'c', kind: 'equipment_item', name: 'C', _deleted: true, data: { category: 'LIGHT', quantity: 1, venueId: null } },
      { id: 'v', kind: 'venue', name: 'V', data: {} },
    ]);
    expect(out.items.map((i) => i.id)).toEqual(['b', 'a']);
    expect(out.booking.items.map((i) => i.id)).toEqual(['a']);
  });
});
