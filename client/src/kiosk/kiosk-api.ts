import { getCurrentLocale } from '../i18n/current-locale';
import type { KioskIdentity, Roster } from './kiosk-store';

/** A kiosk API failure: its status and stable code (0 / NETWORK when the request did not reach the server). */
export class KioskHttpError extends Error {
  constructor(readonly status: number, readonly code: string) {
    super(code);
  }
}

export function kioskHeaders(token: string): Record<string, string> {
  return { Authorization: `Kiosk ${token}`, 'Accept-Language': getCurrentLocale(), Accept: 'application/json' };
}

async function call<T>(token: string, path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { ...kioskHeaders(token), ...(init.headers as Record<string, string> | undefined) }, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new KioskHttpError(0, 'NETWORK');
  }
  if (!res.ok) {
    let code = `HTTP_${res.status}`;
    try {
      code = ((await res.json()) as { error?: { code?: string } }).error?.code ?? code;
    } catch {
      // not JSON
    }
    throw new KioskHttpError(res.status, code);
  }
  return (await res.json()) as T;
}

export function fetchMe(token: string): Promise<Omit<KioskIdentity, 'token'>> {
  return call(token, '/api/v1/kiosk/me');
}

export function fetchRoster(token: string): Promise<Roster> {
  return call(token, '/api/v1/kiosk/roster');
}
