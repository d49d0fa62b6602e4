import type { PayrollTimesheet } from './monthly';

/** The fields of stored timesheets, missions and assignments the payroll reads (client store or server rows). */
export interface TimesheetLike {
  id: string;
  userId: string;
  missionId: string | null;
  date: string;
  type: string;
  status: string;
  roundedMinutes?: number | null;
  nightMinutes?: number | null;
  paidMinutes?: number | null;
  startAt?: string | null;
  endAt?: string | null;
}
export interface MissionLike {
  id: string;
  projectId?: string | null;
}
export interface AssignmentLike {
  missionId: string;
  userId: string;
  status: string;
  role?: string | null;
}

/**
 * Timesheets as the monthly payroll reads them: their minutes, the person's role on the mission (from a live
 * assignment; the rate profiles of a role apply) and the mission's project (totals per project). The app offline
 * and the server's payroll route call this same function.
 */
export function payrollTimesheetsOf(timesheets: readonly TimesheetLike[], missions: readonly MissionLike[], assignments: readonly AssignmentLike[]): PayrollTimesheet[] {
  const projectOf = new Map(missions.map((m) => [m.id, m.projectId ?? null]));
  const roleOf = new Map<string, string>();
  for (const a of assignments) if (a.role && a.status !== 'CANCELLED') roleOf.set(`${a.missionId}|${a.userId}`, a.role);
  return timesheets.map((d) => ({
    id: d.id, userId: d.userId, missionId: d.missionId, date: d.date, type: d.type, status: d.status,
    roundedMinutes: d.roundedMinutes ?? 0, nightMinutes: d.nightMinutes ?? 0, paidMinutes: d.paidMinutes ?? 0,
    ...(d.startAt !== undefined ? { startAt: d.startAt } : {}),
    ...(d.endAt !== undefined ? { endAt: d.endAt } : {}),
    role: d.missionId ? (roleOf.get(`${d.missionId}|${d.userId}`) ?? null) : null,
    projectId: d.missionId ? (projectOf.get(d.missionId) ?? null) : null,
  }));
}
