import {
  adjustmentRequest,
  checkWrite,
  entityByName,
  factsOf,
  hiddenFor,
  isLocked,
  isSafeText,
  parseDeletedFlag,
  pushRowHazard,
  readAs,
  resolveConflict,
  sanitizeJson,
  sameValue,
  uuidv7,
  type Discard,
  type Diversion,
  type EntityDef,
  type JsonHazard,
  type MergeNotice,
  type PushRow,
  type ReadView,
  type Rejection,
  type SyncDoc,
} from '@coulisses/shared';
import type { ZodError } from 'zod';
import { zodDetails } from '../http/errors';
import { logConflict } from './conflict-log';
import { toSyncDoc, type StoredRow } from './store';
import type { SyncTx } from './sync-tx';
import type { ViewerContext } from './viewer';

export interface PushResult {
  /** RxDB semantics: the server's state, as the writer may read it, of every row not applied as sent. */
  conflicts: SyncDoc[];
  rejected: Rejection[];
  diverted: Diversion[];
  /** Writes applied after a merge that discarded some of the writer's values. */
  merged: MergeNotice[];
  written: number;
}

/** The viewer of a push, and the device's clock it sent (X-Device-Time, parsed) for the field events' skew. */
export interface PushContext extends ViewerContext {
  deviceTime?: string | null;
}

/** How far ahead of the server a device clock may be before its updatedAt is clamped. */
const MAX_CLOCK_AHEAD_MS = 2 * 60_000;

/** The value a server field has on a new document before the server sets it: the emptiest value its schema accepts. */
export function serverFieldDefault(field: string, entity: EntityDef): unknown {
  if (field === 'history') return [];
  const schema = (entity.schema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>)[field];
  if (!schema) return null;
  for (const candidate of [null, [], 0]) if (schema.safeParse(candidate).success) return candidate;
  return null;
}

/** A pushed row that had no stored counterpart, answered as deleted: what a fresh replica of this viewer holds. */
function stub(doc: SyncDoc): SyncDoc {
  return { ...doc, _deleted: true };
}

/**
 * Applies a pushed batch inside one sync transaction, deciding every row on the server: hostile input, schema,
 * conflict rule, write policy, the domains' checks and server fields. A refused row is reported with its id and
 * code (and the server state only where the writer may read it) without blocking the others; nothing
 * half-written survives an unexpected error (the transaction rolls back).
 */
export async function applyPush(tx: SyncTx, ctx: PushContext, entity: EntityDef, rows: readonly PushRow[]): Promise<PushResult> {
  const out: PushResult = { conflicts: [], rejected: [], diverted: [], merged: [], written: 0 };
  const ids = rows.map((r) => r.newDocumentState?.id).filter((id): id is string => typeof id === 'string' && isSafeText(id));
  const masters = await tx.rows(entity, ids);
  // The viewer's facts are read only when this entity's conditions for its role use one (a manager's never do).
  const role = ctx.viewer.role;
  const needsFacts = factsOf(entity.read[role]).length > 0 || factsOf(entity.write[role]?.when).length > 0;
  const view: ReadView = { viewer: ctx.viewer, facts: needsFacts ? await ctx.facts(tx.sql) : NO_FACTS };
  // What depends on the row alone (hostile input, the schema) is decided first, so that the domains can read what
  // their hooks need for the whole batch at once; the outcomes stay per row and in order.
  const checked = rows.map((row) => checkRow(entity, row));
  const valid = checked.flatMap((c) => {
    if (!c.parsed) return [];
    const stored = masters.get(c.parsed.id);
    return [{ doc: c.parsed, before: stored && !stored.deleted ? toSyncDoc(stored) : undefined }];
  });
  await tx.hooks.prefetch(entity, valid, tx.hookContext({ before: undefined, viewer: ctx.viewer, deviceTime: ctx.deviceTime ?? null }));
  const push = new RowPush(tx, ctx, entity, view, masters, out);
  for (let i = 0; i < rows.length; i++) await push.apply(rows[i]!, checked[i]!);
  await tx.flush();
  return out;
}

const NO_FACTS: ReadView['facts'] = {};

/** The checks of a pushed row that depend on the row alone: hostile input first, then the entity's schema. */
interface CheckedRow {
  hazard: JsonHazard | null;
  /** The document as the schema parsed it, with its deletion flag (absent when refused). */
  parsed?: SyncDoc;
  error?: ZodError;
}

function checkRow(entity: EntityDef, row: PushRow): CheckedRow {
  const hazard = pushRowHazard(row);
  if (hazard) return { hazard };
  const { _deleted, ...fields } = row.newDocumentState;
  const parsed = entity.schema.safeParse(fields);
  if (!parsed.success) return { hazard: null, error: parsed.error as ZodError };
  return { hazard: null, parsed: { ...(parsed.data as SyncDoc), _deleted: parseDeletedFlag(_deleted) === true } };
}

