import { getQueryMatcher, getSortComparator, type PreparedQuery, type RxStorage, type RxStorageInstance } from 'rxdb';
import { DEXIE_DOCS_TABLE_NAME, dexieReplaceIfStartsWithPipe, fromDexieToStorage, getKeyRangeByQueryPlan } from 'rxdb/plugins/storage-dexie';

/** What RxDB's Dexie storage instance keeps (rx-storage-instance-dexie.js), as far as a read needs it. */
interface DexieInternals {
  dexieDb: { transaction(mode: 'r', table: unknown, fn: (tx: { idbtrans: IDBTransaction }) => Promise<void>): Promise<void>; _options: { IDBKeyRange?: typeof IDBKeyRange } };
  dexieTable: unknown;
  booleanIndexes: string[];
}
type DexieInstance = RxStorageInstance<unknown, unknown, unknown> & { internals: Promise<DexieInternals>; closed?: unknown };
type Query = PreparedQuery<unknown>;
type Documents = { documents: unknown[] };

/**
 * A query that returns every document of its index range reads the range with one IndexedDB `getAll` instead of
 * a cursor that wakes the page once per document (RxDB's Dexie storage): the planner's week and its 12 weeks of
 * context read thousands of documents when the app opens. The same range, the same conversion, the same filter,
 * sort, skip and limit as RxDB's own query (rxdb/plugins/storage-dexie/dexie-query.js); a query that could stop
 * early (a limit on a filtered range) keeps the cursor.
 */
export async function rangeQuery(instance: DexieInstance, prepared: Query, cursorQuery: (q: Query) => Promise<Documents>): Promise<Documents> {
  const query = prepared.query as { skip?: number; limit?: number };
  const plan = prepared.queryPlan;
  const skip = query.skip ?? 0;
  const limit = typeof query.limit === 'number' ? query.limit : Infinity;
  const matcher = plan.selectorSatisfiedByIndex ? null : getQueryMatcher(instance.schema as never, prepared.query as never);
  if (Number.isFinite(limit) && (matcher || !plan.sortSatisfiedByIndex)) return cursorQuery(prepared);
  const state = await instance.internals;
  let range: IDBKeyRange;
  try {
    range = getKeyRangeByQueryPlan(state.booleanIndexes, plan, state.dexieDb._options.IDBKeyRange);
  } catch (err) {
    if ((err as { name?: string }).name === 'DataError') return { documents: [] };
    throw err;
  }
  const count = Number.isFinite(limit) ? skip + limit : undefined;
  let raw: unknown[] = [];
  await state.dexieDb.transaction('r', state.dexieTable, async (tx) => {
    const index = tx.idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME).index(`[${plan.index.map((f) => dexieReplaceIfStartsWithPipe(f)).join('+')}]`);
    raw = await new Promise<unknown[]>((resolve, reject) => {
      const req = index.getAll(range, count);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  });
  let rows = raw.map((d) => fromDexieToStorage(state.booleanIndexes, d as never));
  if (matcher) rows = rows.filter((d) => matcher(d as never));
  if (!plan.sortSatisfiedByIndex) rows.sort(getSortComparator(instance.schema as never, prepared.query as never));
  return { documents: rows.slice(skip, skip + limit) };
}

/** RxDB's Dexie storage whose instances read index ranges in one request (rangeQuery). */
export function withRangeReads<S extends RxStorage<unknown, unknown>>(storage: S): S {
  return {
    ...storage,
    name: storage.name,
    rxdbVersion: storage.rxdbVersion,
    async createStorageInstance(params: Parameters<S['createStorageInstance']>[0]) {
      const instance = (await storage.createStorageInstance(params)) as DexieInstance;
      const cursorQuery = instance.query.bind(instance) as (q: Query) => Promise<Documents>;
      instance.query = ((prepared: Query) => {
        if (instance.closed) return cursorQuery(prepared);
        return rangeQuery(instance, prepared, cursorQuery);
      }) as DexieInstance['query'];
      return instance;
    },
  } as S;
}
