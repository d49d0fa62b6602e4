/**
 * The app's one polite live region (docs/decisions/accessibility.md): what a screen reader should hear without
 * the focus moving, the new screen's title after a navigation and the sync events (offline, online, writes sent,
 * writes refused). A module-level store so that code outside React may announce too; <LiveAnnouncer> draws it.
 */

export interface Announcement {
  text: string;
  /** Counts the announcements: the same sentence twice in a row is still read (the region alternates a suffix). */
  seq: number;
}

let current: Announcement = { text: '', seq: 0 };
const listeners = new Set<() => void>();

/** Says `text` politely (after what the screen reader is reading). */
export function announce(text: string): void {
  current = { text, seq: current.seq + 1 };
  for (const listener of [...listeners]) listener();
}

export function subscribeAnnouncements(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentAnnouncement(): Announcement {
  return current;
}
