import { useSyncExternalStore } from 'react';
import { currentAnnouncement, subscribeAnnouncements } from './announcer';

/**
 * The polite live region of the whole app, in the page from the start (a region added together with its text is
 * not read). Visually hidden; one sentence at a time, replaced by the next.
 */
export function LiveAnnouncer() {
  const { text, seq } = useSyncExternalStore(subscribeAnnouncements, currentAnnouncement, currentAnnouncement);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="live-announcer" data-seq={seq}>
      {text + (seq % 2 === 0 ? '' : '\u00a0')}
    </div>
  );
}
