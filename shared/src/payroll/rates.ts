import { z } from 'zod';
import { SafeText } from '../entities/common';
import { EMPLOYMENT_TYPES } from '../entities/org';

/** How a rate pays: per hour of (rounded) time, per cachet (one per timesheet), or a flat amount per timesheet. */
export const RATE_MODES = ['HOURLY', 'CACHET', 'FLAT'] as const;
export type RateMode = (typeof RATE_MODES)[number];

/** What a rate profile applies to. ROLE: `id` is the role name ("Regisseur"); ORG: `id` is null. */
export const RATE_TARGETS = ['USER', 'ROLE', 'MISSION', 'ORG'] as const;
export type RateTarget = (typeof RATE_TARGETS)[number];

export const CONTRACT_TYPES = EMPLOYMENT_TYPES;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** The `data` of a reference document of kind 'rate_profile'. */
export const RateProfileDataSchema = z
  .object({
    mode: z.enum(RATE_MODES),
    /** Euro cents: per hour (HOURLY), per cachet (CACHET), per timesheet (FLAT). */
    amountCents: z.number().int().min(0).max(100_000_000),
    appliesTo: z
      .object({
        kind: z.enum(RATE_TARGETS),
        id: SafeText.trim().min(1).max(60).nullable(),
      })
      .strict()
      .refine((t) => (t.kind === 'ORG') === (t.id === null), { message: 'ORG takes no id, the others need one' }),
    /** When set, the profile applies only to people with this contract (users.employmentType). */
    contractType: z.enum(CONTRACT_TYPES).optional(),
  })
  .strict();
export type RateProfileData = z.infer<typeof RateProfileDataSchema>;

/** A rate profile as the rules read it (a reference document of kind 'rate_profile', its data parsed). */
export interface RateProfile {
  id: string;
  name: string;
  archived: boolean;
  data: RateProfileData;
}

/** The rate profiles among reference documents: kind 'rate_profile' whose data passes the schema (the others are left out). */
export function rateProfilesOf(docs: readonly { id: string; kind: string; name: string; archived: boolean; data: unknown }[]): RateProfile[] {
  const out: RateProfile[] = [];
  for (const doc of docs) {
    if (doc.kind !== 'rate_profile') continue;
    const parsed = RateProfileDataSchema.safeParse(doc.data);
    if (parsed.success) out.push({ id: doc.id, name: doc.name, archived: doc.archived, data: parsed.data });
  }
  return out;
}

export interface RateQuery {
  userId: string;
  missionId?: string | null;
  role?: string | null;
  /** The person's contract; profiles restricted to another contract are skipped. Unknown: no restriction applied. */
  contractType?: string | null;
}

/** Role names compare without case, accents or surrounding spaces ("Regisseur" matches " regisseur "). */
export function roleKey(role: string): string {
  return role
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();
}

const PRECEDENCE: readonly RateTarget[] = ['MISSION', 'USER', 'ROLE', 'ORG'];

/**
 * The rate profile that applies: MISSION before USER before ROLE before ORG; archived profiles never apply.
 * Within one level, a profile restricted to the person's contract beats an unrestricted one, then the smallest
 * id wins (deterministic). Null when none applies.
 */
export function resolveRate(query: RateQuery, profiles: readonly RateProfile[]): RateProfile | null {
  const role = query.role ? roleKey(query.role) : null;
  let best: RateProfile | null = null;
  let bestScore = Infinity;
  for (const p of profiles) {
    if (p.archived) continue;
    const { kind, id } = p.data.appliesTo;
    const contract = p.data.contractType;
    if (contract && query.contractType && contract !== query.contractType) continue;
    const matches =
      kind === 'ORG' || (kind === 'USER' && id === query.userId) || (kind === 'MISSION' && !!query.missionId && id === query.missionId) || (kind === 'ROLE' && role !== null && id !== null && roleKey(id) === role);
    if (!matches) continue;
    const score = PRECEDENCE.indexOf(kind) * 2 + (contract && query.contractType ? 0 : 1);
    if (score < bestScore || (score === bestScore && best !== null && p.id < best.id)) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}
