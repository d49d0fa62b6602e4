import type { ChainReport } from '@coulisses/shared/timeclock/chain';

/** One device's chain as GET /api/v1/timeclock/chains reports it. */
export type DeviceChain = ChainReport & { kioskName: string | null; lastReceivedAt: string | null };

/** The flags the integrity view lists (the server puts them on punches). */
export const SHOWN_FLAGS = ['CLOCK_SKEW', 'OUTSIDE_GEOFENCE', 'REPEAT', 'FUTURE'] as const;

/** How far back the flagged punches are listed. */
export const FLAGGED_DAYS = 7;

/** A short, stable label part for a device id (its last 6 characters). */
export function shortDeviceId(deviceId: string): string {
  return deviceId.replace(/[^0-9a-zA-Z]/g, '').slice(-6);
}

/** How to name a device: its kiosk's name, else a phone (or another device) with its short id. */
export function deviceLabelParts(report: Pick<DeviceChain, 'deviceId' | 'kioskName'>): { key: 'kiosk' | 'phone' | 'device'; name: string } {
  if (report.kioskName) return { key: 'kiosk', name: report.kioskName };
  return { key: report.deviceId.startsWith('phone-') ? 'phone' : 'device', name: shortDeviceId(report.deviceId) };
}

/** The badge modifier of a chain status (reusing the app's badge colours). */
export function statusBadgeClass(status: DeviceChain['status']): string {
  return status === 'OK' ? 'badge badge--pending' : 'badge badge--rejected';
}

/** Minutes of clock skew (server minus device), rounded; null when unknown. */
export function skewMinutes(clockSkewMs: unknown): number | null {
  return typeof clockSkewMs === 'number' && Number.isFinite(clockSkewMs) ? Math.round(clockSkewMs / 60_000) : null;
}

/** The shown flags of a punch, in a fixed order. */
export function shownFlags(flags: unknown): string[] {
  const list = Array.isArray(flags) ? flags.map(String) : [];
  return SHOWN_FLAGS.filter((f) => list.includes(f));
}
