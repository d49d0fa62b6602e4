import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORG_SETTINGS, addDays, kpiDefinitionOf, localDate, periodStartOf, periodStatus, previousPeriod, timeRulesOf } from '@coulisses/shared';
import { verifyChain } from '@coulisses/shared/timeclock/chain';
import { buildTimesheets, timesheetIdFor } from '@coulisses/shared/timeclock/index';
import { punchOf, type PunchEvent } from '@coulisses/shared/timeclock/punch';
import { seedDemo } from '../../src/seed/demo';
import { GRAND_PLATEAU_KPIS, NUITS_BLANCHES_KPIS } from '../../src/seed/kpi-content';
import { planKpis } from '../../src/seed/kpi-plan';
import { GRAND_PLATEAU, NUITS_BLANCHES } from '../../src/seed/season-content';
import { EQUIPMENT_SEASONS } from '../../src/seed/equipment-content';
import { detectDoubleBookings } from '@coulisses/shared/equipment/bookings';
import { equipmentOf } from '@coulisses/shared/equipment/catalogue';
import { incidentsOf } from '@coulisses/shared/equipment/incidents';
import { availableBackends } from '../helpers/backends';
import { signedIn } from '../helpers/client';
import { startTestServer, type TestServer } from '../helpers/server';
import { serverDocs } from '../helpers/sync-assert';

const backends = await availableBackends();
const ZONE = 'Europe/Paris';
const TABLES = ['reference', 'users', 'projects', 'missions', 'assignments', 'availabilities', 'field_events', 'timesheets'] as const;

