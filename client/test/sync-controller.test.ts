import { BehaviorSubject } from 'rxjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionInput, SyncTarget } from '../src/sync/lifecycle';

/** A stand-in for SyncRuntime: records what the controller asks of it. */
const log: string[] = [];
class FakeRuntime {
  readonly engine = { status$: new BehaviorSubject({ phase: 'idle' as string }) };
  role: string;
  constructor(readonly target: SyncTarget) {
    this.role = target.role;
  }
  static async open(target: SyncTarget) {
    await Promise.resolve();
    log.push(`open ${target.dbName}`);
    return new FakeRuntime(target);
  }
  async close() {
    await Promise.resolve();
    log.push(`close ${this.target.dbName}`);
  }
  async changeRole(role: string) {
    this.role = role;
    log.push(`role ${role}`);
  }
  async resume() {
    log.push('resume');
  }
  async removeFromDevice() {
    await Promise.resolve();
    log.push(`remove ${this.target.dbName}`);
    return { dbName: this.target.dbName, orgId: this.target.orgId, orgName: null, unsent: 2 };
  }
}
vi.mock('../src/sync/runtime', () => ({ SyncRuntime: FakeRuntime }));

const { SyncController } = await import('../src/sync/controller');

const target = (org: string, role: SyncTarget['role'] = 'MANAGER'): SyncTarget => ({ dbName: `cc_${org}_acc`, orgId: org, accountId: 'acc', role });
const input = (t: SyncTarget | null, over: Partial<SessionInput> = {}): SessionInput => ({ target: t, closeWithoutTarget: false, fresh: true, ...over });
const controller = () => new SyncController(async () => ({}) as never);

describe('SyncController', () => {
  beforeEach(() => {
    log.length = 0;
  });

  it('closes one store before opening the next, and runs each step once', async () => {
    const c = controller();
    void c.apply(input(target('a')));
    await c.apply(input(target('b')));
    await c.apply(input(target('b')));
    expect(log).toEqual(['open cc_b_acc']);
    await c.apply(input(target('c')));
    expect(log).toEqual(['open cc_b_acc', 'close cc_b_acc', 'open cc_c_acc']);
  });

  it('parks the store when the session expires and resumes it after a fresh sign-in', async () => {
    const c = controller();
    await c.apply(input(target('a')));
    (c.runtime$.value as unknown as FakeRuntime).engine.status$.next({ phase: 'signed-out' });
    await c.apply(input(null));
    expect(c.runtime$.value).not.toBeNull();
    await c.apply(input(target('a'), { fresh: false }));
    await c.apply(input(target('a')));
    expect(log).toEqual(['open cc_a_acc', 'resume']);
  });

  it('closes on sign-out and restarts the engine on a role change', async () => {
    const c = controller();
    await c.apply(input(target('a')));
    await c.apply(input(target('a', 'TECH')));
    await c.apply(input(null, { closeWithoutTarget: true }));
    expect(log).toEqual(['open cc_a_acc', 'role TECH', 'close cc_a_acc']);
    expect(c.runtime$.value).toBeNull();
  });

  it('keeps the store closed during an organisation switch until the new organisation comes', async () => {
    const c = controller();
    await c.apply(input(target('a')));
    await c.suspend();
    await c.apply(input(target('a')));
    expect(c.runtime$.value).toBeNull();
    await c.apply(input(target('b')));
    expect(log).toEqual(['open cc_a_acc', 'close cc_a_acc', 'open cc_b_acc']);
  });

  it('removes the store of an organisation the account left, then opens the one the session points at', async () => {
    const c = controller();
    const removed: string[] = [];
    c.removed$.subscribe((r) => removed.push(`${r.orgId}:${r.unsent}`));
    await c.apply(input(target('a')));
    await c.apply(input(target('a'), { membership: { accountId: 'acc', orgIds: ['a', 'b'] } }));
    await c.apply(input(target('b'), { membership: { accountId: 'acc', orgIds: ['b'] } }));
    expect(log).toEqual(['open cc_a_acc', 'remove cc_a_acc', 'open cc_b_acc']);
    expect(removed).toEqual(['a:2']);
  });

  it('reopens the same store when the switch failed', async () => {
    const c = controller();
    await c.apply(input(target('a')));
    const release = await c.suspend();
    release();
    await c.apply(input(target('a')));
    expect(log).toEqual(['open cc_a_acc', 'close cc_a_acc', 'open cc_a_acc']);
  });
});
