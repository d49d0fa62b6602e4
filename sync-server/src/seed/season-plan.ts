import { DEFAULT_ORG_SETTINGS, addDays, detectConflicts, localDate, localInstant, mondayOf, profileForSettings, type Shift, type SyncDoc, type Unavailability } from '@coulisses/shared';
import { nextLink, type ChainHead } from '@coulisses/shared/timeclock/chain';
import { SeededRandom } from './rng';
import type { OrgSeason, SeasonDay, SeasonMission } from './season-content';

/**
 * The demo season as documents, around the day it is created (pure: the same season, organisation and day give
 * the same documents). Every instant is a local wall-clock time of the organisation's zone turned into UTC with
 * the shared zone rules, so a week across a DST change keeps its 9 h montage at 9 h. The writer (season-write.ts)
 * stores them through the sync core with the actor each change would have in real life.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;

export type AssignmentStatus = 'INVITED' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED';

/** An assignment: created INVITED by the planner, then answered (crew or planner) or cancelled. */
export interface PlannedAssignment {
  doc: SyncDoc;
  personKey: string;
  final: { status: AssignmentStatus; at: string; by: 'CREW' | 'MANAGER'; reason?: string } | null;
}

export interface PlannedAvailability {
  doc: SyncDoc;
  personKey: string;
}

/** Who pushes a device's punches: the kiosk, the person's own phone, or the planner's phone (source MANAGER). */
export type DeviceKind = 'kiosk' | 'phone' | 'manager';

export interface PlannedDevice {
  deviceId: string;
  kind: DeviceKind;
  /** The person whose account pushes (phone: the person; manager: the planner). */
  personKey: string | null;
  punches: SyncDoc[];
}

export interface PlannedTimesheetStatus {
  status: 'DRAFT' | 'CONFIRMED' | 'DISPUTED' | 'VALIDATED';
  crewComment?: string;
}

export interface SeasonPlan {
  today: string;
  monday: string;
  personIds: Map<string, string>;
  missionIds: Map<string, string>;
  venueIds: Map<string, string>;
  projectIds: Map<string, string>;
  teamIds: Map<string, string>;
  kioskId: string;
  reference: SyncDoc[];
  users: SyncDoc[];
  projects: SyncDoc[];
  missions: SyncDoc[];
  assignments: PlannedAssignment[];
  availabilities: PlannedAvailability[];
  devices: PlannedDevice[];
  /** The status each person's timesheet of a mission ends in, by "<userId>|<missionId>". */
  timesheetStatus: Map<string, PlannedTimesheetStatus>;
}

export interface PlanInput {
  season: OrgSeason;
  orgId: string;
  zone: string;
  now: number;
  /** Account ids of the demo accounts, by e-mail. */
  accounts: ReadonlyMap<string, string>;
  /** The person whose account is the organisation's planner (manager@, regie@): enters punches for crew away from the kiosk. */
  plannerKey: string;
  /** Demo accounts that are crew (TECH) in this organisation: their persons answer their invitations themselves. */
  crewAccounts: ReadonlySet<string>;
  /** People left out of the generated staffing (tech@'s person: the README names their days). */
  fixedKeys: readonly string[];
}

const ACTIVE = new Set(['INVITED', 'ACCEPTED']);
const PROFILE = profileForSettings(DEFAULT_ORG_SETTINGS);

