import { buildTimesheets, type MissionRef, type TimesheetDraft } from '@coulisses/shared/timeclock/timesheet-build';
import type { Punch, TimeRules } from '@coulisses/shared/timeclock/types';
import type { TimeclockData, TimeclockResult } from './timeclock-api';

/** The baseline of the benchmark: a plain loop over the same punches (IN to OUT per person, no rules). */
function plainLoop(punches: readonly Punch[]): { ms: number; minutes: number } {
  const started = performance.now();
  const open = new Map<string, number>();
  let total = 0;
  for (const p of punches) {
    const at = Date.parse(p.at);
    if (p.punchType === 'IN') open.set(p.userId, at);
    else if (p.punchType === 'OUT') {
      const from = open.get(p.userId);
      if (from !== undefined) {
        total += at - from;
        open.delete(p.userId);
      }
    }
  }
  return { ms: performance.now() - started, minutes: Math.floor(total / 60_000) };
}

/**
 * What the time clock worker runs: holds the punches (by person) and the missions, and computes timesheet
 * drafts with buildTimesheets from shared. New punches only recompute the people they belong to (punches are
 * append-only: a person's timesheets change only when one of their punches arrives).
 */
export class TimeclockEngine {
  private byId = new Map<string, Punch>();
  private byUser = new Map<string, Punch[]>();
  private missions: MissionRef[] = [];
  /** Null until the first build: punches added before it are held, nothing is computed. */
  private rules: TimeRules | null = null;

  build(data: TimeclockData): TimeclockResult {
    const started = performance.now();
    this.byId = new Map();
    this.byUser = new Map();
    this.missions = data.missions;
    this.rules = data.rules;
    const fresh = this.hold(data.punches);
    const timesheets = buildTimesheets({ punches: fresh, missions: this.missions, rules: this.rules });
    return this.answer(timesheets, this.byUser.size, started, fresh);
  }

  addPunches(punches: readonly Punch[]): TimeclockResult {
    const started = performance.now();
    const fresh = this.hold(punches);
    if (!this.rules) return this.answer([], 0, started, []);
    const touched = new Set(fresh.map((p) => p.userId));
    const theirs: Punch[] = [];
    for (const userId of touched) theirs.push(...(this.byUser.get(userId) ?? []));
    const timesheets = buildTimesheets({ punches: theirs, missions: this.missions, rules: this.rules });
    return this.answer(timesheets, touched.size, started, theirs);
  }

  /** Keeps the punches not seen yet; answers them. */
  private hold(punches: readonly Punch[]): Punch[] {
    const fresh: Punch[] = [];
    for (const p of punches) {
      if (this.byId.has(p.id)) continue;
      this.byId.set(p.id, p);
      const list = this.byUser.get(p.userId);
      if (list) list.push(p);
      else this.byUser.set(p.userId, [p]);
      fresh.push(p);
    }
    return fresh;
  }

  private answer(timesheets: TimesheetDraft[], recomputedUsers: number, started: number, computed: readonly Punch[]): TimeclockResult {
    const buildMs = performance.now() - started;
    const baseline = plainLoop(computed);
    return {
      timesheets,
      stats: { punches: this.byId.size, users: this.byUser.size, timesheets: timesheets.length, recomputedUsers, buildMs, baselineMs: baseline.ms, baselineMinutes: baseline.minutes },
    };
  }
}
