import { z } from 'zod';
import { Id, LongText } from '../entities/common';

/**
 * Equipment incidents are field events (kind INCIDENT), recorded offline from a phone or a kiosk and never changed:
 * a report carries the incident; closing it (a planner) is a later INCIDENT event naming it in `closes`. The
 * incident's status is read from the events (incidentsOf).
 */
export const INCIDENT_CATEGORIES = ['BREAKDOWN', 'DAMAGE', 'LOSS', 'SAFETY', 'OTHER'] as const;
export const INCIDENT_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/** `payload` of an INCIDENT report. */
export const IncidentReportPayload = z
  .object({
    category: z.enum(INCIDENT_CATEGORIES),
    severity: z.enum(INCIDENT_SEVERITIES),
    description: LongText.min(1),
    /** The equipment item concerned (a reference document of kind equipment_item), if any. */
    equipmentItemId: Id.nullable(),
    /** Where it happened (defaults to the mission's venue, or the kiosk's). */
    venueId: Id.nullable(),
    /** A photo was taken on the device (uploaded apart, as a punch's photo). */
    hasPhoto: z.boolean(),
    /**
     * The SHA-256 (hex) of that photo's JPEG: the server accepts the upload (PUT /timeclock/punches/:id/photo, the
     * punch photo route and table, which take incident events too) only for these bytes.
     */
    photoHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  })
  .strict();
export type IncidentReportPayload = z.infer<typeof IncidentReportPayload>;

/** `payload` of the INCIDENT event that closes a report. */
export const IncidentClosePayload = z.object({ closes: Id, note: LongText.optional() }).strict();
export type IncidentClosePayload = z.infer<typeof IncidentClosePayload>;

export const IncidentPayload = z.union([IncidentReportPayload, IncidentClosePayload]);

interface IncidentEvent {
  id: string;
  kind: string;
  at: string;
  userId?: string | null;
  missionId?: string | null;
  deviceId?: string | null;
  authorAccountId?: string | null;
  payload: Record<string, unknown>;
}

export interface Incident extends IncidentReportPayload {
  id: string;
  at: string;
  userId: string | null;
  missionId: string | null;
  deviceId: string | null;
  status: 'OPEN' | 'CLOSED';
  closedAt: string | null;
  closedByAccountId: string | null;
  closeNote: string | null;
}

/**
 * The incidents of a list of field events (other kinds ignored): each report with its status; the first close
 * (by time) counts, a close naming an unknown report is ignored.
 */
export function incidentsOf(events: readonly IncidentEvent[]): Incident[] {
  const reports = new Map<string, Incident>();
  const closes: { at: string; by: string | null; payload: IncidentClosePayload }[] = [];
  for (const e of events) {
    if (e.kind !== 'INCIDENT') continue;
    const report = IncidentReportPayload.safeParse(e.payload);
    if (report.success) {
      reports.set(e.id, {
        ...report.data,
        id: e.id,
        at: e.at,
        userId: e.userId ?? null,
        missionId: e.missionId ?? null,
        deviceId: e.deviceId ?? null,
        status: 'OPEN',
        closedAt: null,
        closedByAccountId: null,
        closeNote: null,
      });
      continue;
    }
    const close = IncidentClosePayload.safeParse(e.payload);
    if (close.success) closes.push({ at: e.at, by: e.authorAccountId ?? null, payload: close.data });
  }
  closes.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const c of closes) {
    const r = reports.get(c.payload.closes);
    if (!r || r.status === 'CLOSED') continue;
    r.status = 'CLOSED';
    r.closedAt = c.at;
    r.closedByAccountId = c.by;
    r.closeNote = c.payload.note ?? null;
  }
  return [...reports.values()].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
