import { useState } from 'react';
import { switchActiveOrg } from '../api/me';
import { useSession } from '../auth/useSession';
import { useOnlineStatus } from '../pwa/useOnlineStatus';
import { useSyncControl } from '../sync/useSync';

/** Switching the active organisation: the sync engine stops first, then the server session moves. */
export function useOrgSwitch() {
  const online = useOnlineStatus();
  const { me, applyMe } = useSession();
  const sync = useSyncControl();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  /** Resolves ok when the organisation changed; else the error (also kept in `error`). */
  const switchTo = async (orgId: string): Promise<{ ok: boolean; error: unknown }> => {
    if (!me?.activeOrg || orgId === me.activeOrg.id) return { ok: false, error: null };
    setBusy(true);
    setError(null);
    // The old organisation's engine stops before the server session moves (the sync routes follow the session).
    const release = await sync.suspend();
    try {
      const next = await switchActiveOrg(orgId);
      if (next.activeOrg?.id === me.activeOrg.id) release();
      applyMe(next);
      return { ok: next.activeOrg?.id === orgId, error: null };
    } catch (caught) {
      release();
      setError(caught);
      return { ok: false, error: caught };
    } finally {
      setBusy(false);
    }
  };

  return { me, online, busy, error, switchTo, canSwitch: online && !busy && (me?.orgs.length ?? 0) > 1 };
}
