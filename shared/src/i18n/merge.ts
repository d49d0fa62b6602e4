export type Catalog = { [key: string]: string | Catalog };

/** Catalogues are split by domain (<lang>.json, <lang>.<domain>.json) and merged; a key may not repeat. */
export function merge(...parts: Catalog[]): Catalog {
  const out: Catalog = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      const prev = out[k];
      out[k] = prev && typeof prev === 'object' && typeof v === 'object' ? merge(prev, v) : v;
    }
  }
  return out;
}
