import { detectConflicts, type PlanningConflict, type Shift, type Unavailability } from '@coulisses/shared/planning/conflicts';
import type { ElsewhereHours } from '@coulisses/shared/planning/elsewhere';
import { suggestReplacements, type Replacement } from '@coulisses/shared/planning/replacements';
import { toShifts, toUnavailabilities } from '@coulisses/shared/planning/shift-input';
import type { DetectRequest, DetectResult, SuggestRequest } from './planning-api';

function group<T extends { userId: string }>(items: readonly T[], into: Map<string, T[]>): void {
  for (const it of items) {
    const list = into.get(it.userId);
    if (list) list.push(it);
    else into.set(it.userId, [it]);
  }
}

/** A person's input to the rules as one string: same string, same conflicts. */
function signature(shifts: readonly Shift[], unav: readonly Unavailability[], away: readonly ElsewhereHours[] = []): string {
  const s = shifts.map((x) => `${x.assignmentId}:${x.missionId}:${x.start}:${x.end}`).sort().join('|');
  const u = unav.map((x) => `${x.id}:${x.start}:${x.end}:${x.weeklyUntil ?? ''}:${x.status}`).sort().join('|');
  const e = away.map((x) => `${x.monday}:${x.hours}`).sort().join('|');
  return `${s}#${u}#${e}`;
}

/** The baseline of the benchmark: a plain loop over the same shifts (hours per person). */
function plainLoop(shifts: readonly Shift[]): number {
  const started = performance.now();
  const hours = new Map<string, number>();
  for (const s of shifts) hours.set(s.userId, (hours.get(s.userId) ?? 0) + (s.end - s.start) / 3_600_000);
  return performance.now() - started;
}

/**
 * What the planning worker runs: detectConflicts from shared, person by person (the rules never mix two
 * people), keeping each person's answer while their shifts, unavailabilities, profile and zone stay the same,
 * so a move re-computes only the people it touches. Also the replacement suggestions.
 */
export class PlanningEngine {
  private cache = new Map<string, { sig: string; conflicts: PlanningConflict[] }>();
  private context = '';

  detect(request: DetectRequest): DetectResult {
    const started = performance.now();
    const shifts = toShifts(request.missions, request.assignments);
    const unav = toUnavailabilities(request.availabilities);
    const context = `${request.tz}#${JSON.stringify(request.profile)}`;
    if (context !== this.context) {
      this.cache.clear();
      this.context = context;
    }
    const shiftsByUser = new Map<string, Shift[]>();
    const unavByUser = new Map<string, Unavailability[]>();
    const awayByUser = new Map<string, ElsewhereHours[]>();
    group(shifts, shiftsByUser);
    group(unav, unavByUser);
    group(request.elsewhere ?? [], awayByUser);
    const next = new Map<string, { sig: string; conflicts: PlanningConflict[] }>();
    let recomputed = 0;
    const all: PlanningConflict[] = [];
    for (const [userId, mine] of shiftsByUser) {
      const theirUnav = unavByUser.get(userId) ?? [];
      const away = awayByUser.get(userId) ?? [];
      const sig = signature(mine, theirUnav, away);
      let entry = this.cache.get(userId);
      if (!entry || entry.sig !== sig) {
        entry = { sig, conflicts: detectConflicts({ shifts: mine, unavailabilities: theirUnav, elsewhere: away, profile: request.profile, tz: request.tz }) };
        recomputed += 1;
      }
      next.set(userId, entry);
      all.push(...entry.conflicts);
    }
    this.cache = next;
    const window = request.window;
    const inWindow = window ? new Set(shifts.filter((s) => s.end > window.from && s.start < window.to).map((s) => s.assignmentId)) : null;
    const conflicts = inWindow ? all.filter((c) => c.assignmentIds.some((id) => inWindow.has(id))) : all;
    const detectMs = performance.now() - started;
    return { conflicts, stats: { shifts: shifts.length, users: shiftsByUser.size, recomputedUsers: recomputed, detectMs, baselineMs: plainLoop(shifts) } };
  }

  suggest(request: SuggestRequest): Replacement[] {
    return suggestReplacements({
      mission: request.mission,
      role: request.role,
      replacedAssignmentId: request.replacedAssignmentId,
      people: request.people,
      shifts: toShifts(request.missions, request.assignments),
      unavailabilities: toUnavailabilities(request.availabilities),
      profile: request.profile,
      tz: request.tz,
    });
  }
}
