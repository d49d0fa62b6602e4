import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Me } from '../api/types';
import { useSession } from '../auth/useSession';
import { getCurrentLocale } from '../i18n/current-locale';
import { browserStorage } from '../lib/storage';
import { requireAppUpdate } from '../pwa/app-update';
import { SyncController } from './controller';
import { publishDebugHandle } from './debug-handle';
import { OUTBOX_KEY_PREFIX, localKeyValueStore } from './kv-store';
import { membershipOf, targetFromMe, type SessionInput } from './lifecycle';
import { requestPersistentStorage } from './persistence';
import { addRemovedNotice } from './removed-stores';
import { confirmSessionTarget } from './session-check';
import { appStorage } from './storage';
import { SyncControlContext, SyncStatusContext, type SyncControl } from './sync-context';
import { useRuntimeStatus } from './useRuntimeStatus';

/** The engine's 403s ask /me again at most this often. */
const ACCESS_CHECK_GAP_MS = 5000;

/**
 * Opens the local store of the active organisation once /me is known and keeps it in line with the session:
 * an expired session parks it (queued writes kept, pushed after the next sign-in), a sign-out closes it, an
 * organisation switch closes it before opening the other one, and a fresh /me without the store's organisation
 * (the account was removed from it) deletes it from the device and tells the user. Provides the database and
 * the sync status.
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
    const fresh = state.status === 'signedIn' && !state.fromCache;
    return { target, closeWithoutTarget: byUser || (me !== null && target === null), fresh, membership: membershipOf(me, fresh) };
  }, [state, me]);

  useEffect(() => {
    void controller.apply(input);
  }, [controller, input]);

  useEffect(() => () => void controller.closeAll(), [controller]);

  // A store removed because the account left its organisation: the notice outlives the store (and the page).
  useEffect(() => {
    const sub = controller.removed$.subscribe((removed) => addRemovedNotice(browserStorage(), removed));
    return () => sub.unsubscribe();
  }, [controller]);

  // The server refused a read: is the account still a member of this organisation? A fresh /me tells.
  useEffect(() => {
    if (!runtime) return undefined;
    let last = 0;
    const sub = runtime.accessDenied$.subscribe(() => {
      if (Date.now() - last < ACCESS_CHECK_GAP_MS) return;
      last = Date.now();
      reload().catch(() => undefined);
    });
    return () => sub.unsubscribe();
  }, [runtime, reload]);

  // The server refuses this version of the app: the engine stopped; the update prompt takes over.
  const updateRequired = status.phase === 'update-required';
  useEffect(() => {
    if (updateRequired) requireAppUpdate();
  }, [updateRequired]);

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
