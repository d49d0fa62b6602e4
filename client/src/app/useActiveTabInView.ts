import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * On a phone, a row of tabs scrolls sideways and the current one can sit off screen ("which tab am I on?"):
 * after each navigation, every tab row of the page shows its current tab. Only the row scrolls, never the page.
 */
export function useActiveTabInView(): void {
  const { pathname } = useLocation();
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      for (const active of document.querySelectorAll<HTMLElement>('#main nav a.active, #main nav a[aria-current="page"]')) {
        const row = scrollingRow(active);
        if (!row) continue;
        const r = row.getBoundingClientRect();
        const a = active.getBoundingClientRect();
        if (a.left < r.left || a.right > r.right) row.scrollLeft += a.left - r.left - (r.width - a.width) / 2;
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}

/** The nearest ancestor of a tab (up to its nav) that scrolls sideways, if any. */
function scrollingRow(tab: HTMLElement): HTMLElement | null {
  for (let el = tab.parentElement; el && el.id !== 'main'; el = el.parentElement) {
    if (el.scrollWidth > el.clientWidth + 1) return el;
    if (el.tagName === 'NAV') return null;
  }
  return null;
}
