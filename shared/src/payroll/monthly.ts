import { carryRound, type RoundingScopeRule } from '../timeclock/rounding';
import type { TimeRules } from '../timeclock/types';
import { countOverlapOnce, timesheetOverlaps, type TimesheetOverlap } from './overlaps';
import { resolveRate, type RateProfile } from './rates';

/** A timesheet as the monthly payroll reads it. */
export interface PayrollTimesheet {
  id: string;
  userId: string;
  missionId: string | null;
  /** Local date YYYY-MM-DD: the timesheet belongs to the month of this date. */
  date: string;
  type: string;
  status: string;
  roundedMinutes: number;
  nightMinutes: number;
  paidMinutes: number;
  role?: string | null;
  projectId?: string | null;
  /** The worked range (UTC ISO): overlapping time of one person is paid once (overlaps.ts). */
  startAt?: string | null;
  endAt?: string | null;
}

export interface PayrollUser {
  id: string;
  firstName: string;
  lastName: string;
  employmentType: string;
}

export interface PayrollRow {
  userId: string;
  /** "Lastname Firstname" (the user id when the person is unknown). */
  name: string;
  contractType: string | null;
  month: string;
  /** Distinct dates of the person's timesheets. */
  daysWorked: number;
  /** Hours (2 decimals) of the timesheets paid by the hour or flat, and of those with no rate. */
  hours: number;
  /** One per timesheet paid by cachet. */
  cachets: number;
  /** cachets * 12 + hours: France Travail counts a cachet as 12 hours. */
  franceTravailHours: number;
  /** Night hours (2 decimals) of every counted timesheet. */
  nightHours: number;
  grossHourlyCents: number;
  grossCachetCents: number;
  grossFlatCents: number;
  /** Night minutes * hourly rate * premium %, HOURLY timesheets only. */
  nightPremiumCents: number;
  grossCents: number;
  /** Timesheets no rate profile applies to (their time counts, their amount is 0). */
  unrated: number;
  /** Paid minutes not counted because another timesheet of the person already pays that time (overlaps.ts). */
  overlapMinutes?: number;
}

export interface ProjectTotal {
  /** null: timesheets outside any project. */
  projectId: string | null;
  hours: number;
  cachets: number;
  grossCents: number;
}

export interface MonthlyInput {
  /** YYYY-MM */
  month: string;
  zone: string;
  /** Time rules (timeRulesOf): the rounding step and mode, the night premium, and roundingScope (default MONTH). */
  rules: TimeRules & RoundingScopeRule;
  timesheets: readonly PayrollTimesheet[];
  users: readonly PayrollUser[];
  profiles: readonly RateProfile[];
  /** Statuses that count (default: VALIDATED only). */
  statuses?: readonly string[];
}

export interface MonthlyPayroll {
  people: PayrollRow[];
  projects: ProjectTotal[];
  /** Timesheets of the month left out because of their status. */
  skipped: number;
  /**
   * Counted timesheets of one person that share time, at least one of them in the month: that time is paid
   * once (the later timesheet pays only what the earlier ones did not cover).
   */
  overlaps: TimesheetOverlap[];
}

/** France Travail counts one cachet as 12 hours. */
export const CACHET_HOURS = 12;

/** numerator / denominator rounded half up, for non-negative integers (exact below 2^53). */
export function divRoundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** Minutes as decimal hours with 2 decimals, half up. */
export function minutesToHours(minutes: number): number {
  return divRoundHalfUp(minutes * 100, 60) / 100;
}

interface Acc {
  row: PayrollRow;
  dates: Set<string>;
  minutes: number;
  nightMinutes: number;
}

interface ProjectAcc {
  projectId: string | null;
  minutes: number;
  cachets: number;
  grossCents: number;
}

/** One counted timesheet with its rate and the minutes the payroll pays for it. */
interface Line {
  t: PayrollTimesheet;
  rate: RateProfile | null;
  /** Paid minutes of the line after rounding (see payrollMinutes). */
  minutes: number;
}

