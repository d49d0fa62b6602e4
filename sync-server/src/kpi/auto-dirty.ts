/**
 * The signal from the sync hooks (auto-hooks.ts) to the automatic KPI runners (auto-runner.ts): a write that
 * changes what automatic KPIs read marks its organisation. In memory and cheap (the hook runs inside the pushing
 * transaction): nothing is read or written here. Each running server's runner listens while it runs; a process
 * holding several servers (tests) marks them all, and a runner refreshing an organisation it does not hold finds
 * no KPI to compute.
 */
export type DirtyListener = (orgId: string, soon: boolean) => void;

const listeners = new Set<DirtyListener>();

/** `soon`: an automatic KPI itself changed (its first value should show at once). */
export function markAutoKpisDirty(orgId: string, soon = false): void {
  for (const listener of listeners) listener(orgId, soon);
}

/** Starts listening; the returned function stops. */
export function onAutoKpisDirty(listener: DirtyListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
