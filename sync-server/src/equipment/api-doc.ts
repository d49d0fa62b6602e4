import { z } from 'zod';
import type { RouteGroup } from '../http/openapi';
import { named } from '../http/openapi';
import { ConflictsQuery } from './conflict-routes';

const Conflict = z.object({
  itemId: z.string(),
  itemName: z.string(),
  missionIds: z.array(z.string()).meta({ description: 'The missions sharing the window, sorted by id' }),
  missions: z.array(z.object({ id: z.string(), title: z.string(), startAt: z.string(), endAt: z.string(), venueId: z.string().nullable() })),
  reserved: z.number().int().meta({ description: 'Units reserved by those missions in the window (kits expanded)' }),
  available: z.number().int().meta({ description: 'Units the organisation owns' }),
  from: z.string().meta({ description: 'Start of the window in which all those missions run (UTC)' }),
  to: z.string().meta({ description: 'End of the window (UTC)' }),
});
const ConflictList = z.object({ from: z.string(), to: z.string(), conflicts: z.array(Conflict) });

/** The equipment routes for the OpenAPI document. */
export const equipmentApiGroups: RouteGroup[] = [
  {
    tag: 'Equipment',
    description: 'Equipment catalogue, reservations on missions and incidents are documents of the sync core (reference kinds equipment_item, equipment_kit, equipment_reservation; field events of kind INCIDENT); this reads what the server computes from them.',
    routes: [
      {
        method: 'get',
        path: '/equipment/conflicts',
        operationId: 'listEquipmentConflicts',
        summary: 'Equipment double bookings',
        description: 'For each item, the missions running at the same time (cancelled missions and deleted reservations ignored; touching missions do not overlap) whose reserved quantities, kits expanded, sum above the units owned.',
        tag: 'Equipment',
        roles: 'ADMIN, MANAGER',
        query: ConflictsQuery,
        responses: [{ status: 200, description: 'The conflicts, by item then time', schema: named('EquipmentConflictList', ConflictList) }],
        errors: [400, 401, 403],
      },
    ],
  },
];
