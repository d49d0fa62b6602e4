import { apiRequest } from '../../../api/http';

export interface KioskInfo {
  id: string;
  name: string;
  venueId: string;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
}

export interface PinInfo {
  userId: string;
  hasPin: boolean;
  failedCount: number;
  lockedAt: string | null;
}

export const listKiosks = () => apiRequest<{ kiosks: KioskInfo[] }>('/api/v1/timeclock/kiosks').then((r) => r.kiosks);
export const enrolKiosk = (venueId: string, name: string) =>
  apiRequest<{ kiosk: KioskInfo; token: string; enrolUrl: string }>('/api/v1/timeclock/kiosks', { method: 'POST', body: { venueId, name } });
export const revokeKiosk = (id: string) => apiRequest<{ kiosk: KioskInfo }>(`/api/v1/timeclock/kiosks/${encodeURIComponent(id)}/revoke`, { method: 'POST', body: {} });
export const listPins = () => apiRequest<{ pins: PinInfo[] }>('/api/v1/timeclock/pins').then((r) => r.pins);
export const setPin = (userId: string, pin: string) => apiRequest<void>(`/api/v1/timeclock/pins/${encodeURIComponent(userId)}`, { method: 'PUT', body: { pin } });
export const unlockPin = (userId: string) => apiRequest<void>(`/api/v1/timeclock/pins/${encodeURIComponent(userId)}/unlock`, { method: 'POST', body: {} });
export const newQrCode = (userId: string) => apiRequest<{ code: string }>(`/api/v1/timeclock/qr/${encodeURIComponent(userId)}`, { method: 'POST', body: {} });

/** The link a tablet opens to become this kiosk (built on this origin, where the app is served). */
export function enrolLink(token: string): string {
  return `${window.location.origin}/kiosk#enrol=${token}`;
}
