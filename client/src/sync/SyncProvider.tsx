import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Me } from '../api/types';
import { useSession } from '../auth/useSession';
import { getCurrentLocale } from '../i18n/current-locale';
import { SyncController } from './controller';
import { publishDebugHandle } from './debug-handle';
import { OUTBOX_KEY_PREFIX, localKeyValueStore } from './kv-store';
import { targetFromMe, type SessionInput } from './lifecycle';
import { requestPersistentStorage } from './persistence';
import { confirmSessionTarget } from './session-check';
import { appStorage } from './storage';
import { SyncControlContext, SyncStatusContext, type SyncControl } from './sync-context';
import { useRuntimeStatus } from './useRuntimeStatus';

/**
 * Opens the local store of the active organisation once /me is known and keeps it in line with the session:
 * an expired session parks it (queued writes kept, pushed after the next sign-in), a sign-out closes it, an
 * organisation switch closes it before opening the other one. Provides the database and the sync status.
 */
export function SyncProvider({ children }: { children: ReactNode }) {
  const { state, me, reload, applyMe } = useSession();
  const applyMeRef = useRef<(me: Me) => void>(applyMe);
  useEffect(() => {
    applyMeRef.current = applyMe;
  }, [applyMe]);

  const [controller] = useState(
    () =>
      new SyncController(async () => ({
        storage: await appStorage(),
        kv: localKeyValueStore(),
        locale: getCurrentLocale,
        confirmSession: (target) => confirmSessionTarget(target, (fresh) => applyMeRef.current(fresh)),
      })),
  );
  const runtime = useSyncExternalStore(
    (onChange) => {
      const sub = controller.runtime$.subscribe(onChange);
      return () => sub.unsubscribe();
    },
    () => controller.runtime$.value,
  );
  const status = useRuntimeStatus(runtime);

  const input = useMemo<SessionInput>(() => {
    const target = targetFromMe(me);
    const byUser = state.status === 'signedOut' && state.byUser === true;
    return { target, closeWithoutTarget: byUser || (me !== null && target === null), fresh: state.status === 'signedIn' && !state.fromCache };
  }, [state, me]);

  useEffect(() => {
    void controller.apply(input);
  }, [controller, input]);

  useEffect(() => () => void controller.closeAll(), [controller]);

  useEffect(() => {
    if (runtime) requestPersistentStorage();
  }, [runtime]);

  // The engine found the session gone: check it (a 401 shows Sign in; the store stays open and paused).
  const signedOut = status.isLeader && status.phase === 'signed-out';
  useEffect(() => {
    if (signedOut) reload().catch(() => undefined);
  }, [signedOut, reload]);

  useEffect(() => {
    const onOnline = () => controller.runtime$.value?.online();
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || event.key.startsWith(OUTBOX_KEY_PREFIX)) controller.runtime$.value?.outbox.changed();
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('storage', onStorage);
    };
  }, [controller]);

  useEffect(() => {
    publishDebugHandle(runtime?.target.dbName ?? null, status);
  }, [runtime, status]);

  const control = useMemo<SyncControl>(() => ({ runtime, suspend: () => controller.suspend() }), [runtime, controller]);

  return (
    <SyncControlContext value={control}>
      <SyncStatusContext value={status}>{children}</SyncStatusContext>
    </SyncControlContext>
  );
}
