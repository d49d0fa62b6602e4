import { useEffect } from 'react';
import { accentFromSettings, setOrgAccent } from './accent';

/** Applies the active organisation's accent colour (its settings' accentColor) while mounted; the brand otherwise. */
export function useOrgAccent(settings: unknown): void {
  const accent = accentFromSettings(settings);
  useEffect(() => {
    setOrgAccent(accent);
    return () => setOrgAccent(null);
  }, [accent]);
}
