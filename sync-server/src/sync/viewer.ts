import { ENTITIES, FACTS, PERSON_LINK, scopeSignature, type EntityDef, type SyncRole, type Viewer, type ViewerFacts } from '@coulisses/shared';
import type { Sql } from '../db/connect';
import { factValuesSql } from './scope-sql';

/**
 * Who reads or writes through the sync core: the organisation, the viewer (role, account, person, device), the
 * signature of its read scope, and the facts its conditions need (loaded on first use, in the same database
 * session as the caller's query when given one).
 */
export interface ViewerContext {
  orgId: string;
  viewer: Viewer;
  signature: string;
  facts(sql?: Sql): Promise<ViewerFacts>;
}

const REGISTRY = ENTITIES as unknown as readonly EntityDef[];

/** The schedulable person linked to the account in this organisation, if any (the registry's PERSON_LINK). */
export async function linkedUserId(sql: Sql, orgId: string, accountId: string): Promise<string | null> {
  const rows = await sql<{ id: string }[]>`
    select id from ${sql(PERSON_LINK.entity)}
    where org_id = ${orgId} and doc->>${PERSON_LINK.accountField} = ${accountId} and not deleted order by id limit 1`;
  return rows[0]?.id ?? null;
}

/** The viewer context of a known viewer (an account's session after the person lookup, or a kiosk). */
export function viewerContext(sql: Sql, orgId: string, viewer: Viewer): ViewerContext {
  let loaded: Promise<ViewerFacts> | undefined;
  return {
    orgId,
    viewer,
    signature: scopeSignature(viewer, REGISTRY),
    facts(inTx?: Sql) {
      loaded ??= loadFacts(inTx ?? sql, orgId, viewer);
      return loaded;
    },
  };
}

/** The viewer context of a member of an organisation. */
export async function resolveViewer(sql: Sql, caller: { activeOrgId: string; role: SyncRole; accountId: string }): Promise<ViewerContext> {
  const userId = await linkedUserId(sql, caller.activeOrgId, caller.accountId);
  return viewerContext(sql, caller.activeOrgId, { role: caller.role, accountId: caller.accountId, userId });
}

async function loadFacts(sql: Sql, orgId: string, viewer: Viewer): Promise<ViewerFacts> {
  const out: Record<string, ReadonlySet<string>> = {};
  for (const fact of FACTS) {
    if (!viewer.userId) {
      out[fact.name] = new Set();
      continue;
    }
    const rows = await sql<{ v: string }[]>`select v from (${factValuesSql(sql, fact, viewer, orgId)}) as x(v)`;
    out[fact.name] = new Set(rows.map((r) => r.v).filter((v): v is string => typeof v === 'string'));
  }
  return out;
}
