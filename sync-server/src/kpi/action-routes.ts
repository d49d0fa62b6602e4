import { localDate, uuidv7, type SyncDoc } from '@coulisses/shared';
import { Hono } from 'hono';
import type { Deps } from '../deps';
import type { AppEnv } from '../http/context';
import { readJson } from '../http/validate';
import type { ViewerContext } from '../sync/viewer';
import { idParam, kpiCaller, notFound } from './api-context';
import { ActionCreate, ActionPatch, CommentCreate } from './api-schemas';
import { actionView, commentView } from './api-views';
import { changed, writeRows } from './api-write';
import { actionPlansOf, orgZone, readableReference, storedDoc } from './repo';

/** /kpis/:id/actions, /actions/:id and the comments of a KPI or an action (issue 12, seed sections 5.5 and 5.6). */
export function actionRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();
  const today = async (orgId: string) => localDate(Date.now(), await orgZone(sql, orgId));

  const readableAction = async (ctx: ViewerContext, id: string) => (await actionPlansOf(sql, ctx, 'action', { ids: [id] }))[0] ?? notFound();

  app.get('/kpis/:id/actions', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const kpi = (await readableReference(sql, ctx, 'kpi', idParam(c))) ?? notFound();
    const day = await today(ctx.orgId);
    return c.json({ actions: (await actionPlansOf(sql, ctx, 'action', { kpiIds: [kpi.id] })).map((d) => actionView(d, day)) });
  });

  app.post('/kpis/:id/actions', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const kpi = (await readableReference(sql, ctx, 'kpi', idParam(c))) ?? notFound();
    const body = await readJson(c, ActionCreate);
    const doc = { id: uuidv7(), updatedAt: new Date().toISOString(), kind: 'action', kpiId: kpi.id, ...body, _deleted: false } as SyncDoc;
    await writeRows(deps.sync, ctx, [{ entity: 'action_plans', before: null, after: doc }]);
    return c.json(actionView((await storedDoc(sql, ctx.orgId, 'action_plans', doc.id))!, await today(ctx.orgId)), 201);
  });

  /** Progress and status (an owner with the TECH role may change only those of their own actions), or any field for planners. */
  app.patch('/actions/:id', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const id = idParam(c);
    await readableAction(ctx, id);
    const patch = await readJson(c, ActionPatch);
    const before = (await storedDoc(sql, ctx.orgId, 'action_plans', id)) ?? notFound();
    const fields: Record<string, unknown> = { ...patch };
    if (patch.description === null) fields.description = undefined;
    await writeRows(deps.sync, ctx, [{ entity: 'action_plans', before, after: changed(before, fields) }]);
    return c.json(actionView((await storedDoc(sql, ctx.orgId, 'action_plans', id))!, await today(ctx.orgId)));
  });

  const newComment = (ctx: ViewerContext, kpiId: string, actionPlanId: string | null, body: string): SyncDoc => {
    const now = new Date().toISOString();
    return { id: uuidv7(), updatedAt: now, kind: 'comment', kpiId, actionPlanId, body, authorUserId: ctx.viewer.userId ?? null, authorAccountId: ctx.viewer.accountId, createdAt: now, _deleted: false } as SyncDoc;
  };

  app.get('/kpis/:id/comments', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const kpi = (await readableReference(sql, ctx, 'kpi', idParam(c))) ?? notFound();
    return c.json({ comments: (await actionPlansOf(sql, ctx, 'comment', { kpiIds: [kpi.id], actionPlanId: null })).map(commentView) });
  });

  app.post('/kpis/:id/comments', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const kpi = (await readableReference(sql, ctx, 'kpi', idParam(c))) ?? notFound();
    const { body } = await readJson(c, CommentCreate);
    const doc = newComment(ctx, kpi.id, null, body);
    await writeRows(deps.sync, ctx, [{ entity: 'action_plans', before: null, after: doc }]);
    return c.json(commentView((await storedDoc(sql, ctx.orgId, 'action_plans', doc.id))!), 201);
  });

  app.get('/actions/:id/comments', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const action = await readableAction(ctx, idParam(c));
    return c.json({ comments: (await actionPlansOf(sql, ctx, 'comment', { kpiIds: [String(action.kpiId)], actionPlanId: action.id })).map(commentView) });
  });

  app.post('/actions/:id/comments', async (c) => {
    const { ctx } = await kpiCaller(c, deps);
    const action = await readableAction(ctx, idParam(c));
    const { body } = await readJson(c, CommentCreate);
    const doc = newComment(ctx, String(action.kpiId), action.id, body);
    await writeRows(deps.sync, ctx, [{ entity: 'action_plans', before: null, after: doc }]);
    return c.json(commentView((await storedDoc(sql, ctx.orgId, 'action_plans', doc.id))!), 201);
  });

  return app;
}
