import { useEffect } from 'react';
import { sectionsFor, type Role } from '@coulisses/shared';
import { SECTION_PAGES } from './pages';

type IdleWindow = Window & { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };

/** How long after the screen is drawn the prefetch may wait for an idle moment. */
const IDLE_TIMEOUT_MS = 3000;

/**
 * Once the browser is idle, fetches the chunks of the other sections the role may open, one after the other, so the
 * next click does not wait for the network (the service worker has them too once installed: offline opens work).
 */
export function useIdlePrefetch(role: Role | null | undefined): void {
  useEffect(() => {
    if (!role) return;
    const w = window as IdleWindow;
    let cancelled = false;
    const run = async () => {
      for (const section of sectionsFor(role)) {
        if (cancelled) return;
        await SECTION_PAGES[section.id].preload().catch(() => undefined);
      }
    };
    if (w.requestIdleCallback) {
      const id = w.requestIdleCallback(() => void run(), { timeout: IDLE_TIMEOUT_MS });
      return () => {
        cancelled = true;
        w.cancelIdleCallback?.(id);
      };
    }
    const timer = window.setTimeout(() => void run(), IDLE_TIMEOUT_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [role]);
}
