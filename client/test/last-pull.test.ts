import { describe, expect, it } from 'vitest';
import { lastPullKey, readLastPull, recordLastPull } from '../src/sync/last-pull';

function memory() {
  const m = new Map<string, string>();
  return { m, kv: { get: (k: string) => m.get(k) ?? null, set: (k: string, v: string) => void m.set(k, v), remove: (k: string) => void m.delete(k) } };
}

describe('last successful pull of a store ("data as of")', () => {
  it('is kept per store and read back; never pulled is null', () => {
    const { m, kv } = memory();
    expect(readLastPull(kv.get, 'cc-org1-acc1')).toBeNull();
    recordLastPull(kv, 'cc-org1-acc1', '2026-12-05T21:00:00.000Z');
    recordLastPull(kv, 'cc-org2-acc1', '2026-12-04T08:00:00.000Z');
    expect(readLastPull(kv.get, 'cc-org1-acc1')).toBe('2026-12-05T21:00:00.000Z');
    expect(readLastPull(kv.get, 'cc-org2-acc1')).toBe('2026-12-04T08:00:00.000Z');
    expect(m.has(lastPullKey('cc-org1-acc1'))).toBe(true);
  });

  it('ignores a value that is not an instant', () => {
    const { kv } = memory();
    kv.set(lastPullKey('db'), 'garbage');
    expect(readLastPull(kv.get, 'db')).toBeNull();
  });
});
