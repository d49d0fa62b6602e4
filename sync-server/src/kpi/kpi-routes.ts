import { isPeriodStart, periodEndOf, uuidv7, type KpiFrequency, type SyncDoc } from '@coulisses/shared';
import { Hono } from 'hono';
import type { Deps } from '../deps';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { readJson } from '../http/validate';
import { idParam, kpiCaller, notFound } from './api-context';
import { KpiCreate, KpiPatch, ValueCreate } from './api-schemas';
import { dashboardDoc, dashboardView, kpiDefinitionFields, kpiDoc, kpiView, valueView } from './api-views';
import { tombstone, writeRows, type WriteRow } from './api-write';
import { readableReference, referenceOfKind, storedDoc, storedValueAt, valuesOf } from './repo';

/** /kpis/:id and /kpis/:id/values (issue 12, seed sections 5.3 and 5.4). */
export function kpiRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();

  app.get('/kpis/:id', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    return c.json(kpiView((await readableReference(sql, ctx, 'kpi', idParam(c))) ?? notFound()));
  });

  /** Any field of the definition; the merged definition is checked as a whole (bands in the direction's order). */
  app.patch('/kpis/:id', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const id = idParam(c);
    if (!(await readableReference(sql, ctx, 'kpi', id))) notFound();
    const patch = await readJson(c, KpiPatch);
    const before = (await storedDoc(sql, ctx.orgId, 'reference', id)) ?? notFound();
    const def = KpiCreate.parse({ ...kpiDefinitionFields(before), ...patch });
    await writeRows(deps.sync, ctx, [{ entity: 'reference', before, after: kpiDoc(before, def) }]);
    return c.json(kpiView((await storedDoc(sql, ctx.orgId, 'reference', id))!));
  });

  /** Deletes the KPI and takes it off the dashboards that list it, in one transaction. */
  app.delete('/kpis/:id', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const id = idParam(c);
    if (!(await readableReference(sql, ctx, 'kpi', id))) notFound();
    const before = (await storedDoc(sql, ctx.orgId, 'reference', id)) ?? notFound();
    const rows: WriteRow[] = [{ entity: 'reference', before, after: tombstone(before) }];
    for (const board of await referenceOfKind(sql, ctx, 'dashboard')) {
      const view = dashboardView(board);
      if (!view.kpiIds.includes(id)) continue;
      const stored = (await storedDoc(sql, ctx.orgId, 'reference', board.id))!;
      rows.push({ entity: 'reference', before: stored, after: dashboardDoc(stored, { ...view, kpiIds: view.kpiIds.filter((k) => k !== id) }) });
    }
    await writeRows(deps.sync, ctx, rows);
    return c.body(null, 204);
  });

  /** The history of a KPI: one value per period, oldest first, each with the entries it replaced. */
  app.get('/kpis/:id/values', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const kpi = (await readableReference(sql, ctx, 'kpi', idParam(c))) ?? notFound();
    return c.json({ values: (await valuesOf(sql, ctx, [kpi.id])).map(valueView) });
  });

  /**
   * The value of a period: a new period answers 201; a period that already has a value keeps one document and the
   * replaced entry goes to its history (the unique-by-key rule), answered 200.
   */
  app.post('/kpis/:id/values', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const kpi = (await readableReference(sql, ctx, 'kpi', idParam(c))) ?? notFound();
    const body = await readJson(c, ValueCreate);
    const frequency = ((kpi.data ?? {}) as { frequency?: KpiFrequency }).frequency ?? 'MONTHLY';
    if (!isPeriodStart(body.periodStart, frequency)) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'periodStart', code: 'KPI_PERIOD_NOT_START', message: `not the first day of a ${frequency} period` }]);
    }
    // A second entry for the period is a new document: the core merges it into the stored one by key.
    const existing = await storedValueAt(sql, ctx.orgId, kpi.id, body.periodStart);
    const now = new Date().toISOString();
    const doc = {
      id: uuidv7(),
      updatedAt: now,
      kpiId: kpi.id,
      periodStart: body.periodStart,
      periodEnd: periodEndOf(body.periodStart, frequency),
      value: body.value,
      ...(body.comment !== undefined ? { comment: body.comment } : {}),
      enteredAt: now,
      status: null,
      enteredByAccountId: null,
      history: [],
      _deleted: false,
    } as SyncDoc;
    await writeRows(deps.sync, ctx, [{ entity: 'kpi_values', before: null, after: doc }]);
    const stored = (await storedValueAt(sql, ctx.orgId, kpi.id, body.periodStart))!;
    return c.json(valueView(stored), existing ? 200 : 201);
  });

  return app;
}
