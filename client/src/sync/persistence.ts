let asked = false;

/** Asks the browser once per page load to keep this origin's storage (IndexedDB) under storage pressure. */
export function requestPersistentStorage(): void {
  if (asked) return;
  asked = true;
  navigator.storage?.persist?.().catch(() => undefined);
}
