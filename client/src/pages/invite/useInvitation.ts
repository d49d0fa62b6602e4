import { useEffect, useState } from 'react';
import { fetchInvitation } from '../../api/invitations';
import type { PublicInvitation } from '../../api/types';

export type InvitationLoad =
  | { status: 'loading' }
  | { status: 'loaded'; invitation: PublicInvitation }
  | { status: 'failed'; error: unknown };

export function useInvitation(id: string): InvitationLoad {
  const [result, setResult] = useState<{ id: string; load: InvitationLoad } | null>(null);

  useEffect(() => {
    let alive = true;
    fetchInvitation(id).then(
      (invitation) => {
        if (alive) setResult({ id, load: { status: 'loaded', invitation } });
      },
      (error: unknown) => {
        if (alive) setResult({ id, load: { status: 'failed', error } });
      },
    );
    return () => {
      alive = false;
    };
  }, [id]);

  return result && result.id === id ? result.load : { status: 'loading' };
}