describe.each(backends)('the demo season on %s', (backend) => {
  let server: TestServer;
  let seedMs = 0;
  const orgIds = new Map<string, string>();

  const counts = async () => {
    const out: Record<string, Record<string, number>> = {};
    for (const [slug, orgId] of orgIds) {
      out[slug] = {};
      for (const table of TABLES) {
        const [row] = await server.deps.db.sql<{ n: number }[]>`select count(*)::int as n from ${server.deps.db.sql(table)} where org_id = ${orgId} and not deleted`;
        out[slug]![table] = row!.n;
      }
    }
    return out;
  };

  beforeAll(async () => {
    server = await startTestServer(backend, { seedDemo: 'never' });
    const started = Date.now();
    expect(await seedDemo(server.deps, { onlyIfEmpty: true })).toBe(true);
    seedMs = Date.now() - started;
    for (const row of await server.deps.db.sql<{ id: string; slug: string }[]>`select id, slug from auth_organization`) orgIds.set(row.slug, row.id);
  }, 120_000);
  afterAll(async () => server?.close());

  it('creates both organisations with a season of people, planning, punches and timesheets', async () => {
    // How long the seed takes is a figure for the benches, not a test (about 4 s on an idle 2-core machine).
    expect(seedMs).toBeGreaterThan(0);
    const c = await counts();
    expect(c['grand-plateau']!.users).toBe(GRAND_PLATEAU.people.length);
    expect(c['nuits-blanches']!.users).toBe(NUITS_BLANCHES.people.length);
    for (const [slug, season, kpis] of [['grand-plateau', GRAND_PLATEAU, GRAND_PLATEAU_KPIS], ['nuits-blanches', NUITS_BLANCHES, NUITS_BLANCHES_KPIS]] as const) {
      const n = c[slug]!;
      expect(n.users).toBeGreaterThanOrEqual(15);
      // Equipment (issue 13): the demo organisation's items and kits, and its three reservations.
      const eq = EQUIPMENT_SEASONS.find((e) => e.slug === slug);
      const equipment = eq ? eq.items.length + eq.kits.length + 3 : 0;
      expect(n.reference).toBe(season.venues.length + season.teams.length + season.skills.length + season.rates.length + kpis.kpis.length + kpis.dashboards.length + equipment);
      expect(n.missions).toBe(season.missions.length);
      expect(n.assignments).toBeGreaterThan(50);
      expect(n.availabilities).toBe(season.availabilities.length);
      expect(n.field_events).toBeGreaterThan(100);
      expect(n.timesheets).toBeGreaterThan(20);
    }
    const [gp] = await server.deps.db.sql<{ statuses: string[] }[]>`
      select array_agg(distinct doc->>'status' order by doc->>'status') as statuses from assignments where org_id = ${orgIds.get('grand-plateau')!}`;
    expect(gp!.statuses).toEqual(['ACCEPTED', 'CANCELLED', 'DECLINED', 'INVITED']);
    const missionStatuses = await server.deps.db.sql<{ s: string }[]>`select distinct doc->>'status' as s from missions where org_id = ${orgIds.get('grand-plateau')!}`;
    expect(missionStatuses.map((r) => r.s).sort()).toEqual(['CANCELLED', 'DRAFT', 'PUBLISHED']);
    const kiosks = await server.deps.db.sql`select 1 from kiosks where revoked_at is null`;
    expect(kiosks).toHaveLength(2);
    const invitations = await server.deps.db.sql`select 1 from auth_invitation where status = 'pending'`;
    expect(invitations).toHaveLength(1);
  });

  it("gives tech@ a person with today's accepted mission, tomorrow's invitation, other answers and last week's timesheets", async () => {
    const tech = await signedIn(server.url, 'tech@coulisses.demo');
    const me = (await (await tech.get('/api/v1/me')).json()) as { account: { id: string } };
    const people = [...(await serverDocs(tech, 'users')).values()];
    const mine = people.find((p) => p.accountId === me.account.id);
    expect(mine?.firstName).toBe('Theo');
    const missions = await serverDocs(tech, 'missions');
    const assignments = [...(await serverDocs(tech, 'assignments')).values()].filter((a) => a.userId === mine!.id);
    const on = (date: string) => assignments.filter((a) => localDate(Date.parse(String(missions.get(String(a.missionId))?.startAt)), ZONE) === date);
    const today = localDate(Date.now(), ZONE);
    expect(on(today).map((a) => a.status)).toEqual(['ACCEPTED']);
    // Tomorrow's invitation; on a Sunday (Paris) tomorrow is also next Monday, whose get-out Theo already declined.
    expect(on(addDays(today, 1)).map((a) => a.status).filter((s) => s !== 'DECLINED')).toEqual(['INVITED']);
    expect(assignments.filter((a) => a.status === 'INVITED').length).toBeGreaterThanOrEqual(2);
    expect(assignments.find((a) => a.status === 'DECLINED')?.declineReason).toBeTruthy();
    // Crew answer their own invitations: the season's answers carry CREW.
    expect(assignments.filter((a) => a.status === 'ACCEPTED').every((a) => a.statusChangedBy === 'CREW')).toBe(true);
    const sheets = [...(await serverDocs(tech, 'timesheets')).values()];
    expect(sheets.map((s) => s.status).sort()).toEqual(['CONFIRMED', 'DISPUTED', 'DRAFT', 'VALIDATED', 'VALIDATED']);
    expect(sheets.find((s) => s.status === 'DISPUTED')?.crewComment).toBeTruthy();
    const pins = await server.deps.db.sql`select 1 from user_pins where user_id = ${String(mine!.id)} and hash <> ''`;
    expect(pins).toHaveLength(1);
  });

  it('computes every timesheet from real punches on valid device chains', async () => {
    for (const [slug, orgId] of orgIds) {
      const manager = await signedIn(server.url, slug === 'grand-plateau' ? 'manager@coulisses.demo' : 'regie@nuits-blanches.demo');
      const events = [...(await serverDocs(manager, 'field_events')).values()].filter((e) => e.kind === 'PUNCH');
      const byDevice = new Map<string, PunchEvent[]>();
      for (const e of events) (byDevice.get(String(e.deviceId)) ?? byDevice.set(String(e.deviceId), []).get(String(e.deviceId))!).push(e as unknown as PunchEvent);
      for (const [deviceId, list] of byDevice) expect(verifyChain(deviceId, list).status, deviceId).toBe('OK');
      expect([...byDevice.keys()].some((d) => d.startsWith('kiosk-'))).toBe(true);
      expect(events.every((e) => Array.isArray(e.flags) && e.flags.length === 0 && e.receivedAt)).toBe(true);

      const sheets = [...(await serverDocs(manager, 'timesheets')).values()].filter((s) => !s._deleted);
      const rules = timeRulesOf(DEFAULT_ORG_SETTINGS, ZONE);
      const missions = await serverDocs(manager, 'missions');
      const punches = events.map((e) => punchOf(e as unknown as PunchEvent)!);
      for (const sheet of sheets) {
        const mission = missions.get(String(sheet.missionId))!;
        const own = punches.filter((p) => p.userId === sheet.userId && p.missionId === sheet.missionId);
        const [draft] = buildTimesheets({ punches: own, missions: [{ id: mission.id, startAt: String(mission.startAt), endAt: String(mission.endAt), projectId: null, type: String(mission.type) }], rules });
        expect(sheet.id).toBe(timesheetIdFor(orgId, String(sheet.userId), String(sheet.missionId)));
        expect([...(sheet.punchIds as string[])].sort()).toEqual(own.map((p) => p.id).sort());
        expect({ startAt: sheet.startAt, workedMinutes: sheet.workedMinutes, paidMinutes: sheet.paidMinutes, anomalies: sheet.anomalies }).toEqual({
          startAt: draft!.worked.startAt, workedMinutes: draft!.worked.workedMinutes, paidMinutes: draft!.worked.paidMinutes, anomalies: draft!.worked.anomalies,
        });
      }
      const statuses = new Set(sheets.map((s) => s.status));
      expect(statuses.has('VALIDATED') && statuses.has('DRAFT')).toBe(true);
      expect(sheets.filter((s) => (s.anomalies as string[]).includes('MISSING_OUT'))).toHaveLength(1);
      expect(sheets.filter((s) => s.status === 'VALIDATED').every((s) => s.validatedAt && s.validatedByAccountId)).toBe(true);
      if (slug === 'grand-plateau') expect(['CONFIRMED', 'DISPUTED'].every((s) => statuses.has(s))).toBe(true);
    }
  });

  it('has equipment: a catalogue, a kit, one item double booked on two overlapping missions, one open and one closed incident', async () => {
    const orgId = orgIds.get('grand-plateau')!;
    const docs = async (table: string) => (await server.deps.db.sql<{ doc: Record<string, unknown> }[]>`
      select doc from ${server.deps.db.sql(table)} where org_id = ${orgId} and not deleted`).map((r) => r.doc);
    const eq = equipmentOf((await docs('reference')) as never[]);
    expect(eq.items).toHaveLength(EQUIPMENT_SEASONS[0]!.items.length);
    expect(eq.kits).toHaveLength(1);
    const missions = (await docs('missions')) as never[];
    const conflicts = detectDoubleBookings({ ...eq.booking, missions });
    // The console (1 owned) reserved whole on two overlapping missions: 2 reserved for 1.
    expect(conflicts).toEqual([expect.objectContaining({ reserved: 2, available: 1 })]);
    expect(conflicts[0]!.missionIds).toHaveLength(2);
    const incidents = incidentsOf((await docs('field_events')) as never[]);
    expect(incidents.map((i) => i.status).sort()).toEqual(['CLOSED', 'OPEN']);
  });

  it('has KPI dashboards, a year of values (red, orange, one late), actions (one overdue), comments and automatic KPIs', async () => {
    const orgId = orgIds.get('grand-plateau')!;
    const rows = async (table: string) => (await server.deps.db.sql<{ id: string; doc: Record<string, unknown> }[]>`
      select id, doc from ${server.deps.db.sql(table)} where org_id = ${orgId} and not deleted`).map((r): Record<string, unknown> & { id: string } => ({ ...r.doc, id: r.id }));
    const reference = await rows('reference');
    const dashboards = reference.filter((d) => d.kind === 'dashboard');
    expect(dashboards.map((d) => d.name).sort()).toEqual(['Accueil', 'Logistique', 'Production']);
    const kpis = new Map(reference.filter((d) => d.kind === 'kpi').map((d) => [d.id, d]));
    expect(kpis.size).toBe(GRAND_PLATEAU_KPIS.kpis.length);
    // Shared with the organisation through Production and Accueil; Logistique's own KPIs through its teams.
    const byName = (name: string) => [...kpis.values()].find((k) => k.name === name)!;
    expect(byName('Taux de remplissage des salles').sharedWithAll).toBe(true);
    expect(byName('Incidents materiel').sharedWithAll).toBe(false);
    expect((byName('Incidents materiel').readerUserIds as string[]).length).toBeGreaterThan(3);

    const values = await rows('kpi_values');
    const today = localDate(Date.now(), ZONE);
    const statuses = new Set(values.map((v) => v.status));
    expect(statuses).toContain('RED');
    expect(statuses).toContain('ORANGE');
    expect(statuses).toContain('GREEN');
    const incidents = values.filter((v) => v.kpiId === byName('Incidents materiel').id);
    expect(incidents.length).toBe(52);
    const monthly = values.filter((v) => v.kpiId === byName('Consommation du budget de production').id);
    expect(monthly.length).toBe(12);
    // The safety checks of last week were never entered: LATE.
    const checks = kpiDefinitionOf(byName('Controles securite realises'))!;
    const lastWeek = previousPeriod(today, 'WEEKLY');
    const entered = values.find((v) => v.kpiId === byName('Controles securite realises').id && v.periodStart === lastWeek);
    expect(entered).toBeUndefined();
    expect(periodStatus({ definition: checks, period: lastWeek, value: null, today })).toBe('LATE');

    // Automatic KPIs on the Songe: computed by the server from the season (this week's coverage of its missions).
    const coverage = byName('Couverture des missions - Songe');
    const week = values.find((v) => v.kpiId === coverage.id && v.periodStart === periodStartOf(today, 'WEEKLY'));
    expect(week?.value).toBeGreaterThan(0);
    expect(week?.value).toBeLessThanOrEqual(100);
    expect(week?.enteredByAccountId).toBeNull();
    expect(values.some((v) => v.kpiId === byName('Masse salariale - Songe').id && (v.value as number) > 0)).toBe(true);

    const plans = await rows('action_plans');
    const actions = plans.filter((p) => p.kind === 'action');
    expect(actions.filter((a) => String(a.dueDate) < today && a.status !== 'DONE' && a.status !== 'CANCELLED')).toHaveLength(1);
    const comments = plans.filter((p) => p.kind === 'comment');
    expect(comments.length).toBe(GRAND_PLATEAU_KPIS.comments.length);
    expect(comments.every((c) => typeof c.authorAccountId === 'string' && typeof c.authorUserId === 'string')).toBe(true);
  });

  it('plans the same KPI documents for the same organisation and day (deterministic)', () => {
    const input = {
      season: GRAND_PLATEAU_KPIS, orgId: 'org', zone: ZONE, now: Date.parse('2026-12-05T10:00:00.000Z'),
      personIds: new Map(GRAND_PLATEAU.people.map((p) => [p.key, `person-${p.key}`])),
      projectIds: new Map(GRAND_PLATEAU.projects.map((p) => [p.key, `project-${p.key}`])),
      teamIds: new Map(GRAND_PLATEAU.teams.map((t) => [t.key, `team-${t.key}`])),
    };
    expect(planKpis(input)).toEqual(planKpis(input));
    expect(planKpis({ ...input, now: input.now + 86_400_000 }).values[0]!.id).not.toBe(planKpis(input).values[0]!.id);
  });

  it('adds nothing on a second seed', async () => {
    const before = await counts();
    expect(await seedDemo(server.deps, { onlyIfEmpty: false })).toBe(false);
    expect(await counts()).toEqual(before);
    const accounts = await server.deps.db.sql`select 1 from auth_user`;
    expect(accounts).toHaveLength(4);
  });
});

