import { describe, expect, it } from 'vitest';
import { incidentEvent, newEquipmentDoc } from '../src/data/equipment/documents';

const NOW = new Date('2026-03-29T01:30:00.000Z');

describe('equipment documents built on the device', () => {
  it('an item, a kit and a reservation are reference documents checked by the registry (typed data)', () => {
    const item = newEquipmentDoc('equipment_item', '  Console  ', { category: 'SOUND', quantity: 2, venueId: null }, NOW);
    expect(item).toMatchObject({ kind: 'equipment_item', name: 'Console', archived: false, updatedAt: NOW.toISOString(), data: { quantity: 2 } });
    expect(newEquipmentDoc('equipment_kit', 'Kit', { items: [{ itemId: item.id, quantity: 4 }], venueId: null }, NOW).kind).toBe('equipment_kit');
    expect(() => newEquipmentDoc('equipment_item', 'X', { category: 'SOUND', quantity: -1, venueId: null }, NOW)).toThrow();
    // A reservation names exactly one of an item and a kit.
    expect(() => newEquipmentDoc('equipment_reservation', 'R', { missionId: 'm', itemId: 'i', kitId: 'k', quantity: 1 }, NOW)).toThrow();
    expect(newEquipmentDoc('equipment_reservation', 'R', { missionId: 'm', itemId: null, kitId: 'k', quantity: 1 }, NOW).data).toEqual({ missionId: 'm', itemId: null, kitId: 'k', quantity: 1 });
  });

  it('an incident report and its close are INCIDENT field events at the device time (UTC, the DST night included)', () => {
    const report = incidentEvent({ userId: 'u1', missionId: 'm1', deviceId: 'phone-1' }, { category: 'BREAKDOWN', severity: 'HIGH', description: 'Panne', equipmentItemId: null, venueId: null, hasPhoto: false }, NOW);
    expect(report).toMatchObject({ kind: 'INCIDENT', at: '2026-03-29T01:30:00.000Z', userId: 'u1', missionId: 'm1', deviceId: 'phone-1', receivedAt: null, flags: [] });
    const close = incidentEvent({ userId: 'u1', missionId: 'm1', deviceId: null }, { closes: report.id, note: 'ok' }, NOW);
    expect(close.payload).toEqual({ closes: report.id, note: 'ok' });
  });
});
