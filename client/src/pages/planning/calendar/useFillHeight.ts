import { useLayoutEffect, type DependencyList, type RefObject } from 'react';

/** Space kept under the grid (the page's bottom padding). */
const BOTTOM_PX = 16;
/** A grid never gets shorter than this (small or landscape phones scroll the page instead). */
const MIN_PX = 320;

/**
 * Sets --cal-fill on the element: the height from its top to the bottom of the window, so the week, day and
 * timeline grids fill the screen and scroll inside (their header row stays put). Re-measured on resize and
 * when what sits above changes (deps).
 */
export function useFillHeight(ref: RefObject<HTMLElement | null>, deps: DependencyList): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      el.style.setProperty('--cal-fill', `${Math.max(MIN_PX, Math.floor(window.innerHeight - top - BOTTOM_PX))}px`);
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
