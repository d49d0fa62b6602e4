import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../src/sync/engine';
import { CLOSED_STATUS, parseStatus, serializeStatus, statusKey, viewStatus, warningCount } from '../src/sync/status-view';
import { progressPercent, progressText, readableError, refusedHref } from '../src/sync/ui/status-text';

const status = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  phase: 'syncing',
  pending: 2,
  refused: 1,
  discarded: 0,
  lastSyncAt: '2026-11-21T10:00:00.000Z',
  lastError: null,
  firstSync: { received: 10, total: 50 },
  streamConnected: true,
  ...over,
});

describe('status snapshot', () => {
  it('has one key per database', () => {
    expect(statusKey('cc_a_b')).toBe('cc.sync.status.cc_a_b');
  });

  it('round-trips through localStorage text', () => {
    expect(parseStatus(serializeStatus(status()))).toEqual(status());
  });

  it('ignores missing, corrupt or unknown snapshots', () => {
    expect(parseStatus(null)).toBeNull();
    expect(parseStatus('{nope')).toBeNull();
    expect(parseStatus(JSON.stringify({ ...status(), phase: 'dancing' }))).toBeNull();
  });

  it('repairs odd fields instead of trusting them', () => {
    const parsed = parseStatus(JSON.stringify({ phase: 'idle', pending: -3, refused: 'x', lastSyncAt: 5, firstSync: 'no' }));
    expect(parsed).toEqual({ phase: 'idle', pending: 0, refused: 0, discarded: 0, lastSyncAt: null, lastError: null, firstSync: null, streamConnected: false });
  });

  it('keeps the discarded count and the update-required phase', () => {
    expect(parseStatus(serializeStatus(status({ phase: 'update-required', discarded: 3 })))).toMatchObject({ phase: 'update-required', discarded: 3 });
  });
});

describe('viewStatus', () => {
  it("shows the leader's own engine", () => {
    expect(viewStatus({ isLeader: true, own: status(), snapshot: status({ phase: 'error' }), pending: 9, refused: 9 })).toEqual({ ...status(), isLeader: true, open: true });
  });

  it("shows the leader's snapshot in another tab, with the shared outbox's counts", () => {
    const v = viewStatus({ isLeader: false, own: status({ phase: 'idle' }), snapshot: status({ phase: 'offline', pending: 1 }), pending: 4, refused: 0 });
    expect(v).toMatchObject({ phase: 'offline', pending: 4, refused: 0, isLeader: false, open: true });
  });

  it("counts the shared outbox's discarded edits in another tab", () => {
    const v = viewStatus({ isLeader: false, own: status(), snapshot: status({ discarded: 0 }), pending: 0, refused: 1, discarded: 2 });
    expect(v).toMatchObject({ refused: 1, discarded: 2 });
    expect(warningCount(v)).toBe(3);
  });

  it('is idle in another tab until the leader publishes', () => {
    const v = viewStatus({ isLeader: false, own: status({ phase: 'syncing' }), snapshot: null, pending: 0, refused: 0 });
    expect(v).toMatchObject({ phase: 'idle', firstSync: null, isLeader: false });
  });

  it('is stopped while no store is open', () => {
    expect(CLOSED_STATUS).toMatchObject({ phase: 'stopped', open: false, isLeader: false });
  });
});

describe('status texts', () => {
  it('groups digits the way of the language', () => {
    expect(progressText('fr', 1234, 50000).replace(/\s/g, ' ')).toBe('1 234 / 50 000');
    expect(progressText('en', 1234, 50000)).toBe('1,234 / 50,000');
  });

  it('gives a bounded percentage', () => {
    expect(progressPercent(0, 0)).toBe(0);
    expect(progressPercent(25, 50)).toBe(50);
    expect(progressPercent(80, 50)).toBe(100);
  });

  it('sends ADMIN and MANAGER to the Conflicts inbox, TECH to the plain list', () => {
    expect(refusedHref('ADMIN')).toBe('/conflicts#refused');
    expect(refusedHref('MANAGER')).toBe('/conflicts#refused');
    expect(refusedHref('TECH')).toBe('/refused');
    expect(refusedHref(null)).toBe('/refused');
  });
});

describe('readableError', () => {
  it('keeps real messages and drops stringified objects', () => {
    expect(readableError('fetch failed')).toBe('fetch failed');
    expect(readableError('[object Object]')).toBeNull();
    expect(readableError(null)).toBeNull();
  });
});
