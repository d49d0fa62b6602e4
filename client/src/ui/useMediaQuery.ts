import { useCallback, useSyncExternalStore } from 'react';

/** Whether a CSS media query matches, kept current (false where matchMedia does not exist). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window === 'undefined' || !window.matchMedia) return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => (typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query).matches : false),
    () => false,
  );
}

/** The layout breakpoint of the app: phones below, the full header and side sheets from here. */
export const WIDE_QUERY = '(min-width: 720px)';

export function useIsWide(): boolean {
  return useMediaQuery(WIDE_QUERY);
}
