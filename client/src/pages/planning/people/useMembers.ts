import { useEffect, useState } from 'react';
import { listMembers } from '../../../api/org';
import type { Member } from '../../../api/types';
import { useOnlineStatus } from '../../../pwa/useOnlineStatus';

export type MembersLoad = { status: 'loading' } | { status: 'loaded'; members: Member[] } | { status: 'failed'; error: unknown };

/** The organisation's members (login accounts) from GET /api/v1/org/members; loaded again when back online. */
export function useMembers(): MembersLoad {
  const online = useOnlineStatus();
  const [load, setLoad] = useState<{ online: boolean; value: MembersLoad } | null>(null);
  useEffect(() => {
    let alive = true;
    listMembers().then(
      (members) => alive && setLoad({ online, value: { status: 'loaded', members } }),
      (error: unknown) => alive && setLoad({ online, value: { status: 'failed', error } }),
    );
    return () => {
      alive = false;
    };
  }, [online]);
  return load && load.online === online ? load.value : { status: 'loading' };
}
