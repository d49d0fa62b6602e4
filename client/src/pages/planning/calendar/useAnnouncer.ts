import { useCallback, useState } from 'react';

/**
 * The text of the calendar's ARIA live region. The same sentence twice in a row is still read: a counter
 * alternates an invisible suffix.
 */
export function useAnnouncer(): [string, (message: string) => void] {
  const [state, setState] = useState({ text: '', n: 0 });
  const announce = useCallback((text: string) => setState((s) => ({ text, n: s.n + 1 })), []);
  return [state.text + (state.n % 2 === 0 ? '' : '\u00a0'), announce];
}
