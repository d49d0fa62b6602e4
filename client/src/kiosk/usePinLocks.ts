import { useMemo, useState } from 'react';
import { pinMatches } from './kiosk-crypto';
import { liftLocks, readLocks, saveLocks, type LocalLock, type Roster, type RosterPerson } from './kiosk-store';

/** Wrong PINs in a row before the kiosk locks the PIN (the server's limit too). */
export const MAX_FAILURES = 5;

export type PinOutcome =
  | { kind: 'ok' }
  | { kind: 'none' }
  | { kind: 'locked'; justNow: boolean }
  | { kind: 'wrong'; left: number };

/**
 * PINs checked on the tablet, offline if need be: wrong tries are counted per person and kept on the device, the
 * fifth locks the PIN; a lock is lifted when the roster shows the PIN set again since.
 */
export function usePinLocks(kioskId: string, roster: Roster | null) {
  const [stored, setStored] = useState<Record<string, LocalLock>>(() => readLocks(kioskId));
  const locks = useMemo(() => (roster ? liftLocks(stored, roster) : stored), [stored, roster]);

  const update = (userId: string, lock: LocalLock | null) => {
    const next = { ...locks };
    if (lock) next[userId] = lock;
    else delete next[userId];
    saveLocks(kioskId, next);
    setStored(next);
  };

  const isLocked = (p: RosterPerson) => Boolean(p.pin?.lockedAt || locks[p.userId]?.lockedAt);

  const verify = async (person: RosterPerson, pin: string): Promise<PinOutcome> => {
    if (!person.pin) return { kind: 'none' };
    if (isLocked(person)) return { kind: 'locked', justNow: false };
    if (await pinMatches(pin, person.pin)) {
      update(person.userId, null);
      return { kind: 'ok' };
    }
    const failures = (locks[person.userId]?.failures ?? 0) + 1;
    if (failures >= MAX_FAILURES) {
      update(person.userId, { failures, lockedAt: new Date().toISOString() });
      return { kind: 'locked', justNow: true };
    }
    update(person.userId, { failures, lockedAt: null });
    return { kind: 'wrong', left: MAX_FAILURES - failures };
  };

  return { isLocked, verify };
}