export function planSeason(input: PlanInput): SeasonPlan {
  const { season, zone, now } = input;
  const rnd = new SeededRandom(`coulisses-demo|${season.slug}|${localDate(now, zone)}`);
  let clock = now - 10 * MIN;
  const newId = () => rnd.uuid((clock += 7));
  const iso = (ms: number) => new Date(ms).toISOString();
  const stamp = iso(now - 5 * MIN);

  const today = localDate(now, zone);
  const monday = mondayOf(today);
  const dateOf = (day: SeasonDay) => (day === 'today' ? today : day === 'tomorrow' ? addDays(today, 1) : addDays(monday, day));
  const startOfToday = localInstant(today, '00:00', zone);

  // Reference data.
  const ids = (list: { key: string }[]) => new Map(list.map((x) => [x.key, newId()]));
  const venueIds = ids(season.venues);
  const teamIds = ids(season.teams);
  const skillIds = ids(season.skills);
  const reference: SyncDoc[] = [
    ...season.venues.map((v) => ({
      id: venueIds.get(v.key)!, updatedAt: stamp, kind: 'venue', name: v.name, archived: false,
      data: { address: v.address, geofence: { lat: v.lat, lng: v.lng, radiusM: v.radiusM } }, _deleted: false,
    })),
    ...season.teams.map((t) => ({ id: teamIds.get(t.key)!, updatedAt: stamp, kind: 'team', name: t.name, archived: false, data: {}, _deleted: false })),
    ...season.skills.map((s) => ({ id: skillIds.get(s.key)!, updatedAt: stamp, kind: 'skill', name: s.name, code: s.code, archived: false, data: {}, _deleted: false })),
    ...season.rates.map((r) => ({ id: newId(), updatedAt: stamp, kind: 'rate_profile', name: r.name, archived: false, data: { ...r.data }, _deleted: false })),
  ];

  // People.
  const personIds = ids(season.people);
  const people = new Map(season.people.map((p) => [p.key, p]));
  const users: SyncDoc[] = season.people.map((p, i) => {
    const accountId = p.account ? (input.accounts.get(p.account) ?? null) : null;
    return {
      id: personIds.get(p.key)!, updatedAt: stamp, accountId, firstName: p.first, lastName: p.last,
      email: p.account ?? `${p.first}.${p.last}@${season.slug}.demo`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
      phone: `06 39 98 ${String(10 + i).padStart(2, '0')} ${String(20 + ((i * 7) % 80)).padStart(2, '0')}`,
      employmentType: p.type, skills: p.skills.map((s) => skillIds.get(s)!), tags: p.tags ?? [], teamIds: p.teams.map((t) => teamIds.get(t)!),
      active: true, ...(p.notes ? { notes: p.notes } : {}), _deleted: false,
    } as SyncDoc;
  });

  // Projects and missions.
  const projectIds = ids(season.projects);
  const projects: SyncDoc[] = season.projects.map((p) => ({
    id: projectIds.get(p.key)!, updatedAt: stamp, name: p.name, code: p.code, status: p.status, venueIds: p.venues.map((v) => venueIds.get(v)!),
    startDate: addDays(monday, p.from), endDate: addDays(monday, p.to), managerUserIds: p.managers.map((m) => personIds.get(m)!),
    description: p.description, color: p.color, _deleted: false,
  }));
  const missionIds = ids(season.missions);
  const times = new Map<string, { start: number; end: number }>();
  const missions: SyncDoc[] = season.missions.map((m) => {
    const date = dateOf(m.day);
    const start = localInstant(date, m.start, zone);
    const end = localInstant(m.end > m.start ? date : addDays(date, 1), m.end, zone);
    times.set(m.key, { start, end });
    return {
      id: missionIds.get(m.key)!, updatedAt: stamp, projectId: m.project ? projectIds.get(m.project)! : null, title: m.title, venueId: venueIds.get(m.venue)!,
      startAt: iso(start), endAt: iso(end), type: m.type, status: m.status,
      needs: m.needs.map(([role, count]) => ({ role, count, skills: season.roles[role] ? [skillIds.get(season.roles[role])!] : [] })),
      teamId: m.team ? teamIds.get(m.team)! : null, ...(m.notes ? { notes: m.notes } : {}), ...(m.contacts ? { contacts: m.contacts } : {}), _deleted: false,
    } as SyncDoc;
  });

  // Availabilities (the generated staffing respects them, as a planner would).
  const availabilities: PlannedAvailability[] = season.availabilities.map((a) => {
    const date = addDays(monday, a.day);
    return {
      personKey: a.person,
      doc: {
        id: newId(), updatedAt: stamp, userId: personIds.get(a.person)!, kind: a.kind, startAt: iso(localInstant(date, a.start, zone)),
        endAt: iso(localInstant(addDays(date, a.days), a.end, zone)), weeklyUntil: null, status: a.status, note: a.note, _deleted: false,
      },
    };
  });
  const unavailabilities: Unavailability[] = availabilities
    .filter((a) => a.doc.kind === 'UNAVAILABLE')
    .map((a) => ({ id: a.doc.id, userId: String(a.doc.userId), start: Date.parse(String(a.doc.startAt)), end: Date.parse(String(a.doc.endAt)), weeklyUntil: null, status: a.doc.status as 'PENDING' | 'APPROVED' }));

  // Assignments: the season's own first, then the needs staffed with people who have the skill and no conflict.
  const assignments: PlannedAssignment[] = [];
  const shifts = new Map<string, Shift[]>();
  const onMission = new Map<string, Set<string>>();
  const missionByKey = new Map(season.missions.map((m) => [m.key, m]));
  const isPast = (m: SeasonMission) => times.get(m.key)!.end <= startOfToday;

  const answerTime = (m: SeasonMission, invitedAt: number) => Math.max(invitedAt + MIN, Math.min(invitedAt + rnd.int(2, 40) * HOUR, times.get(m.key)!.start - 2 * HOUR, now - 30 * MIN));
  const add = (m: SeasonMission, personKey: string, role: string, status: AssignmentStatus, reason?: string) => {
    const start = times.get(m.key)!.start;
    const invitedAt = Math.min(now - 3 * HOUR, start - rnd.int(6, 12) * 24 * HOUR);
    const userId = personIds.get(personKey)!;
    const id = newId();
    const doc: SyncDoc = {
      id, updatedAt: iso(invitedAt), missionId: missionIds.get(m.key)!, userId, role, status: 'INVITED', statusChangedAt: iso(invitedAt), statusChangedBy: 'MANAGER', _deleted: false,
    };
    const account = people.get(personKey)?.account;
    const crew = !!account && input.crewAccounts.has(account);
    const final =
      status === 'INVITED'
        ? null
        : { status, at: iso(answerTime(m, invitedAt)), by: (status === 'CANCELLED' || !crew ? 'MANAGER' : 'CREW') as 'CREW' | 'MANAGER', ...(reason ? { reason } : {}) };
    assignments.push({ doc, personKey, final });
    (onMission.get(m.key) ?? onMission.set(m.key, new Set()).get(m.key)!).add(personKey);
    if (ACTIVE.has(status) && m.status !== 'CANCELLED') {
      const t = times.get(m.key)!;
      (shifts.get(userId) ?? shifts.set(userId, []).get(userId)!).push({ assignmentId: id, missionId: doc.missionId as string, userId, start: t.start, end: t.end });
    }
  };
  for (const a of season.assignments) add(missionByKey.get(a.mission)!, a.person, a.role, a.status, a.reason);

  const fits = (personKey: string, m: SeasonMission): boolean => {
    const userId = personIds.get(personKey)!;
    const t = times.get(m.key)!;
    const theirs = shifts.get(userId) ?? [];
    const unav = unavailabilities.filter((u) => u.userId === userId);
    const count = (list: Shift[]) => detectConflicts({ shifts: list, unavailabilities: unav, profile: PROFILE, tz: zone }).length;
    // No new conflict: a person already in a deliberate one may still work other days.
    return count([...theirs, { assignmentId: 'candidate', missionId: 'candidate', userId, start: t.start, end: t.end }]) === count(theirs);
  };
  const ordered = [...season.missions].filter((m) => m.status !== 'CANCELLED').sort((a, b) => times.get(a.key)!.start - times.get(b.key)!.start);
  for (const m of ordered) {
    const past = isPast(m);
    const nextWeek = dateOf(m.day) >= addDays(monday, 7);
    for (const [role, count] of m.needs) {
      const skill = season.roles[role];
      const staffed = assignments.filter((a) => a.doc.missionId === missionIds.get(m.key) && a.doc.role === role && ACTIVE.has(a.final?.status ?? 'INVITED')).length;
      const gap = past || m.full ? 0 : m.status === 'DRAFT' ? Math.ceil(count / 2) : rnd.chance(0.45) ? 1 : 0;
      let wanted = Math.max(0, count - gap - staffed);
      for (const p of rnd.shuffle(season.people)) {
        if (wanted === 0) break;
        if (input.fixedKeys.includes(p.key) || !skill || !p.skills.includes(skill) || onMission.get(m.key)?.has(p.key) || !fits(p.key, m)) continue;
        const status: AssignmentStatus = past ? 'ACCEPTED' : m.status === 'DRAFT' ? 'INVITED' : rnd.chance(nextWeek ? 0.45 : 0.8) ? 'ACCEPTED' : 'INVITED';
        add(m, p.key, role, status);
        wanted -= 1;
      }
    }
  }

  // Punches of every accepted assignment on a mission before today, on the device the person would use.
  const kioskId = newId();
  const kioskVenue = venueIds.get(season.kiosk.venue)!;
  const devices = new Map<string, PlannedDevice>();
  const deviceFor = (kind: DeviceKind, personKey: string | null): PlannedDevice => {
    const key = kind === 'kiosk' ? 'kiosk' : `${kind}|${personKey}`;
    let d = devices.get(key);
    if (!d) {
      d = { deviceId: kind === 'kiosk' ? `kiosk-${kioskId}` : `phone-${newId()}`, kind, personKey, punches: [] };
      devices.set(key, d);
    }
    return d;
  };
  const worked = assignments
    .filter((a) => a.final?.status === 'ACCEPTED')
    .map((a) => ({ a, m: season.missions.find((m) => missionIds.get(m.key) === a.doc.missionId)! }))
    .filter(({ m }) => isPast(m) && m.status === 'PUBLISHED')
    .sort((x, y) => times.get(x.m.key)!.start - times.get(y.m.key)!.start || String(x.a.doc.id).localeCompare(String(y.a.doc.id)));
  const forgetter = worked.filter(({ a }) => a.personKey === season.forgetsOut).at(-1) ?? worked.filter(({ a }) => !people.get(a.personKey)?.account).at(-1);
  const drafts: { device: PlannedDevice; userId: string; missionId: string; at: number; type: 'IN' | 'OUT' | 'BREAK_START' | 'BREAK_END'; venueId: string; position?: { lat: number; lng: number; accuracyM: number } }[] = [];
  for (const w of worked) {
    const t = times.get(w.m.key)!;
    const venue = season.venues.find((v) => v.key === w.m.venue)!;
    const own = !!people.get(w.a.personKey)?.account;
    const device = own ? deviceFor('phone', w.a.personKey) : w.m.venue === season.kiosk.venue ? deviceFor('kiosk', null) : deviceFor('manager', input.plannerKey);
    const position = device.kind === 'phone' ? { lat: round6(venue.lat + rnd.int(-40, 40) / 100_000), lng: round6(venue.lng + rnd.int(-40, 40) / 100_000), accuracyM: rnd.int(8, 25) } : undefined;
    const base = { device, userId: String(w.a.doc.userId), missionId: String(w.a.doc.missionId), venueId: venueIds.get(venue.key)!, ...(position ? { position } : {}) };
    const inAt = t.start - rnd.int(3, 14) * MIN + rnd.int(0, 59) * 1000;
    drafts.push({ ...base, at: inAt, type: 'IN' });
    if (t.end - t.start >= 6 * HOUR) {
      const breakAt = t.start + Math.round((t.end - t.start) / 2) + rnd.int(-20, 20) * MIN;
      drafts.push({ ...base, at: breakAt, type: 'BREAK_START' }, { ...base, at: breakAt + rnd.int(25, 45) * MIN + rnd.int(0, 59) * 1000, type: 'BREAK_END' });
    }
    if (w !== forgetter) drafts.push({ ...base, at: t.end + rnd.int(0, 18) * MIN + rnd.int(0, 59) * 1000, type: 'OUT' });
  }
  drafts.sort((a, b) => a.at - b.at);
  const heads = new Map<string, ChainHead | null>();
  for (const d of drafts) {
    const method = d.device.kind === 'kiosk' ? 'PIN' : 'SESSION';
    const source = d.device.kind === 'kiosk' ? 'KIOSK' : d.device.kind === 'phone' ? 'PHONE' : 'MANAGER';
    const venueId = d.device.kind === 'kiosk' ? kioskVenue : d.venueId;
    const event = {
      id: rnd.uuid(d.at), updatedAt: iso(d.at), kind: 'PUNCH', userId: d.userId, missionId: d.missionId, subjectId: null, at: iso(d.at), deviceId: d.device.deviceId,
      receivedAt: null, authorAccountId: null, flags: [], clockSkewMs: null,
    };
    const payload = { punchType: d.type, source, method, venueId, ...(d.position ? { position: d.position, geofence: 'INSIDE' } : {}) };
    const link = nextLink(heads.get(d.device.deviceId) ?? null, { ...event, payload });
    heads.set(d.device.deviceId, { seq: link.seq, hash: link.hash });
    d.device.punches.push({ ...event, payload: { ...payload, ...link }, _deleted: false });
  }

  // What becomes of each timesheet: early last week validated; later ones confirmed by crew with an account (one
  // disputed, the last one still to confirm), the others waiting for the planner; the forgotten clock out stays.
  const timesheetStatus = new Map<string, PlannedTimesheetStatus>();
  const validatedBefore = addDays(monday, -4);
  const byPerson = new Map<string, typeof worked>();
  for (const w of worked) (byPerson.get(w.a.personKey) ?? byPerson.set(w.a.personKey, []).get(w.a.personKey)!).push(w);
  for (const [personKey, list] of byPerson) {
    const own = !!people.get(personKey)?.account;
    list.forEach((w, i) => {
      const key = `${w.a.doc.userId}|${w.a.doc.missionId}`;
      const date = localDate(times.get(w.m.key)!.start, zone);
      if (w === forgetter) return timesheetStatus.set(key, { status: 'DRAFT' });
      if (date < validatedBefore) return timesheetStatus.set(key, { status: 'VALIDATED' });
      if (!own) return timesheetStatus.set(key, { status: 'DRAFT' });
      if (i === list.length - 1) return timesheetStatus.set(key, { status: 'DRAFT' });
      if (personKey === season.dispute.person && i === list.length - 2) return timesheetStatus.set(key, { status: 'DISPUTED', crewComment: season.dispute.comment });
      return timesheetStatus.set(key, { status: 'CONFIRMED' });
    });
  }

  return {
    today, monday, personIds, missionIds, venueIds, projectIds, teamIds, kioskId, reference, users, projects, missions, assignments, availabilities,
    devices: [...devices.values()], timesheetStatus,
  };
}

function round6(n: number): number {
  return Math.round(n * 1_000_000) / 1_000_000;
}
