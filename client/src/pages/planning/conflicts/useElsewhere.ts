import type { ElsewhereHours } from '@coulisses/shared/planning/elsewhere';
import { useEffect, useState } from 'react';
import { apiRequest } from '../../../api/http';
import { useOnlineStatus } from '../../../pwa/useOnlineStatus';

const NONE: readonly ElsewhereHours[] = [];

/**
 * The hours the organisation's people work for other organisations of this product, per civil week, from the
 * server (GET /api/v1/planning/elsewhere; only hours leave the other organisation). Asked again when the range
 * changes or the network comes back; offline, the last answer stays (none before the first one).
 */
export function useElsewhere(from: number, to: number): readonly ElsewhereHours[] {
  const online = useOnlineStatus();
  const [hours, setHours] = useState<readonly ElsewhereHours[]>(NONE);
  useEffect(() => {
    if (!online) return undefined;
    let live = true;
    const query = `from=${encodeURIComponent(new Date(from).toISOString())}&to=${encodeURIComponent(new Date(to).toISOString())}`;
    apiRequest<{ elsewhere: ElsewhereHours[] }>(`/api/v1/planning/elsewhere?${query}`)
      .then((body) => {
        if (live) setHours(body.elsewhere.length ? body.elsewhere : NONE);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [online, from, to]);
  return hours;
}
