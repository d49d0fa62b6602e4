import { useCallback, useEffect, useState } from 'react';
import { acceptMissionInvitation, declineMissionInvitation, fetchMissionInvitation, type MissionInvitationView } from './mission-invitation-api';

export type Answer = 'ACCEPTED' | 'DECLINED';

export interface InvitationState {
  view: MissionInvitationView | null;
  /** The load failed (INVALID_TOKEN 404, INVITATION_REVOKED or INVITATION_EXPIRED 410...). */
  loadError: unknown;
  /** The answer failed (ASSIGNMENT_CANCELLED 409...). */
  answerError: unknown;
  busy: boolean;
  /** The last answer sent, and whether the invitation already had it (answering twice is harmless). */
  answered: { status: Answer; already: boolean } | null;
  answer: (status: Answer, reason?: string) => Promise<void>;
}

/** The invitation behind a link: loaded without a session, answered through the public endpoints. */
export function useMissionInvitation(token: string): InvitationState {
  const [loaded, setLoaded] = useState<{ token: string; view: MissionInvitationView | null; error: unknown } | null>(null);
  const [answerError, setAnswerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [answered, setAnswered] = useState<InvitationState['answered']>(null);

  useEffect(() => {
    let alive = true;
    fetchMissionInvitation(token).then(
      (view) => alive && setLoaded({ token, view, error: null }),
      (error: unknown) => alive && setLoaded({ token, view: null, error }),
    );
    return () => {
      alive = false;
    };
  }, [token]);

  const current = loaded && loaded.token === token ? loaded : null;
  const before = current?.view?.assignment.status ?? null;
  const answer = useCallback(
    async (status: Answer, reason = '') => {
      setBusy(true);
      setAnswerError(null);
      try {
        const view = status === 'ACCEPTED' ? await acceptMissionInvitation(token) : await declineMissionInvitation(token, reason);
        setLoaded({ token, view, error: null });
        setAnswered({ status, already: before === status });
      } catch (error) {
        setAnswerError(error);
      } finally {
        setBusy(false);
      }
    },
    [token, before],
  );

  return { view: current?.view ?? null, loadError: current?.error ?? null, answerError, busy, answered, answer: answer as InvitationState['answer'] };
}
