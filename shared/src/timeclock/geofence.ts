import type { Position } from './punch';

/** A venue's geofence, kept in the venue's reference data as data.geofence. */
export interface Geofence {
  lat: number;
  lng: number;
  radiusM: number;
}

const EARTH_M = 6_371_000;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The venue's geofence from its reference data, or null when it has none (or it is malformed). */
export function geofenceOf(venueData: Record<string, unknown> | null | undefined): Geofence | null {
  const g = venueData?.geofence as Record<string, unknown> | undefined;
  if (!g || typeof g.lat !== 'number' || typeof g.lng !== 'number' || typeof g.radiusM !== 'number' || g.radiusM <= 0) return null;
  return { lat: g.lat, lng: g.lng, radiusM: g.radiusM };
}

/**
 * INSIDE when the position (widened by its accuracy, capped at the radius) is within the fence; UNKNOWN
 * without a position or a fence. The accuracy allowance keeps a phone with a poor fix at the door inside.
 */
export function geofenceVerdict(position: Position | undefined, fence: Geofence | null): 'INSIDE' | 'OUTSIDE' | 'UNKNOWN' {
  if (!position || !fence) return 'UNKNOWN';
  const slack = Math.min(position.accuracyM, fence.radiusM);
  return distanceM(position, fence) <= fence.radiusM + slack ? 'INSIDE' : 'OUTSIDE';
}
