import { z } from 'zod';
import { SafeText, text } from '../entities/common';
import { PUNCH_METHODS, PUNCH_SOURCES, PUNCH_TYPES, type Punch } from './types';

const Hex64 = SafeText.regex(/^[0-9a-f]{64}$/);

/** Where the device was when the punch was taken (only with the person's consent). */
export const PositionSchema = z
  .object({
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    accuracyM: z.number().min(0).max(100_000),
  })
  .strict();
export type Position = z.infer<typeof PositionSchema>;

/**
 * The payload of a PUNCH field event. `seq`, `prevHash` and `hash` chain the punches of one device: each
 * carries the hash of the previous one, so a removed or altered punch shows on the server.
 */
export const PunchPayloadSchema = z
  .object({
    punchType: z.enum(PUNCH_TYPES),
    source: z.enum(PUNCH_SOURCES),
    method: z.enum(PUNCH_METHODS),
    venueId: text(64).nullable(),
    /** Position of this device's punch in its chain, from 1. */
    seq: z.number().int().min(1),
    prevHash: Hex64.nullable(),
    hash: Hex64,
    position: PositionSchema.optional(),
    /** The device's own geofence verdict (the server checks again). */
    geofence: z.enum(['INSIDE', 'OUTSIDE', 'UNKNOWN']).optional(),
    /** SHA-256 of the JPEG taken with the punch (uploaded separately), when a photo was taken with consent. */
    photoHash: Hex64.optional(),
  })
  .strict();
export type PunchPayload = z.infer<typeof PunchPayloadSchema>;

/** A PUNCH field event as the registry stores it (the fields the time rules and the chain need). */
export interface PunchEvent {
  id: string;
  kind: string;
  userId: string | null;
  missionId: string | null;
  at: string;
  deviceId: string | null;
  payload: Record<string, unknown>;
  flags?: readonly string[];
}

/** The punch a PUNCH event describes, or null when it is not a valid punch. */
export function punchOf(event: PunchEvent): Punch | null {
  if (event.kind !== 'PUNCH' || !event.userId) return null;
  const parsed = PunchPayloadSchema.safeParse(event.payload);
  if (!parsed.success) return null;
  return { id: event.id, userId: event.userId, missionId: event.missionId, at: event.at, punchType: parsed.data.punchType, deviceId: event.deviceId, flags: event.flags ?? [] };
}
