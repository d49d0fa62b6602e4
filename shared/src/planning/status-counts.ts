/** How many items are in each status (every listed status present, zero when none). */
export function countByStatus<S extends string>(items: readonly { status: S }[], statuses: readonly S[]): Record<S, number> {
  const out = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<S, number>;
  for (const it of items) if (it.status in out) out[it.status] += 1;
  return out;
}