class RowPush {
  constructor(
    private readonly tx: SyncTx,
    private readonly ctx: PushContext,
    private readonly entity: EntityDef,
    private readonly view: ReadView,
    private readonly masters: Map<string, StoredRow>,
    private readonly out: PushResult,
  ) {}

  /** The stored state as the writer may see it, or the writer's own row marked deleted when it may not. */
  private answer(doc: SyncDoc | undefined, incoming: SyncDoc): SyncDoc {
    return (doc && readAs(this.entity, this.view, doc, entityByName)) ?? stub(incoming);
  }

  private async reject(incoming: SyncDoc, master: SyncDoc | undefined, code: string, extra: { field?: string; details?: unknown } = {}): Promise<void> {
    const id = String(incoming.id);
    this.out.rejected.push({ id, code, ...extra });
    this.out.conflicts.push(this.answer(master, incoming));
    await logConflict(this.tx, {
      entity: this.entity.name, entityId: id, rule: 'write-policy', outcome: 'REJECTED', code, fields: [],
      local: incoming, remote: master ?? null, actorAccountIds: [this.ctx.viewer.accountId],
    });
  }

  /** The writer's document with the fields it does not decide taken from the stored state: server fields, hidden fields. */
  private withStored(d: SyncDoc, live: SyncDoc | undefined): SyncDoc {
    const o: SyncDoc = { ...d };
    for (const f of this.entity.serverFields) o[f] = live ? live[f] : serverFieldDefault(f, this.entity);
    for (const f of hiddenFor(this.entity, this.ctx.viewer.role)) {
      if (live && live[f] !== undefined) o[f] = live[f];
      else delete o[f];
    }
    return o;
  }

