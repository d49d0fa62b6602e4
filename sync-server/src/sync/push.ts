import {
  adjustmentRequest,
  checkWrite,
  entityByName,
  isLocked,
  resolveConflict,
  sameValue,
  uuidv7,
  type Discard,
  type EntityDef,
  type SyncDoc,
} from '@coulisses/shared';
import type { ZodError } from 'zod';
import type { Sql } from '../db/connect';
import { zodDetails } from '../http/errors';
import { afterWrite } from './after-write';
import { logConflict } from './conflict-log';
import { serverChecks } from './server-checks';
import { applyServerFields, serverFieldDefault } from './server-fields';
import { beginBatch, endBatch, findByKey, flushBatch, getRows, lockOrg, toSyncDoc, touchRow, writeRow, type StoredRow, type Tx } from './store';
import type { ViewerContext } from './viewer';

export interface PushRow {
  assumedMasterState?: SyncDoc | null;
  newDocumentState: SyncDoc;
}

export interface Rejection {
  id: string;
  code: string;
  field?: string;
  details?: unknown;
}

export interface PushResult {
  /** RxDB semantics: the server's state of every row that was not applied as sent. */
  conflicts: SyncDoc[];
  rejected: Rejection[];
  diverted: { id: string; code: string; eventId: string }[];
  written: number;
  collections: Set<string>;
}

/** The viewer of a push, and the device's clock it sent (X-Device-Time, parsed) for the field events' skew. */
export interface PushContext extends ViewerContext {
  deviceTime?: string | null;
}

/** How far ahead of the server a device clock may be before its updatedAt is clamped. */
const MAX_CLOCK_AHEAD_MS = 2 * 60_000;

/**
 * Applies a pushed batch in one transaction, deciding every row on the server: schema, write policy,
 * conflict rule, server fields. A refused row is reported (and its server state returned) without blocking
 * the others; nothing half-written survives an unexpected error (the transaction rolls back).
 */
export async function applyPush(
  sql: Sql,
  ctx: PushContext,
  entity: EntityDef,
  rows: PushRow[],
  beforeCommit?: (tx: Tx, collections: Set<string>) => Promise<void>,
): Promise<PushResult> {
  const result: PushResult = { conflicts: [], rejected: [], diverted: [], written: 0, collections: new Set() };
  await sql.begin(async (t) => {
    const tx = t as unknown as Tx;
    await lockOrg(tx, ctx.orgId);
    const masters = await getRows(tx, entity, ctx.orgId, rows.map((r) => String(r.newDocumentState?.id ?? '')));
    const now = new Date().toISOString();
    beginBatch(tx, ctx.orgId);
    for (const row of rows) await applyRow(tx, ctx, entity, row, masters, now, result);
    await endBatch(tx);
    if (result.collections.size > 0) await beforeCommit?.(tx, result.collections);
  });
  return result;
}

function stub(doc: SyncDoc): SyncDoc {
  return { ...doc, _deleted: true };
}

