/** JSON with object keys sorted, undefined dropped: two equal documents give the same string. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** Values JSON.stringify leaves out of an object (and writes as null in an array, or as nothing at the top). */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** A leaf as JSON writes it: non-finite numbers become null; -0 is 0. */
function leaf(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? (v === 0 ? 0 : v) : null;
  return v;
}

/** Equality of two values at a position where an omitted value is written as null (an array element). */
function sameIn(a: unknown, b: unknown): boolean {
  return sameAt(omitted(a) ? null : a, omitted(b) ? null : b);
}

function sameAt(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const objA = a !== null && typeof a === 'object';
  const objB = b !== null && typeof b === 'object';
  if (!objA || !objB) {
    if (objA || objB) return false;
    if (typeof a === 'bigint' || typeof b === 'bigint') return canonicalJson(a) === canonicalJson(b);
    return leaf(a) === leaf(b);
  }
  const arrA = Array.isArray(a);
  if (arrA !== Array.isArray(b)) return false;
  if (arrA) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameIn(x[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let kept = 0;
  for (const key of Object.keys(x)) {
    const v = x[key];
    if (omitted(v)) continue;
    kept += 1;
    const w = Object.prototype.hasOwnProperty.call(y, key) ? y[key] : undefined;
    if (omitted(w) || !sameAt(v, w)) return false;
  }
  for (const key of Object.keys(y)) if (!omitted(y[key])) kept -= 1;
  return kept === 0;
}

/**
 * Deep equality of two JSON values (key order ignored): true exactly when their canonical JSON is the same
 * string (undefined members dropped, undefined array items and non-finite numbers as null), decided by walking
 * both values once instead of serialising them (the push compares several states of every row).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (omitted(a) || omitted(b)) return omitted(a) && omitted(b);
  return sameAt(a, b);
}

/** The replicated part of a document: RxDB's local fields (_meta, _rev, _attachments) removed. */
export function replicatedPart<T extends Record<string, unknown>>(doc: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) {
    if (k === '_meta' || k === '_rev' || k === '_attachments') continue;
    out[k] = v;
  }
  if (out._deleted === undefined) out._deleted = false;
  return out as T;
}
