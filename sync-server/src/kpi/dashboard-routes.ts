import { Hono } from 'hono';
import type { Deps } from '../deps';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { readJson } from '../http/validate';
import { idParam, kpiCaller, notFound } from './api-context';
import { DashboardCreate, DashboardListQuery, DashboardPatch, KpiCreate } from './api-schemas';
import { dashboardDoc, dashboardView, kpiDoc, kpiView } from './api-views';
import { tombstone, writeRows } from './api-write';
import { readableReference, referenceOfKind, storedDoc } from './repo';

/** /dashboards and /dashboards/:id/kpis (issue 12, seed section 5.2 and 5.3). */
export function dashboardRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();

  app.get('/dashboards', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const { process } = DashboardListQuery.parse(c.req.query());
    const docs = await referenceOfKind(sql, ctx, 'dashboard');
    const dashboards = docs.map(dashboardView).filter((d) => !process || d.process === process);
    return c.json({ dashboards });
  });

  app.post('/dashboards', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const body = await readJson(c, DashboardCreate);
    const doc = dashboardDoc(null, { ...body, ownerUserId: body.ownerUserId === undefined ? ctx.viewer.userId ?? null : body.ownerUserId, kpiIds: [] });
    await writeRows(deps.sync, ctx, [{ entity: 'reference', before: null, after: doc }]);
    return c.json(dashboardView((await storedDoc(sql, ctx.orgId, 'reference', doc.id))!), 201);
  });

  app.get('/dashboards/:id', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const doc = (await readableReference(sql, ctx, 'dashboard', idParam(c))) ?? notFound();
    return c.json(dashboardView(doc));
  });

  app.patch('/dashboards/:id', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const id = idParam(c);
    const seen = (await readableReference(sql, ctx, 'dashboard', id)) ?? notFound();
    const patch = await readJson(c, DashboardPatch);
    const current = dashboardView(seen);
    if (patch.kpiIds) {
      const readable = new Set((await referenceOfKind(sql, ctx, 'kpi', patch.kpiIds)).map((k) => k.id));
      const bad = patch.kpiIds.findIndex((k, i) => !readable.has(k) || patch.kpiIds!.indexOf(k) !== i);
      if (bad >= 0) throw new AppError('VALIDATION_FAILED', [{ path: `kpiIds.${bad}`, code: 'UNKNOWN_KPI', message: 'not a KPI of the organisation, or listed twice' }]);
    }
    const before = (await storedDoc(sql, ctx.orgId, 'reference', id)) ?? notFound();
    const after = dashboardDoc(before, {
      title: patch.title ?? current.title,
      description: patch.description === undefined ? current.description : patch.description,
      process: patch.process ?? current.process,
      sharing: patch.sharing ?? current.sharing,
      teamIds: patch.teamIds ?? current.teamIds,
      ownerUserId: patch.ownerUserId === undefined ? current.ownerUserId : patch.ownerUserId,
      kpiIds: patch.kpiIds ?? current.kpiIds,
    });
    await writeRows(deps.sync, ctx, [{ entity: 'reference', before, after }]);
    const stored = (await readableReference(sql, ctx, 'dashboard', id)) ?? (await storedDoc(sql, ctx.orgId, 'reference', id))!;
    return c.json(dashboardView(stored));
  });

  app.delete('/dashboards/:id', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const id = idParam(c);
    if (!(await readableReference(sql, ctx, 'dashboard', id))) notFound();
    const before = (await storedDoc(sql, ctx.orgId, 'reference', id)) ?? notFound();
    await writeRows(deps.sync, ctx, [{ entity: 'reference', before, after: tombstone(before) }]);
    return c.body(null, 204);
  });

  app.get('/dashboards/:id/kpis', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const board = dashboardView((await readableReference(sql, ctx, 'dashboard', idParam(c))) ?? notFound());
    const byId = new Map((await referenceOfKind(sql, ctx, 'kpi', board.kpiIds)).map((k) => [k.id, k]));
    const kpis = board.kpiIds.flatMap((k) => (byId.has(k) ? [kpiView(byId.get(k)!)] : []));
    return c.json({ kpis });
  });

  /** A new KPI placed at the end of the dashboard, both in one transaction. */
  app.post('/dashboards/:id/kpis', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const id = idParam(c);
    if (!(await readableReference(sql, ctx, 'dashboard', id))) notFound();
    const def = await readJson(c, KpiCreate);
    const kpi = kpiDoc(null, def);
    const board = (await storedDoc(sql, ctx.orgId, 'reference', id)) ?? notFound();
    const current = dashboardView(board);
    await writeRows(deps.sync, ctx, [
      { entity: 'reference', before: null, after: kpi },
      { entity: 'reference', before: board, after: dashboardDoc(board, { ...current, kpiIds: [...current.kpiIds, kpi.id] }) },
    ]);
    return c.json(kpiView((await storedDoc(sql, ctx.orgId, 'reference', kpi.id))!), 201);
  });

  return app;
}
