import { isRole } from '@coulisses/shared';
import type { Me } from '../api/types';
import { readItem, writeItem, type KeyValueStore } from '../lib/storage';

/** The last /me answer, kept so a reload without network still shows the signed-in shell. */
export const ME_CACHE_KEY = 'cc.me';

function isObj(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isStr(value: unknown): value is string {
  return typeof value === 'string';
}

/** A light shape check, enough to never render a shell from a corrupt or outdated cache entry. */
export function isMe(value: unknown): value is Me {
  if (!isObj(value)) return false;
  const { account, activeOrg, role, orgs } = value;
  if (!isObj(account) || !isStr(account['id']) || !isStr(account['email']) || !isStr(account['name'])) return false;
  if (activeOrg !== null && (!isObj(activeOrg) || !isStr(activeOrg['id']) || !isStr(activeOrg['name']))) return false;
  if (role !== null && !isRole(role)) return false;
  return Array.isArray(orgs) && orgs.every((org) => isObj(org) && isStr(org['id']) && isStr(org['name']) && isRole(org['role']));
}

export function readCachedMe(storage: KeyValueStore | null): Me | null {
  const raw = readItem(storage, ME_CACHE_KEY);
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isMe(value) ? value : null;
  } catch {
    return null;
  }
}

export function writeCachedMe(storage: KeyValueStore | null, me: Me | null): void {
  writeItem(storage, ME_CACHE_KEY, me ? JSON.stringify(me) : null);
}
