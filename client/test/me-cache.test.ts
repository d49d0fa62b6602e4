import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/api-error';
import type { Me } from '../src/api/types';
import { ME_CACHE_KEY, isMe, readCachedMe, writeCachedMe } from '../src/auth/me-cache';
import { initialSessionState, stateAfterMeError } from '../src/auth/session-state';
import { memoryStorage } from './memory-storage';

const ME: Me = {
  account: { id: 'a1', email: 'tech@example.test', name: 'Tech' },
  activeOrg: { id: 'o1', name: 'Les Tr\u00e9teaux', slug: 'les-treteaux', timezone: 'Europe/Paris' },
  role: 'TECH',
  orgs: [{ id: 'o1', name: 'Les Tr\u00e9teaux', slug: 'les-treteaux', role: 'TECH' }],
};

describe('me cache', () => {
  it('round-trips the last /me under cc.me and clears it', () => {
    const storage = memoryStorage();
    writeCachedMe(storage, ME);
    expect(storage.getItem(ME_CACHE_KEY)).not.toBeNull();
    expect(readCachedMe(storage)).toEqual(ME);
    writeCachedMe(storage, null);
    expect(readCachedMe(storage)).toBeNull();
  });

  it('ignores corrupt or outdated entries', () => {
    expect(readCachedMe(memoryStorage({ [ME_CACHE_KEY]: '{not json' }))).toBeNull();
    expect(readCachedMe(memoryStorage({ [ME_CACHE_KEY]: JSON.stringify({ account: {} }) }))).toBeNull();
    expect(isMe({ ...ME, role: 'BOSS' })).toBe(false);
    expect(isMe({ ...ME, activeOrg: null, role: null, orgs: [] })).toBe(true);
  });
});

describe('session state after /me', () => {
  const cached = initialSessionState(ME);

  it('starts from the cache when there is one', () => {
    expect(cached).toEqual({ status: 'signedIn', me: ME, fromCache: true });
    expect(initialSessionState(null)).toEqual({ status: 'loading' });
  });

  it('signs out on 401, even with a cached shell', () => {
    expect(stateAfterMeError(cached, new ApiError('UNAUTHENTICATED', 401, ''))).toEqual({ status: 'signedOut' });
  });

  it('keeps the cached shell when the network is down', () => {
    expect(stateAfterMeError(cached, new ApiError('NETWORK', 0, ''))).toEqual(cached);
  });

  it('shows Sign in offline without cache, and an error screen for other failures', () => {
    expect(stateAfterMeError({ status: 'loading' }, new ApiError('NETWORK', 0, ''))).toEqual({ status: 'signedOut' });
    const error = new ApiError('INTERNAL', 500, '');
    expect(stateAfterMeError({ status: 'loading' }, error)).toEqual({ status: 'error', error });
  });
});