const byDateThenId = (a: Line, b: Line): number => (a.t.date < b.t.date ? -1 : a.t.date > b.t.date ? 1 : a.t.id < b.t.id ? -1 : a.t.id > b.t.id ? 1 : 0);
const whole = (n: number): number => (Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0);

/**
 * The minutes paid for each line. TIMESHEET scope: the timesheet's roundedMinutes. MONTH scope (default): per
 * person, the lines whose time counts in hours (all but cachets), by date then id, share the rounding of their
 * paidMinutes' total (carryRound: the month is rounded once, the remainder carried from line to line); a cachet
 * line keeps its roundedMinutes (its time is not in hours).
 */
function payrollMinutes(lines: readonly Line[], rules: TimeRules & RoundingScopeRule): void {
  const monthly = (rules.roundingScope ?? 'MONTH') === 'MONTH';
  const hourLines = new Map<string, Line[]>();
  for (const line of lines) {
    line.minutes = whole(line.t.roundedMinutes);
    if (!monthly || line.rate?.data.mode === 'CACHET') continue;
    const list = hourLines.get(line.t.userId);
    if (list) list.push(line);
    else hourLines.set(line.t.userId, [line]);
  }
  for (const list of hourLines.values()) {
    list.sort(byDateThenId);
    const shares = carryRound(list.map((l) => whole(l.t.paidMinutes)), rules.roundingMinutes, rules.roundingMode);
    list.forEach((l, i) => (l.minutes = shares[i]!));
  }
}

/**
 * The monthly payroll summary, per person and per project. Only timesheets whose date is in the month; of
 * those, only the statuses asked for (the rest are counted in `skipped`). The rate of each timesheet is
 * resolveRate(person, mission, role, contract). Each line's minutes come from payrollMinutes (the month's
 * rounding, or each timesheet's), and its night minutes are at most those minutes (never a premium on time
 * that is not paid). HOURLY: minutes * rate / 60, plus the night premium
 * nightMinutes * rate * nightPremiumPct / 100 / 60 (rules.nightPremiumPct). CACHET: one cachet of the rate per
 * timesheet, its time not counted in hours (12 h each for France Travail). FLAT: the rate once per timesheet,
 * its time counted in hours. No rate: time counted in hours, no amount, `unrated` + 1. Every amount is in
 * integer cents, rounded half up once per timesheet line. No tax or social contribution is computed.
 * Overlapping time of one person is paid once (countOverlapOnce, over every counted timesheet given, those of the
 * days around the month included): a later timesheet pays only what the earlier ones did not cover, one entirely
 * covered pays nothing; the pairs are listed in `overlaps`, the minutes taken out in each row's overlapMinutes.
 * `zone` is kept for callers that build dates; the dates given are already local.
 */
