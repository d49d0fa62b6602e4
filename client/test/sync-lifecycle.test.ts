import { describe, expect, it } from 'vitest';
import type { Me } from '../src/api/types';
import { decideAction, membershipOf, targetFromMe, type RuntimeSummary, type SessionInput, type SyncTarget } from '../src/sync/lifecycle';

const target = (over: Partial<SyncTarget> = {}): SyncTarget => ({ dbName: 'cc_org1_acc1', orgId: 'org1', accountId: 'acc1', role: 'MANAGER', ...over });
const input = (over: Partial<SessionInput> = {}): SessionInput => ({ target: target(), closeWithoutTarget: false, fresh: true, ...over });
const open = (over: Partial<RuntimeSummary> = {}): RuntimeSummary => ({ dbName: 'cc_org1_acc1', orgId: 'org1', accountId: 'acc1', role: 'MANAGER', paused: false, ...over });

describe('targetFromMe', () => {
  const me: Me = {
    account: { id: 'Acc-1', email: 'a@b.c', name: 'A' },
    activeOrg: { id: 'Org_9', name: 'O', slug: 'o', timezone: 'Europe/Paris' },
    role: 'ADMIN',
    orgs: [],
  };

  it('names the database after the organisation and the account', () => {
    expect(targetFromMe(me)).toEqual({ dbName: 'cc_org9_acc1', orgId: 'Org_9', accountId: 'Acc-1', role: 'ADMIN', orgName: 'O' });
  });

  it('has no target without a session, an active organisation or a role', () => {
    expect(targetFromMe(null)).toBeNull();
    expect(targetFromMe({ ...me, activeOrg: null })).toBeNull();
    expect(targetFromMe({ ...me, role: null })).toBeNull();
  });
});

describe('decideAction', () => {
  it('opens the store once the session has a target', () => {
    expect(decideAction(null, input())).toBe('open');
    expect(decideAction(null, input({ fresh: false }))).toBe('open');
  });

  it('parks the store when the session expired, closes it on sign-out', () => {
    expect(decideAction(open({ paused: true }), input({ target: null }))).toBe('none');
    expect(decideAction(open(), input({ target: null, closeWithoutTarget: true }))).toBe('close');
    expect(decideAction(null, input({ target: null, closeWithoutTarget: true }))).toBe('none');
  });

  it('switches stores when the organisation or the account changes', () => {
    expect(decideAction(open(), input({ target: target({ dbName: 'cc_org2_acc1', orgId: 'org2' }) }))).toBe('reopen');
  });

  it('restarts the engine when the role changes in the same organisation', () => {
    expect(decideAction(open(), input({ target: target({ role: 'TECH' }) }))).toBe('change-role');
  });

  it("removes the store when a fresh /me of the same account no longer lists its organisation", () => {
    const member = (orgIds: string[], accountId = 'acc1') => ({ accountId, orgIds });
    expect(decideAction(open(), input({ target: null, closeWithoutTarget: true, membership: member(['org2']) }))).toBe('remove');
    expect(decideAction(open({ paused: true }), input({ target: target({ dbName: 'cc_org2_acc1', orgId: 'org2' }), membership: member(['org2']) }))).toBe('remove');
    // Still a member: the usual steps.
    expect(decideAction(open(), input({ membership: member(['org1', 'org2']) }))).toBe('none');
    // Another account signed in: its own store, the first one stays on the device.
    expect(decideAction(open(), input({ target: target({ dbName: 'cc_org2_acc2', orgId: 'org2', accountId: 'acc2' }), membership: member(['org2'], 'acc2') }))).toBe('reopen');
    // No fresh /me (the cache may predate a removal): nothing is removed.
    expect(decideAction(open(), input({ target: null, membership: null }))).toBe('none');
  });

  it('takes the membership from a fresh /me only', () => {
    const me: Me = { account: { id: 'acc1', email: 'a@b.c', name: 'A' }, activeOrg: null, role: null, orgs: [{ id: 'org2', name: 'B', slug: 'b', role: 'TECH' }] };
    expect(membershipOf(me, true)).toEqual({ accountId: 'acc1', orgIds: ['org2'] });
    expect(membershipOf(me, false)).toBeNull();
    expect(membershipOf(null, true)).toBeNull();
  });

  it('resumes a paused engine after a fresh /me of the same account only', () => {
    expect(decideAction(open({ paused: true }), input())).toBe('resume');
    expect(decideAction(open({ paused: true }), input({ fresh: false }))).toBe('none');
    expect(decideAction(open(), input())).toBe('none');
  });
});
