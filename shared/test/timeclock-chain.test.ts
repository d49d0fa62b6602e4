import { describe, expect, it } from 'vitest';
import { nextLink, punchHash, verifyChain, type ChainHead } from '../src/timeclock/chain';
import type { PunchEvent } from '../src/timeclock/punch';

function chain(n: number, deviceId = 'kiosk-1'): PunchEvent[] {
  let head: ChainHead | null = null;
  const out: PunchEvent[] = [];
  for (let i = 0; i < n; i++) {
    const draft = { id: `e${i + 1}`, kind: 'PUNCH', userId: `u${i % 3}`, missionId: null, at: `2026-03-29T0${i}:00:00.000Z`, deviceId };
    const payload = { punchType: i % 2 ? 'OUT' : 'IN', source: 'KIOSK', method: 'PIN', venueId: 'v1' };
    const link = nextLink(head, { ...draft, payload });
    head = { seq: link.seq, hash: link.hash };
    out.push({ ...draft, payload: { ...payload, ...link } });
  }
  return out;
}

describe('verifyChain', () => {
  const five = chain(5);
  it.each<[string, PunchEvent[], string, Partial<ReturnType<typeof verifyChain>>]>([
    ['an intact chain', five, 'OK', { count: 5, firstSeq: 1, lastSeq: 5, missingSeqs: [] }],
    ['in any order', [...five].reverse(), 'OK', { lastSeq: 5 }],
    ['a removed punch in the middle', five.filter((e) => e.id !== 'e3'), 'GAP', { missingSeqs: [3] }],
    ['the first punch removed', five.slice(1), 'GAP', { missingSeqs: [1] }],
    ['an altered time', five.map((e) => (e.id === 'e2' ? { ...e, at: '2026-03-29T09:00:00.000Z' } : e)), 'ALTERED', { alteredIds: ['e2'] }],
    ['an altered person', five.map((e) => (e.id === 'e4' ? { ...e, userId: 'someone' } : e)), 'ALTERED', { alteredIds: ['e4'] }],
    ['a re-hashed forgery breaks the next link', five.map((e) => (e.id === 'e2' ? forge(e) : e)), 'BROKEN', {}],
    ['an empty device', [], 'OK', { count: 0, firstSeq: null, lastSeq: null }],
  ])('%s -> %s', (_name, events, status, expected) => {
    const report = verifyChain('kiosk-1', events);
    expect(report.status).toBe(status);
    expect(report).toMatchObject(expected);
  });

  it('the hash covers the previous hash, so two chains never share a hash', () => {
    const a = chain(2, 'd1');
    const b = chain(2, 'd2');
    expect(a[1]!.payload.hash).not.toBe(b[1]!.payload.hash);
    expect(a[1]!.payload.prevHash).toBe(a[0]!.payload.hash);
    expect(punchHash(a[0]!)).toBe(a[0]!.payload.hash);
  });
});

/** Changes a punch and recomputes its own hash: the next punch's prevHash no longer matches. */
function forge(e: PunchEvent): PunchEvent {
  const changed = { ...e, at: '2026-03-29T09:30:00.000Z' };
  return { ...changed, payload: { ...changed.payload, hash: punchHash(changed) } };
}