export function monthlyPayroll(input: MonthlyInput): MonthlyPayroll {
  const statuses = new Set(input.statuses ?? ['VALIDATED']);
  const prefix = `${input.month}-`;
  const users = new Map(input.users.map((u) => [u.id, u]));
  const people = new Map<string, Acc>();
  const projects = new Map<string | null, ProjectAcc>();
  const premiumPct = Math.max(0, input.rules.nightPremiumPct);
  let skipped = 0;

  // Time paid once: every counted timesheet given (those of the days around the month too) covers the time of
  // the ones counted after it.
  const counted = input.timesheets.filter((t) => statuses.has(t.status));
  const once = countOverlapOnce(counted, input.rules);
  const overlaps = timesheetOverlaps(counted).filter((o) => o.dates.some((d) => d.startsWith(prefix)));
  const removed = new Map<string, number>();
  const lines: Line[] = [];
  for (const t0 of input.timesheets) {
    if (!t0.date.startsWith(prefix)) continue;
    if (!statuses.has(t0.status)) {
      skipped += 1;
      continue;
    }
    const adjusted = once.get(t0.id);
    if (adjusted) removed.set(t0.userId, (removed.get(t0.userId) ?? 0) + adjusted.removedMinutes);
    if (adjusted?.covered) continue;
    const t = adjusted ? { ...t0, paidMinutes: adjusted.paidMinutes, roundedMinutes: adjusted.roundedMinutes, nightMinutes: adjusted.nightMinutes } : t0;
    const user = users.get(t.userId);
    const rate = resolveRate({ userId: t.userId, missionId: t.missionId, role: t.role ?? null, contractType: user?.employmentType ?? null }, input.profiles);
    lines.push({ t, rate, minutes: 0 });
  }
  payrollMinutes(lines, input.rules);

  for (const { t, rate, minutes } of lines) {
    const user = users.get(t.userId);
    let acc = people.get(t.userId);
    if (!acc) {
      acc = {
        row: {
          userId: t.userId,
          name: user ? `${user.lastName} ${user.firstName}`.trim() : t.userId,
          contractType: user?.employmentType ?? null,
          month: input.month,
          daysWorked: 0,
          hours: 0,
          cachets: 0,
          franceTravailHours: 0,
          nightHours: 0,
          grossHourlyCents: 0,
          grossCachetCents: 0,
          grossFlatCents: 0,
          nightPremiumCents: 0,
          grossCents: 0,
          unrated: 0,
          overlapMinutes: 0,
        },
        dates: new Set(),
        minutes: 0,
        nightMinutes: 0,
      };
      people.set(t.userId, acc);
    }
    const projectId = t.projectId ?? null;
    let project = projects.get(projectId);
    if (!project) {
      project = { projectId, minutes: 0, cachets: 0, grossCents: 0 };
      projects.set(projectId, project);
    }

    const night = Math.min(minutes, whole(t.nightMinutes));
    const row = acc.row;
    acc.dates.add(t.date);
    acc.nightMinutes += night;
    let gross = 0;
    if (!rate) {
      row.unrated += 1;
      acc.minutes += minutes;
      project.minutes += minutes;
    } else if (rate.data.mode === 'CACHET') {
      row.cachets += 1;
      project.cachets += 1;
      row.grossCachetCents += rate.data.amountCents;
      gross = rate.data.amountCents;
    } else if (rate.data.mode === 'FLAT') {
      acc.minutes += minutes;
      project.minutes += minutes;
      row.grossFlatCents += rate.data.amountCents;
      gross = rate.data.amountCents;
    } else {
      acc.minutes += minutes;
      project.minutes += minutes;
      const base = divRoundHalfUp(minutes * rate.data.amountCents, 60);
      const premium = divRoundHalfUp(night * rate.data.amountCents * premiumPct, 6000);
      row.grossHourlyCents += base;
      row.nightPremiumCents += premium;
      gross = base + premium;
    }
    row.grossCents += gross;
    project.grossCents += gross;
  }

  const rows: PayrollRow[] = [];
  for (const acc of people.values()) {
    const row = acc.row;
    row.daysWorked = acc.dates.size;
    row.overlapMinutes = removed.get(row.userId) ?? 0;
    row.hours = minutesToHours(acc.minutes);
    row.nightHours = minutesToHours(acc.nightMinutes);
    row.franceTravailHours = divRoundHalfUp(row.cachets * CACHET_HOURS * 6000 + acc.minutes * 100, 60) / 100;
    rows.push(row);
  }
  rows.sort(byName);
  const totals = [...projects.values()]
    .map((p) => ({ projectId: p.projectId, hours: minutesToHours(p.minutes), cachets: p.cachets, grossCents: p.grossCents }))
    .sort((a, b) => (a.projectId === b.projectId ? 0 : a.projectId === null ? 1 : b.projectId === null ? -1 : a.projectId < b.projectId ? -1 : 1));
  return { people: rows, projects: totals, skipped, overlaps };
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/** Rows by name (French collation, accents and case second), then by user id. */
export function byName(a: Pick<PayrollRow, 'name' | 'userId'>, b: Pick<PayrollRow, 'name' | 'userId'>): number {
  return collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
}