async function applyRow(tx: Tx, ctx: PushContext, entity: EntityDef, row: PushRow, masters: Map<string, StoredRow>, now: string, out: PushResult): Promise<void> {
  const incoming = row.newDocumentState;
  const id = String(incoming.id);
  const masterRow = masters.get(id);
  const master = masterRow ? toSyncDoc(masterRow) : undefined;
  const live = master && !master._deleted ? master : undefined;
  const reject = async (code: string, extra: { field?: string; details?: unknown } = {}) => {
    out.rejected.push({ id, code, ...extra });
    out.conflicts.push(master ?? stub(incoming));
    await logConflict(tx, ctx.orgId, now, {
      entity: entity.name, entityId: id, rule: 'write-policy', outcome: 'REJECTED', code, fields: [],
      local: incoming, remote: master ?? null, actorAccountIds: [ctx.viewer.accountId],
    });
    out.collections.add('conflicts');
  };

  // 1. The schema, then the server's own fields (a client's value for them never counts).
  const { _deleted, ...fields } = incoming;
  const parsed = entity.schema.safeParse(fields);
  if (!parsed.success) return reject('VALIDATION_FAILED', { details: zodDetails(parsed.error as ZodError) });
  const withServer = (d: SyncDoc): SyncDoc => {
    const o: SyncDoc = { ...d };
    for (const f of entity.serverFields) o[f] = live ? live[f] : serverFieldDefault(f, entity);
    return o;
  };
  let local: SyncDoc = withServer({ ...(parsed.data as SyncDoc), _deleted: Boolean(_deleted) });
  if (Date.parse(String(local.updatedAt)) > Date.parse(now) + MAX_CLOCK_AHEAD_MS) local = { ...local, updatedAt: now };
  const assumed = row.assumedMasterState ? withServer({ ...row.assumedMasterState, _deleted: Boolean(row.assumedMasterState._deleted) }) : undefined;

  // 2. Append-only: a stored event never changes; the same event again is a no-op.
  if (entity.conflict.kind === 'appendOnly' && master) {
    const res = resolveConflict(entity.conflict, { base: undefined, local, remote: master });
    if (res.discarded.length > 0) {
      out.conflicts.push(master);
      await logConflict(tx, ctx.orgId, now, { entity: entity.name, entityId: id, rule: res.rule, outcome: 'REJECTED', code: 'IMMUTABLE_EVENT', fields: res.discarded, local, remote: master, actorAccountIds: [ctx.viewer.accountId] });
      out.collections.add('conflicts');
    }
    return;
  }

  // 3. Unique by key: a second live document with the same key merges into the first.
  if (entity.conflict.kind === 'uniqueBy' && !live && !local._deleted) {
    const twinRow = await findByKey(tx, entity, ctx.orgId, entity.conflict.key, local);
    if (twinRow) {
      const twin = toSyncDoc(twinRow);
      const res = resolveConflict(entity.conflict, { base: undefined, local: { ...local, history: twin.history }, remote: twin });
      const denied = checkWrite(entity, ctx.viewer, ctx.facts, twin, res.doc);
      if (denied) return reject(denied.code, { field: denied.field });
      const merged = await applyServerFields(entity.name, res.doc, { tx, orgId: ctx.orgId, accountId: ctx.viewer.accountId, role: ctx.viewer.role, now, before: twin });
      await write(tx, ctx, entity, merged, out, masters, twinRow);
      out.conflicts.push(stub(local));
      await recordMerge(tx, ctx, entity, twin.id, res.rule, res.discarded, local, twin, twinRow, now, out);
      return;
    }
  }

  // 4. Conflict: the writer did not see the server's current state. The entity's rule decides.
  let candidate = local;
  let conflicted = false;
  let discarded: Discard[] = [];
  let rule = '';
  const matches = master ? !!assumed && sameValue(assumed, master) : true;
  if (!matches && master) {
    const res = resolveConflict(entity.conflict, { base: assumed, local, remote: master, localRole: ctx.viewer.role });
    if (res.diverted) return divert(tx, ctx, entity, master, local, now, out);
    candidate = res.doc;
    conflicted = true;
    discarded = res.discarded;
    rule = res.rule;
  }

  // 5. Locked after validation: a crew change of a validated document becomes an adjustment request.
  if (entity.conflict.kind === 'locked' && live && isLocked(entity.conflict, live, ctx.viewer.role) && !sameValue(candidate, live)) {
    return divert(tx, ctx, entity, live, local, now, out);
  }

  // 6. The write policy, on the state that would be stored, then the checks that need other documents.
  const denied = checkWrite(entity, ctx.viewer, ctx.facts, live, candidate);
  if (denied) return reject(denied.code, { field: denied.field });
  if (entity.name === 'assignments' || entity.name === 'users') await flushBatch(tx);
  const domain = await serverChecks(entity.name, candidate, { tx, orgId: ctx.orgId, before: live });
  if (domain) return reject(domain);

  const final = await applyServerFields(entity.name, candidate, { tx, orgId: ctx.orgId, accountId: ctx.viewer.accountId, role: ctx.viewer.role, now, before: live, deviceTime: ctx.deviceTime });
  if (!master || !sameValue(final, master)) await write(tx, ctx, entity, final, out, masters, masterRow);
  if (conflicted) {
    out.conflicts.push(final);
    if (discarded.length > 0) await recordMerge(tx, ctx, entity, id, rule, discarded, local, master!, masterRow, now, out);
  }
}

