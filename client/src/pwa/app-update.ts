/**
 * "This app must be updated": set when the sync server answers 426 APP_UPDATE_REQUIRED (the engine stops), read
 * by the update prompt, which sits outside the sync provider. Module state with listeners, like a tiny store.
 */
let required = false;
const listeners = new Set<() => void>();

export function requireAppUpdate(): void {
  if (required) return;
  required = true;
  for (const l of listeners) l();
}

export function isAppUpdateRequired(): boolean {
  return required;
}

export function subscribeAppUpdate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
