import { useEffect, useState } from 'react';

/** The current time, refreshed every `stepMs` (so a mission moves to the past ones while the page is open). */
export function useNow(stepMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), stepMs);
    return () => window.clearInterval(timer);
  }, [stepMs]);
  return now;
}
