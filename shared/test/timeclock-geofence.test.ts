import { describe, expect, it } from 'vitest';
import { distanceM, geofenceOf, geofenceVerdict } from '../src/timeclock/geofence';

const olympia = { lat: 48.8702, lng: 2.3282, radiusM: 150 };

describe('geofence', () => {
  it.each<[string, { lat: number; lng: number; accuracyM: number } | undefined, Record<string, unknown> | null, string]>([
    ['at the venue', { lat: 48.8702, lng: 2.3282, accuracyM: 10 }, { geofence: olympia }, 'INSIDE'],
    ['100 m away', { lat: 48.8711, lng: 2.3282, accuracyM: 10 }, { geofence: olympia }, 'INSIDE'],
    ['1 km away', { lat: 48.8792, lng: 2.3282, accuracyM: 10 }, { geofence: olympia }, 'OUTSIDE'],
    ['just outside but a poor fix', { lat: 48.8718, lng: 2.3282, accuracyM: 80 }, { geofence: olympia }, 'INSIDE'],
    ['no position', undefined, { geofence: olympia }, 'UNKNOWN'],
    ['no fence', { lat: 48.8702, lng: 2.3282, accuracyM: 10 }, {}, 'UNKNOWN'],
    ['a malformed fence', { lat: 48.8702, lng: 2.3282, accuracyM: 10 }, { geofence: { lat: '48', lng: 2, radiusM: 100 } }, 'UNKNOWN'],
  ])('%s -> %s', (_name, position, data, verdict) => {
    expect(geofenceVerdict(position, geofenceOf(data))).toBe(verdict);
  });

  it('measures Paris - Lyon at about 391 km', () => {
    expect(Math.round(distanceM({ lat: 48.8566, lng: 2.3522 }, { lat: 45.764, lng: 4.8357 }) / 1000)).toBe(391);
  });
});
