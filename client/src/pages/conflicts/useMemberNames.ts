import { useEffect, useState } from 'react';
import { listMembers } from '../../api/org';

/** Account id to member name in the active organisation; empty while loading or offline. */
export function useMemberNames(): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(() => new Map());
  useEffect(() => {
    let alive = true;
    listMembers().then(
      (members) => {
        if (alive) setNames(new Map(members.map((m) => [m.accountId, m.name])));
      },
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, []);
  return names;
}
