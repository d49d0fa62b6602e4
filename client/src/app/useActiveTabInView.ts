import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** How often the page is looked at after a navigation, and for how long at most. */
const CHECK_MS = 100;
const MAX_WATCH_MS = 15_000;
/** How long the current tabs must stay in view before we stop looking. */
const SETTLE_MS = 1500;

/**
 * On a phone, a row of tabs scrolls sideways and the current one can sit off screen ("which tab am I on?"):
 * after each navigation, every tab row of the page shows its current tab. The page's chunk and stylesheet may
 * still be loading (a slow network or a busy phone: until its stylesheet applies, a row does not scroll yet), so
 * the page is looked at every 100 ms until its current tabs have stayed in view for a moment. Only the row
 * scrolls, never the page, and a row whose current tab is in view does not move.
 */
export function useActiveTabInView(): void {
  const { pathname } = useLocation();
  useEffect(() => {
    const started = Date.now();
    let inViewSince = 0;
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (alignActiveTabs()) inViewSince ||= now;
      else inViewSince = 0;
      if ((inViewSince && now - inViewSince >= SETTLE_MS) || now - started >= MAX_WATCH_MS) window.clearInterval(timer);
    }, CHECK_MS);
    return () => window.clearInterval(timer);
  }, [pathname]);
}

/** Scrolls each row of tabs to its current tab; true when the page shows current tabs and all are in view. */
function alignActiveTabs(): boolean {
  const actives = document.querySelectorAll<HTMLElement>('#main nav a.active, #main nav a[aria-current="page"]');
  let inView = actives.length > 0;
  for (const active of actives) {
    const row = scrollingRow(active);
    if (row) {
      const r = row.getBoundingClientRect();
      const a = active.getBoundingClientRect();
      if (a.left < r.left || a.right > r.right) row.scrollLeft += a.left - r.left - (r.width - a.width) / 2;
    }
    const a = active.getBoundingClientRect();
    if (a.left < 0 || a.right > document.documentElement.clientWidth) inView = false;
  }
  return inView;
}

/** The nearest ancestor of a tab (up to its nav) that scrolls sideways, if any. */
function scrollingRow(tab: HTMLElement): HTMLElement | null {
  for (let el = tab.parentElement; el && el.id !== 'main'; el = el.parentElement) {
    if (el.scrollWidth > el.clientWidth + 1) return el;
    if (el.tagName === 'NAV') return null;
  }
  return null;
}
