import { describe, expect, it } from 'vitest';
import { canonicalJson, sameValue } from '../src/sync/canonical';
import { mulberry32 } from '../src/testing/seeded-random';

const LEAVES: unknown[] = [null, undefined, true, false, 0, -0, 1, 1.5, NaN, Infinity, -Infinity, '', 'a', 'b', '0', 'null', () => 1, Symbol('s')];
const KEYS = ['a', 'b', 'c', 'id', '_deleted'];

function value(rand: () => number, depth: number): unknown {
  const r = rand();
  if (depth > 3 || r < 0.45) return LEAVES[Math.floor(rand() * LEAVES.length)];
  if (r < 0.7) return Array.from({ length: Math.floor(rand() * 4) }, () => value(rand, depth + 1));
  const out: Record<string, unknown> = {};
  for (const k of KEYS) if (rand() < 0.5) out[k] = value(rand, depth + 1);
  return out;
}

/** A value that is often equal to `v` under canonical JSON: same content, keys reordered, undefined members added. */
function variant(rand: () => number, v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (rand() < 0.1 ? value(rand, 3) : variant(rand, x)));
  if (v && typeof v === 'object') {
    const keys = Object.keys(v).reverse();
    const out: Record<string, unknown> = {};
    for (const k of keys) if (rand() > 0.05) out[k] = variant(rand, (v as Record<string, unknown>)[k]);
    if (rand() < 0.3) out.extra = undefined;
    return out;
  }
  if (rand() < 0.1) return LEAVES[Math.floor(rand() * LEAVES.length)];
  return v;
}

const canonicalSame = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

describe('sameValue', () => {
  it('answers exactly as comparing canonical JSON, on 20,000 random pairs of JSON-like values', () => {
    const rand = mulberry32(14);
    let equal = 0;
    for (let i = 0; i < 20_000; i++) {
      const a = value(rand, 0);
      const b = rand() < 0.7 ? variant(rand, a) : value(rand, 0);
      const expected = canonicalSame(a, b);
      if (expected) equal += 1;
      expect(sameValue(a, b), `${canonicalJson(a)} vs ${canonicalJson(b)}`).toBe(expected);
      expect(sameValue(b, a)).toBe(expected);
    }
    // Both answers occur often enough for the comparison to mean something.
    expect(equal).toBeGreaterThan(2_000);
    expect(equal).toBeLessThan(18_000);
  });

  it('ignores key order and undefined members, writes undefined array items and non-finite numbers as null', () => {
    expect(sameValue({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1, u: undefined }, { a: 1 })).toBe(true);
    expect(sameValue([undefined], [null])).toBe(true);
    expect(sameValue({ n: NaN }, { n: null })).toBe(true);
    expect(sameValue({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameValue({ a: null }, {})).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue(undefined, null)).toBe(false);
    expect(sameValue(undefined, undefined)).toBe(true);
    expect(sameValue(new Date(0), {})).toBe(canonicalSame(new Date(0), {}));
  });
});
