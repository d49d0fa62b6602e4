/** The status colours of the design system; each has bg/fg/border/solid tokens (ui/tokens.css). */
export const TONES = ['neutral', 'info', 'success', 'warning', 'danger'] as const;
export type Tone = (typeof TONES)[number];

/** The statuses of the registry (shared/src/entities/planning.ts), spelled here for the tone tables. */
export type AssignmentStatusName = 'INVITED' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED';
export type MissionStatusName = 'DRAFT' | 'PUBLISHED' | 'CANCELLED';

/** Assignment statuses: waiting for an answer is a warning, a refusal is danger, a withdrawn one is neutral. */
export const ASSIGNMENT_TONES: Record<AssignmentStatusName, Tone> = {
  INVITED: 'warning',
  ACCEPTED: 'success',
  DECLINED: 'danger',
  CANCELLED: 'neutral',
};

/** Mission statuses: a draft is neutral, a published mission is live (success), a cancelled one is danger. */
export const MISSION_TONES: Record<MissionStatusName, Tone> = {
  DRAFT: 'neutral',
  PUBLISHED: 'success',
  CANCELLED: 'danger',
};

export function isTone(value: unknown): value is Tone {
  return typeof value === 'string' && (TONES as readonly string[]).includes(value);
}

/** The tone of a status of either kind (neutral for an unknown value, e.g. a newer server's). */
export function toneForStatus(kind: 'assignment' | 'mission', status: string): Tone {
  const table: Record<string, Tone> = kind === 'assignment' ? ASSIGNMENT_TONES : MISSION_TONES;
  return table[status] ?? 'neutral';
}
