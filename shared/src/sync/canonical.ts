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

/** Deep equality of two JSON values (key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
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