describe('the demo season around a change of time', () => {
  it('keeps local wall-clock times across the spring and autumn DST weeks', async () => {
    const { planSeason } = await import('../../src/seed/season-plan');
    for (const now of [Date.parse('2027-03-29T10:00:00Z'), Date.parse('2026-10-26T10:00:00Z')]) {
      const plan = planSeason({
        season: GRAND_PLATEAU, orgId: 'org', zone: ZONE, now, accounts: new Map([['tech@coulisses.demo', 'acc-tech'], ['manager@coulisses.demo', 'acc-m'], ['admin@coulisses.demo', 'acc-a']]),
        plannerKey: 'marc', crewAccounts: new Set(['tech@coulisses.demo']), fixedKeys: ['theo'],
      });
      const clock = (iso: unknown) => new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(new Date(String(iso)));
      for (const m of GRAND_PLATEAU.missions) {
        const doc = plan.missions.find((d) => d.id === plan.missionIds.get(m.key))!;
        expect([clock(doc.startAt), clock(doc.endAt)], m.key).toEqual([m.start, m.end]);
      }
      // The same day and season always give the same documents.
      const again = planSeason({
        season: GRAND_PLATEAU, orgId: 'org', zone: ZONE, now, accounts: new Map([['tech@coulisses.demo', 'acc-tech'], ['manager@coulisses.demo', 'acc-m'], ['admin@coulisses.demo', 'acc-a']]),
        plannerKey: 'marc', crewAccounts: new Set(['tech@coulisses.demo']), fixedKeys: ['theo'],
      });
      expect(again.assignments.map((a) => [a.doc.id, a.doc.userId, a.final?.status])).toEqual(plan.assignments.map((a) => [a.doc.id, a.doc.userId, a.final?.status]));
    }
  });
});
