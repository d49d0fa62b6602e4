import { HOUR, addDays, localDate, mondayOf, startOfLocalDay } from '../time/zone';
import { detectConflicts, occurrences, type ConflictKind, type Shift, type Unavailability } from './conflicts';
import { mondayOfDate, splitByLocalDayMemo } from './date-memo';
import type { ConventionProfile } from './profiles';

/** A person who could take the shift. */
export interface ReplacementCandidate {
  id: string;
  skills: readonly string[];
  active: boolean;
  /** Display name, for a stable order between people with the same hours. */
  label?: string;
}

export interface ReplacementMission {
  id: string;
  start: number;
  end: number;
  needs: readonly { role: string; skills: readonly string[] }[];
}

export interface ReplacementInput {
  mission: ReplacementMission;
  /** Role of the assignment being replaced (picks the need whose skills count). */
  role?: string;
  /** The assignment to cancel: its person is not a candidate and its shift no longer counts. */
  replacedAssignmentId?: string;
  people: readonly ReplacementCandidate[];
  /** Active shifts of everyone: the weeks the mission touches, two days either side (daily and weekly rest),
   * and the profile's averageWeeks - 1 weeks before and after for the rolling weekly averages. */
  shifts: readonly Shift[];
  unavailabilities: readonly Unavailability[];
  profile: ConventionProfile;
  tz: string;
}

export interface Replacement {
  userId: string;
  /** Hours already planned in the mission's local calendar week (Monday to Sunday). */
  weekHours: number;
  /** Warnings (not errors) the assignment would bring, for instance a reduced rest. */
  warnings: ConflictKind[];
}

/**
 * The skill sets that qualify for the mission: the need of the replaced role when there is one, otherwise any
 * need's skills. An empty list means anyone qualifies (no need, or a need without skills).
 */
export function requiredSkillSets(mission: Pick<ReplacementMission, 'needs'>, role?: string): (readonly string[])[] {
  const matching = role ? mission.needs.filter((n) => n.role === role) : [];
  const needs = matching.length > 0 ? matching : mission.needs;
  if (needs.length === 0 || needs.some((n) => n.skills.length === 0)) return [];
  return needs.map((n) => n.skills);
}

/** True when the person has every skill of at least one qualifying set. */
export function isQualified(person: Pick<ReplacementCandidate, 'skills'>, sets: readonly (readonly string[])[]): boolean {
  return sets.length === 0 || sets.some((set) => set.every((skill) => person.skills.includes(skill)));
}

/** True when an approved or pending unavailability of the person meets [start, end). */
export function isUnavailable(userId: string, start: number, end: number, unavailabilities: readonly Unavailability[], tz: string): boolean {
  return unavailabilities.some((u) => u.userId === userId && u.status !== 'REJECTED' && occurrences(u, start, end, tz).length > 0);
}

/** Hours of shifts in the local calendar week starting `monday`. */
export function hoursInWeek(shifts: readonly Shift[], monday: string, tz: string): number {
  let ms = 0;
  for (const s of shifts) for (const part of splitByLocalDayMemo(s.start, s.end, tz)) if (mondayOfDate(part.date) === monday) ms += part.ms;
  return Math.round((ms / HOUR) * 100) / 100;
}

/**
 * Available, qualified replacements for a mission, best first: active people with the needed skills, not
 * already on the mission, not declared unavailable then (approved or pending), and whom the assignment would
 * not put in an error conflict (overlap, daily or weekly maximum, daily rest or amplitude, weekly rest, working
 * days, night worker limits) by the organisation's rules (detectConflicts with its profile and switches);
 * warnings (reduced rest, the rolling weekly averages over the limit) are reported with the person; ranked by the fewest hours already planned that week, then by name.
 */
export function suggestReplacements(input: ReplacementInput): Replacement[] {
  const { mission, tz } = input;
  const sets = requiredSkillSets(mission, input.role);
  // The rules look at the mission's weeks, two days either side (daily rest, and a weekly rest running over
  // the week's ends), and the weeks of every rolling average window that contains them (the averageWeeks - 1
  // weeks before and after, the night worker's average included).
  const span = 7 * (Math.max(input.profile.averageWeeks, input.profile.nightWorker?.averageWeeks ?? 0) - 1);
  const from = startOfLocalDay(addDays(mondayOf(localDate(mission.start, tz)), -2 - span), tz);
  const to = startOfLocalDay(addDays(mondayOf(localDate(mission.end - 1, tz)), 9 + span), tz);
  const monday = mondayOf(localDate(mission.start, tz));
  const replaced = input.shifts.find((s) => s.assignmentId === input.replacedAssignmentId);
  const byUser = new Map<string, Shift[]>();
  const onMission = new Set<string>(replaced ? [replaced.userId] : []);
  for (const s of input.shifts) {
    if (s.assignmentId === input.replacedAssignmentId) continue;
    if (s.missionId === mission.id) onMission.add(s.userId);
    if (s.end <= from || s.start >= to) continue;
    const list = byUser.get(s.userId);
    if (list) list.push(s);
    else byUser.set(s.userId, [s]);
  }
  const out: (Replacement & { label: string })[] = [];
  for (const person of input.people) {
    if (!person.active || onMission.has(person.id) || !isQualified(person, sets)) continue;
    if (isUnavailable(person.id, mission.start, mission.end, input.unavailabilities, tz)) continue;
    const mine = byUser.get(person.id) ?? [];
    const candidate: Shift = { assignmentId: `replacement:${person.id}`, missionId: mission.id, userId: person.id, start: mission.start, end: mission.end };
    const found = detectConflicts({ shifts: [...mine, candidate], profile: input.profile, tz }).filter((c) => c.assignmentIds.includes(candidate.assignmentId));
    if (found.some((c) => c.severity === 'error')) continue;
    out.push({ userId: person.id, weekHours: hoursInWeek(mine, monday, tz), warnings: [...new Set(found.map((c) => c.kind))], label: person.label ?? '' });
  }
  out.sort((a, b) => a.weekHours - b.weekHours || a.label.localeCompare(b.label) || a.userId.localeCompare(b.userId));
  return out.map(({ userId, weekHours, warnings }) => ({ userId, weekHours, warnings }));
}
