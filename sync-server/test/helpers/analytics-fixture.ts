import { entityByName, uuidv7, type EntityDef, type SyncDoc } from '@coulisses/shared';
import { sliceId } from '@coulisses/shared/analytics/slices';
import { hoursSlice, incidentsSlice, minutesOf, missionsSlice, paySlice } from '../../../shared/test/support/analytics-slices';
import { now, person } from './docs';
import type { TestServer } from './server';

/* Europe/Paris in January 2031 and December 2030: UTC+1 all month. Monday 6 January 2031. */
export const JAN = [[minutesOf('2030-12-31T23:00:00Z'), 60]] as [number, number][];
export const DEC = [[minutesOf('2030-11-30T23:00:00Z'), 60]] as [number, number][];

/** An analytics_slices document of a slice, as the warehouse refresh writes it (pay slices sensitive). */
export const sliceDoc = (kind: 'an_hours' | 'an_pay' | 'an_missions' | 'an_incidents', data: { month: string; part: number }, extra: Partial<SyncDoc> = {}): SyncDoc =>
  ({
    id: sliceId(kind, data.month, data.part), updatedAt: now(), kind, periodStart: `${data.month}-01`, periodEnd: `${data.month}-28`, filters: {}, data,
    computedAt: now(), sensitive: kind === 'an_pay', ...(kind === 'an_pay' ? { readerAccountIds: [] } : {}), _deleted: false, ...extra,
  }) as SyncDoc;

/** Writes (or rewrites) documents as the server through the sync core, like the warehouse refresh. */
export async function putAsServer(server: TestServer, orgId: string, docs: SyncDoc[]): Promise<void> {
  const entity = entityByName('analytics_slices') as EntityDef;
  await server.deps.sync.transaction(orgId, async (tx) => {
    const stored = await tx.live(entity, docs.map((d) => d.id));
    for (const doc of docs) {
      const { _deleted, ...fields } = doc;
      entity.schema.parse(fields);
      await tx.write(entity, doc, { before: stored.get(doc.id), accountId: null, viewer: null });
    }
  });
}

/**
 * The hand-computed data set of the dashboard API and server-made export tests. January 2031: r1 pA m1 P1 V1 Son
 * Mon 6 09:00-17:00 local planned 480 actual 450 late, cost 9000; r2 pB m1 P1 V1 Lumiere same window planned 480
 * actual 510 overtime 30, cost 12000; r3 pC timesheet without mission on the 20th, actual 300, cost 4500. m1 (team
 * T): Son needed 2 accepted 1, Lumiere needed 1 accepted 1. i1: V1 SOUND open on the 6th. December 2030: r4 pA 15th
 * planned 600 actual 600, cost 10000.
 */
export function dashboardFixture() {
  const teamId = uuidv7();
  const pA = person({ firstName: 'Ana', teamIds: [teamId] });
  const pB = person({ firstName: 'Bao', teamIds: [teamId] });
  const pC = person({ firstName: 'Cyr' });
  const hoursJan = () =>
    hoursSlice('2031-01', JAN, [
      { day: 6, user: pA.id, mission: 'm1', project: 'P1', venue: 'V1', role: 'Son', start: '2031-01-06T08:00:00Z', end: '2031-01-06T16:00:00Z', planned: 480, actual: 450, late: 1 },
      { day: 6, user: pB.id, mission: 'm1', project: 'P1', venue: 'V1', role: 'Lumiere', start: '2031-01-06T08:00:00Z', end: '2031-01-06T16:00:00Z', planned: 480, actual: 510, overtime: 30 },
      { day: 20, user: pC.id, planned: 0, actual: 300 },
    ]);
  const hoursDec = () => hoursSlice('2030-12', DEC, [{ day: 15, user: pA.id, mission: 'm0', project: 'P1', venue: 'V1', role: 'Son', start: '2030-12-15T08:00:00Z', end: '2030-12-15T18:00:00Z', planned: 600, actual: 600 }]);
  /** January's pay slice (costs in row order) naming these pay readers. */
  const payJan = (readerAccountIds: string[] = []) => sliceDoc('an_pay', paySlice(hoursJan(), [9000, 12000, 4500]), { readerAccountIds });
  const slices = (): SyncDoc[] => [
    sliceDoc('an_hours', hoursJan()),
    payJan(),
    sliceDoc('an_hours', hoursDec()),
    sliceDoc('an_pay', paySlice(hoursDec(), [10000])),
    sliceDoc('an_missions', missionsSlice('2031-01', JAN, [
      { day: 6, mission: 'm1', project: 'P1', venue: 'V1', team: teamId, role: 'Son', needed: 2, accepted: 1 },
      { day: 6, mission: 'm1', project: 'P1', venue: 'V1', team: teamId, role: 'Lumiere', needed: 1, accepted: 1 },
    ])),
    sliceDoc('an_incidents', incidentsSlice('2031-01', [{ incident: 'i1', day: 6, at: '2031-01-06T10:00:00Z', venue: 'V1', project: 'P1', category: 'SOUND', open: 1 }])),
  ];
  return { teamId, pA, pB, pC, hoursJan, hoursDec, payJan, slices };
}