async function write(tx: Tx, ctx: ViewerContext, entity: EntityDef, doc: SyncDoc, out: PushResult, masters: Map<string, StoredRow>, previous: StoredRow | undefined): Promise<void> {
  const seq = await writeRow(tx, entity, ctx.orgId, doc, ctx.viewer.accountId);
  await afterWrite(entity, { tx, orgId: ctx.orgId, accountId: ctx.viewer.accountId, before: previous ? toSyncDoc(previous) : undefined, after: doc });
  const { _deleted, ...fields } = doc;
  masters.set(doc.id, { id: doc.id, seq, deleted: Boolean(_deleted), doc: fields });
  out.written += 1;
  out.collections.add(entity.name);
  // Linking a person to an account changes what that account may read: its assignments and their missions
  // were filtered out of its earlier pulls, so they get new change numbers and flow to it now.
  if (entity.name === 'users' && doc.accountId && doc.accountId !== previous?.doc.accountId) {
    await flushBatch(tx);
    const linked = await tx<{ id: string; mission_id: string }[]>`
      select id, doc->>'missionId' as mission_id from assignments where org_id = ${ctx.orgId} and doc->>'userId' = ${doc.id}`;
    for (const a of linked) await touchRow(tx, entityByName('assignments')!, ctx.orgId, a.id);
    for (const missionId of new Set(linked.map((a) => a.mission_id))) await touchRow(tx, entityByName('missions')!, ctx.orgId, missionId);
    if (linked.length > 0) {
      out.collections.add('assignments');
      out.collections.add('missions');
    }
  }
  for (const t of entity.touches ?? []) {
    const target = entityByName(t.entity);
    const ids = new Set([doc[t.field], previous?.doc[t.field]].filter((v): v is string => typeof v === 'string'));
    if (!target) continue;
    for (const targetId of ids) await touchRow(tx, target, ctx.orgId, targetId);
    out.collections.add(t.entity);
  }
}

async function recordMerge(tx: Tx, ctx: ViewerContext, entity: EntityDef, entityId: string, rule: string, discarded: Discard[], local: SyncDoc, remote: SyncDoc, remoteRow: StoredRow | undefined, now: string, out: PushResult) {
  await logConflict(tx, ctx.orgId, now, {
    entity: entity.name, entityId, rule, outcome: 'MERGED', code: null, fields: discarded, local, remote,
    actorAccountIds: [ctx.viewer.accountId, ...(remoteRow ? await lastWriter(tx, entity, ctx.orgId, remoteRow.id) : [])],
  });
  out.collections.add('conflicts');
}

async function lastWriter(tx: Tx, entity: EntityDef, orgId: string, id: string): Promise<string[]> {
  await flushBatch(tx);
  const rows = await tx<{ updated_by: string | null }[]>`select updated_by from ${tx(entity.name)} where org_id = ${orgId} and id = ${id}`;
  return rows[0]?.updated_by ? [rows[0].updated_by] : [];
}

/** d. The locked rule: the stored document stays; the writer's change is kept as an adjustment request. */
async function divert(tx: Tx, ctx: ViewerContext, entity: EntityDef, stored: SyncDoc, proposed: SyncDoc, now: string, out: PushResult): Promise<void> {
  const events = entityByName('field_events')!;
  const request = adjustmentRequest({ id: uuidv7(), now, stored, proposed, userId: ctx.viewer.userId ?? (stored.userId as string | null) ?? null, reason: 'LOCKED' });
  const event = await applyServerFields('field_events', { ...request, _deleted: false }, { tx, orgId: ctx.orgId, accountId: ctx.viewer.accountId, role: ctx.viewer.role, now, before: undefined });
  await writeRow(tx, events, ctx.orgId, event, ctx.viewer.accountId);
  out.collections.add('field_events');
  out.diverted.push({ id: stored.id, code: 'LOCKED', eventId: request.id });
  out.conflicts.push(stored);
  await logConflict(tx, ctx.orgId, now, {
    entity: entity.name, entityId: stored.id, rule: 'locked', outcome: 'DIVERTED', code: 'LOCKED',
    fields: [{ field: '*', kept: stored, discarded: proposed }], local: proposed, remote: stored, actorAccountIds: [ctx.viewer.accountId],
  });
  out.collections.add('conflicts');
}
