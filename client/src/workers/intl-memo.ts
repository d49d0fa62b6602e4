/**
 * Worker-scoped memo of Intl.DateTimeFormat.prototype.formatToParts. The shared zone helpers turn every
 * instant into wall-clock parts with it, many times over the same instants (local midnights, quarter hours);
 * ICU is the bulk of conflict detection time. The answer for one formatter and one instant never changes, so
 * a memo is transparent (the cached parts are frozen: a caller cannot alter them for the next one). Installed only inside the planning worker, never on the page.
 */
type Parts = Intl.DateTimeFormatPart[];

const LIMIT = 200_000;

export function installFormatToPartsMemo(proto: Intl.DateTimeFormat = Intl.DateTimeFormat.prototype): void {
  const marked = proto as Intl.DateTimeFormat & { __ccMemo?: true };
  if (marked.__ccMemo) return;
  const original = proto.formatToParts;
  const caches = new WeakMap<Intl.DateTimeFormat, Map<number, Parts>>();
  proto.formatToParts = function memoFormatToParts(this: Intl.DateTimeFormat, date?: Date | number): Parts {
    const ms = date === undefined ? Date.now() : typeof date === 'number' ? date : date.getTime();
    let cache = caches.get(this);
    if (!cache) {
      cache = new Map();
      caches.set(this, cache);
    }
    let parts = cache.get(ms);
    if (!parts) {
      parts = Object.freeze(original.call(this, ms).map((p) => Object.freeze(p))) as Parts;
      if (cache.size >= LIMIT) cache.clear();
      cache.set(ms, parts);
    }
    return parts;
  };
  marked.__ccMemo = true;
}