  async apply(row: PushRow, checked: CheckedRow): Promise<void> {
    const incoming = row.newDocumentState;
    const id = String(incoming.id);
    const masterRow = this.masters.get(id);
    const master = masterRow ? toSyncDoc(masterRow) : undefined;
    const live = master && !master._deleted ? master : undefined;

    // 1. Hostile input (NUL, lone surrogates, deep nesting, prototype keys, non-boolean _deleted), the schema, then
    //    the fields the writer does not decide (a client's value for them never counts).
    const hazard = checked.hazard;
    // Answered and logged as a storable copy: the hostile value itself is never echoed (nor walked again).
    if (hazard) return this.reject(sanitizeJson(incoming) as SyncDoc, master, 'VALIDATION_FAILED', { details: [hazard] });
    // The server's own state sent back (a replica that lost its replication state pushes what it pulled): a no-op,
    // neither written nor refused nor answered, whatever the writer may change; its replica keeps what it holds.
    if (master && this.isEcho(incoming, master)) return;
    if (!checked.parsed) return this.reject(incoming, master, 'VALIDATION_FAILED', { details: zodDetails(checked.error!) });
    let local = this.withStored(checked.parsed, live);
    if (Date.parse(String(local.updatedAt)) > Date.parse(this.tx.now) + MAX_CLOCK_AHEAD_MS) local = { ...local, updatedAt: this.tx.now };
    const assumedRaw = row.assumedMasterState;
    const assumed = assumedRaw ? this.withStored({ ...assumedRaw, _deleted: parseDeletedFlag(assumedRaw._deleted) === true }, live) : undefined;
    // A writer that may not read the stored row learns nothing of it: the row is refused as if for scope.
    if (master && !readAs(this.entity, this.view, master, entityByName)) {
      return this.reject(incoming, master, 'FORBIDDEN');
    }

    // 2. Append-only: a stored event never changes; the same event again is a no-op.
    if (this.entity.conflict.kind === 'appendOnly' && master) {
      const res = resolveConflict(this.entity.conflict, { base: undefined, local, remote: master });
      if (res.discarded.length > 0) {
        this.out.conflicts.push(this.answer(master, incoming));
        await logConflict(this.tx, { entity: this.entity.name, entityId: id, rule: res.rule, outcome: 'REJECTED', code: 'IMMUTABLE_EVENT', fields: res.discarded, local, remote: master, actorAccountIds: [this.ctx.viewer.accountId] });
      }
      return;
    }

    // 3. Unique by key: a second live document with the same key merges into the first.
    if (this.entity.conflict.kind === 'uniqueBy' && !live && !local._deleted) {
      const twinRow = await this.tx.byKey(this.entity, this.entity.conflict.key, local);
      if (twinRow) {
        const twin = toSyncDoc(twinRow);
        if (!readAs(this.entity, this.view, twin, entityByName)) return this.reject(incoming, undefined, 'FORBIDDEN');
        const res = resolveConflict(this.entity.conflict, { base: undefined, local: { ...local, history: twin.history }, remote: twin });
        const denied = checkWrite(this.entity, this.ctx.viewer, this.view.facts, twin, res.doc);
        if (denied) return this.reject(incoming, undefined, denied.code, { field: denied.field });
        const merged = await this.tx.hooks.serverFields(this.entity, res.doc, this.hookContext(twin));
        await this.write(merged, twin);
        this.out.conflicts.push(stub(local));
        await this.recordMerge(twin.id, res.rule, res.discarded, local, twin, twinRow.updatedBy);
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
      const res = resolveConflict(this.entity.conflict, { base: assumed, local, remote: master, localRole: this.ctx.viewer.role });
      if (res.diverted) return this.divert(master, local);
      candidate = res.doc;
      conflicted = true;
      discarded = res.discarded;
      rule = res.rule;
    }

    // 5. Locked after validation: a crew change of a validated document becomes an adjustment request.
    if (this.entity.conflict.kind === 'locked' && live && isLocked(this.entity.conflict, live, this.ctx.viewer.role) && !sameValue(candidate, live)) {
      return this.divert(live, local);
    }

    // 6. The write policy, on the state that would be stored, then the domains' checks that need other documents.
    const denied = checkWrite(this.entity, this.ctx.viewer, this.view.facts, live, candidate);
    if (denied) return this.reject(incoming, master, denied.code, { field: denied.field });
    const hookCtx = this.hookContext(live);
    const refused = await this.tx.hooks.check(this.entity, candidate, hookCtx);
    if (refused) return this.reject(incoming, master, refused);

    const final = await this.tx.hooks.serverFields(this.entity, candidate, hookCtx);
    if (!master || !sameValue(final, master)) await this.write(final, live);
    if (conflicted) {
      this.out.conflicts.push(this.answer(final, incoming));
      if (discarded.length > 0) await this.recordMerge(id, rule, discarded, local, master!, masterRow?.updatedBy ?? null);
    } else if (!readAs(this.entity, this.view, final, entityByName)) {
      // Applied, but the writer may no longer read it (it moved out of its scope): its replica must drop it.
      this.out.conflicts.push(stub(final));
    }
  }

  /** True when `incoming` is exactly the stored document as this writer reads it (what its pull delivered). */
  private isEcho(incoming: SyncDoc, master: SyncDoc): boolean {
    const seen = readAs(this.entity, this.view, master, entityByName);
    if (!seen) return false;
    return sameValue({ ...incoming, _deleted: parseDeletedFlag(incoming._deleted) === true }, { ...seen, _deleted: master._deleted === true });
  }

  private hookContext(before: SyncDoc | undefined) {
    return this.tx.hookContext({ before, viewer: this.ctx.viewer, deviceTime: this.ctx.deviceTime ?? null });
  }

  private async write(doc: SyncDoc, before: SyncDoc | undefined): Promise<void> {
    await this.tx.write(this.entity, doc, { before, accountId: this.ctx.viewer.accountId, viewer: this.ctx.viewer, deviceTime: this.ctx.deviceTime ?? null });
    const { _deleted, ...fields } = doc;
    this.masters.set(doc.id, { id: doc.id, seq: 0, deleted: _deleted === true, doc: fields, updatedBy: this.ctx.viewer.accountId });
    this.out.written += 1;
  }

  /** Logs a merge that discarded values; the writer is told of those that were its own (the merged notice). */
  private async recordMerge(entityId: string, rule: string, discarded: Discard[], local: SyncDoc, remote: SyncDoc, previous: string | null | undefined): Promise<void> {
    const conflictId = await logConflict(this.tx, {
      entity: this.entity.name, entityId, rule, outcome: 'MERGED', code: null, fields: discarded, local, remote,
      actorAccountIds: [this.ctx.viewer.accountId, ...(previous ? [previous] : [])],
    });
    const hidden = hiddenFor(this.entity, this.ctx.viewer.role);
    const mine = discarded.filter((d) => d.field !== '*' && !hidden.includes(d.field) && sameValue(d.discarded, local[d.field]) && !sameValue(d.kept, local[d.field]));
    if (mine.length > 0) this.out.merged.push({ id: String(local.id), rule, conflictId, fields: mine.map((d) => ({ field: d.field, kept: d.kept, discarded: d.discarded })) });
  }

  /** d. The locked rule: the stored document stays; the writer's change is kept as an adjustment request. */
  private async divert(stored: SyncDoc, proposed: SyncDoc): Promise<void> {
    const events = entityByName('field_events')!;
    const request = adjustmentRequest({ id: uuidv7(), now: this.tx.now, stored, proposed, userId: this.ctx.viewer.userId ?? (stored.userId as string | null) ?? null, reason: 'LOCKED' });
    const event = await this.tx.hooks.serverFields(events, { ...request, _deleted: false }, this.tx.hookContext({ before: undefined, viewer: this.ctx.viewer }));
    await this.tx.write(events, event, { before: undefined, accountId: this.ctx.viewer.accountId, viewer: this.ctx.viewer });
    this.out.diverted.push({ id: stored.id, code: 'LOCKED', eventId: request.id });
    this.out.conflicts.push(this.answer(stored, proposed));
    await logConflict(this.tx, {
      entity: this.entity.name, entityId: stored.id, rule: 'locked', outcome: 'DIVERTED', code: 'LOCKED',
      fields: [{ field: '*', kept: stored, discarded: proposed }], local: proposed, remote: stored, actorAccountIds: [this.ctx.viewer.accountId],
    });
  }
}
