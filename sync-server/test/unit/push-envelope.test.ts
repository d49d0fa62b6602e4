import { describe, expect, it } from 'vitest';
import { PUSH_ENVELOPE, wellFormedEnvelope } from '../../src/sync/push-route';
import { mulberry32 } from '@coulisses/shared';

const SHAPES: unknown[] = [undefined, null, 0, 'x', true, [], [1], {}, { id: 'a' }, { id: '' }, { id: 'x'.repeat(40) }, { id: 'x'.repeat(41) }, { id: 7 }, { id: null }, JSON.parse('{"__proto__": {"id": "p"}, "id": "q"}')];

function row(rand: () => number): unknown {
  const pick = () => SHAPES[Math.floor(rand() * SHAPES.length)];
  const r = rand();
  if (r < 0.05) return pick();
  const out: Record<string, unknown> = {};
  if (rand() < 0.9) out.newDocumentState = rand() < 0.6 ? { id: `id-${Math.floor(rand() * 1000)}`, title: 't', _deleted: rand() < 0.5 } : pick();
  if (rand() < 0.5) out.assumedMasterState = rand() < 0.5 ? { id: 'a', x: [1] } : pick();
  if (rand() < 0.1) out.other = pick();
  return out;
}

describe('push envelope fast path', () => {
  it('says well formed only for bodies the zod envelope accepts (3,000 random bodies, plus the usual ones)', () => {
    const rand = mulberry32(1414);
    let fast = 0;
    for (let i = 0; i < 3000; i++) {
      const body = rand() < 0.05 ? SHAPES[Math.floor(rand() * SHAPES.length)] : Array.from({ length: Math.floor(rand() * 4) }, () => row(rand));
      if (wellFormedEnvelope(body)) {
        fast += 1;
        expect(PUSH_ENVELOPE.safeParse(body).success, JSON.stringify(body)).toBe(true);
      }
    }
    expect(fast).toBeGreaterThan(300);
    const usual = Array.from({ length: 500 }, (_, i) => ({ assumedMasterState: i % 2 ? null : { id: `d${i}` }, newDocumentState: { id: `d${i}`, updatedAt: '2026-01-01T00:00:00.000Z' } }));
    expect(wellFormedEnvelope(usual)).toBe(true);
    expect(wellFormedEnvelope([...usual, usual[0]])).toBe(false);
  });
});
