import { sha256Hex } from '../crypto/sha256';
import { holds } from './conditions';
import type { EntityDef } from './registry';
import type { Condition, FactDef, SyncDoc, SyncRole, Viewer, ViewerFacts } from './types';

/**
 * The read-scope decision, in one place: which rows a viewer may read (the registry's `read` conditions, the same
 * ones the server compiles to SQL), which fields of them (`hiddenFields`), how embedded documents are shown
 * (`embeds`), who loses access when a document changes (scope exits) and the signature of a viewer's scope.
 */

/** The viewer and the facts its conditions need. */
export interface ReadView {
  viewer: Viewer;
  facts: ViewerFacts;
}

export type EntityLookup = (name: string) => EntityDef | undefined;

/** The fields a role may not read of an entity. */
export function hiddenFor(entity: EntityDef, role: SyncRole): readonly string[] {
  return entity.hiddenFields?.[role] ?? [];
}

/** The document without the fields the role may not read (the same object when nothing is hidden). */
export function withoutHidden(entity: EntityDef, role: SyncRole, doc: SyncDoc): SyncDoc {
  const hidden = hiddenFor(entity, role);
  if (hidden.length === 0 || !hidden.some((f) => f in doc)) return doc;
  const out: SyncDoc = { ...doc };
  for (const f of hidden) delete out[f];
  return out;
}

/** May this viewer read this row (the registry's condition for its role)? */
export function mayRead(entity: EntityDef, view: ReadView, doc: SyncDoc): boolean {
  const cond = entity.read[view.viewer.role];
  return cond ? holds(cond, doc, view.viewer, view.facts) : false;
}

/**
 * The document as this viewer may see it: its readable fields, and embedded documents of other entities shown
 * only as the viewer may read those (else null, and their per-field values too). Call it on rows the viewer may
 * read (mayRead or the compiled SQL said so). Embedded states are judged on their own content and the viewer's
 * identity, without facts: a stored entry must read the same tomorrow as today (a replica keeps it), so a state
 * readable only through an assignment is not shown in it.
 */
export function projectForViewer(entity: EntityDef, view: ReadView, doc: SyncDoc, lookup: EntityLookup): SyncDoc {
  let out = withoutHidden(entity, view.viewer.role, doc);
  const embeds = entity.embeds;
  if (!embeds) return out;
  view = { viewer: view.viewer, facts: {} };
  const target = lookup(String(out[embeds.entityField] ?? ''));
  out = { ...out };
  let anyReadable = false;
  for (const f of embeds.docFields) {
    const inner = out[f];
    if (!inner || typeof inner !== 'object' || Array.isArray(inner)) continue;
    const innerDoc = inner as SyncDoc;
    if (target && mayRead(target, view, innerDoc)) {
      out[f] = withoutHidden(target, view.viewer.role, innerDoc);
      anyReadable = true;
    } else out[f] = null;
  }
  if (embeds.valuesField && Array.isArray(out[embeds.valuesField])) {
    const hidden = target ? hiddenFor(target, view.viewer.role) : [];
    out[embeds.valuesField] = (out[embeds.valuesField] as Record<string, unknown>[])
      .filter((v) => !hidden.includes(String(v.field)))
      .map((v) => {
        if (!anyReadable) return { ...v, kept: null, discarded: null };
        if (v.field !== '*' || !target) return v;
        const whole = (x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? withoutHidden(target, view.viewer.role, x as SyncDoc) : x);
        return { ...v, kept: whole(v.kept), discarded: whole(v.discarded) };
      });
  }
  return out;
}

/** The document as the viewer may see it, or null when the viewer may not read it at all. */
export function readAs(entity: EntityDef, view: ReadView, doc: SyncDoc, lookup: EntityLookup): SyncDoc | null {
  return mayRead(entity, view, doc) ? projectForViewer(entity, view, doc, lookup) : null;
}

/**
 * Audience atoms of a document under one role's condition: who may read it, named so that a viewer can match them
 * (see viewerAtoms): `r:<ROLE>` every viewer of the role, `u:<userId>` the viewer whose person it is,
 * `a:<accountId>` that account, `d:<deviceId>` that device. Facts are left out (their exits come from the
 * fact's source documents); `and` is approximated by the union of its parts when every part has an audience.
 */
export function audience(cond: Condition, doc: SyncDoc, role: SyncRole): Set<string> {
  switch (cond.kind) {
    case 'all':
      return new Set([`r:${role}`]);
    case 'none':
    case 'fact':
      return new Set();
    case 'field':
      return holds(cond, doc, { role, accountId: '', userId: null }) ? new Set([`r:${role}`]) : new Set();
    case 'self':
      return typeof doc[cond.field] === 'string' ? new Set([`u:${doc[cond.field] as string}`]) : new Set();
    case 'selfIn': {
      const v = doc[cond.field];
      return new Set((Array.isArray(v) ? v : []).filter((x): x is string => typeof x === 'string').map((x) => `u:${x}`));
    }
    case 'selfAccount': {
      const v = doc[cond.field];
      const list = Array.isArray(v) ? v : [v];
      return new Set(list.filter((x): x is string => typeof x === 'string').map((x) => `a:${x}`));
    }
    case 'device':
      return typeof doc[cond.field] === 'string' ? new Set([`d:${doc[cond.field] as string}`]) : new Set();
    case 'or':
      return new Set(cond.of.flatMap((c) => [...audience(c, doc, role)]));
    case 'and': {
      const parts = cond.of.map((c) => audience(c, doc, role));
      return parts.every((p) => p.size > 0) ? new Set(parts.flatMap((p) => [...p])) : new Set();
    }
  }
}

/** The atoms that designate a viewer (see audience). */
export function viewerAtoms(viewer: Viewer): string[] {
  const atoms = [`r:${viewer.role}`, `a:${viewer.accountId}`];
  if (viewer.userId) atoms.push(`u:${viewer.userId}`);
  if (viewer.deviceId) atoms.push(`d:${viewer.deviceId}`);
  return atoms;
}

/** Roles whose read condition on the entity depends on the document (neither everything nor nothing). */
export function conditionalRoles(entity: EntityDef): SyncRole[] {
  return (Object.entries(entity.read) as [SyncRole, Condition][]).filter(([, c]) => c.kind !== 'all' && c.kind !== 'none').map(([r]) => r);
}

/**
 * Who loses read access when a document changes from `before` to `after` (both states; a deleted row keeps its
 * last content and stays readable as such): the atoms of the audience of `before` that `after` does not have.
 */
export function scopeExits(entity: EntityDef, before: SyncDoc | undefined, after: SyncDoc): string[] {
  if (!before || before._deleted) return [];
  const out = new Set<string>();
  for (const role of conditionalRoles(entity)) {
    const cond = entity.read[role]!;
    const was = audience(cond, before, role);
    if (was.size === 0) continue;
    const is = audience(cond, after, role);
    for (const atom of was) if (!is.has(atom)) out.add(atom);
  }
  return [...out];
}

/** A document that leaves a person's scope because a fact's source document stopped counting. */
export interface FactExit {
  fact: FactDef;
  /** The person who loses it. */
  userId: string;
  /** The fact's value: the id of the document that leaves (for conditions on `id`). */
  value: string;
}

/** The persons for whom a source document counts in a fact (its person field: one id, or an array of ids). */
function personsOf(fact: FactDef, doc: SyncDoc | undefined): string[] {
  if (!doc || doc._deleted || typeof doc[fact.valueField] !== 'string') return [];
  if (!holds(fact.when, doc, { role: 'ADMIN', accountId: '', userId: null })) return [];
  const p = doc[fact.personField];
  if (fact.personArray) return (Array.isArray(p) ? p : []).filter((x): x is string => typeof x === 'string');
  return typeof p === 'string' ? [p] : [];
}

/**
 * The fact exits a write of a source document causes (an active assignment cancelled, deleted or moved; a person
 * removed from the readers of a shared KPI): one per person who counted before and no longer does for that value.
 */
export function factExits(facts: readonly FactDef[], entityName: string, before: SyncDoc | undefined, after: SyncDoc): FactExit[] {
  const out: FactExit[] = [];
  for (const fact of facts) {
    if (fact.from !== entityName) continue;
    const was = personsOf(fact, before);
    if (was.length === 0) continue;
    const value = before![fact.valueField] as string;
    const still = after[fact.valueField] === value ? new Set(personsOf(fact, after)) : new Set<string>();
    for (const userId of was) if (!still.has(userId)) out.push({ fact, userId, value });
  }
  return out;
}

/** The entities (and the field) whose read conditions use a fact: where its exits land. */
export function factTargets(entities: readonly EntityDef[], factName: string): { entity: EntityDef; field: string }[] {
  const out: { entity: EntityDef; field: string }[] = [];
  const walk = (entity: EntityDef, c: Condition) => {
    if (c.kind === 'fact' && c.fact === factName && !out.some((o) => o.entity === entity && o.field === c.field)) out.push({ entity, field: c.field });
    if (c.kind === 'or' || c.kind === 'and') for (const x of c.of) walk(entity, x);
  };
  for (const e of entities) for (const c of Object.values(e.read)) if (c) walk(e, c);
  return out;
}

/** Bump when the meaning of read scopes changes in a way the registry text does not show. */
const READ_MODEL_VERSION = 1;
const registryPart = new WeakMap<readonly EntityDef[], Map<SyncRole, string>>();

/**
 * The signature of a viewer's read scope: its role, its person, its device, and the registry's read conditions
 * and hidden fields for that role. A checkpoint carries it; when it changes (a role change, a person linked to or
 * unlinked from the account, a new registry), what the replica holds was computed for another scope and the pull
 * answers 410 SCOPE_CHANGED so the client starts that collection again.
 */
export function scopeSignature(viewer: Viewer, entities: readonly EntityDef[]): string {
  let byRole = registryPart.get(entities);
  if (!byRole) {
    byRole = new Map();
    registryPart.set(entities, byRole);
  }
  let part = byRole.get(viewer.role);
  if (part === undefined) {
    part = JSON.stringify(entities.map((e) => [e.name, e.read[viewer.role] ?? null, e.hiddenFields?.[viewer.role] ?? []]));
    byRole.set(viewer.role, part);
  }
  return sha256Hex(`${READ_MODEL_VERSION}|${viewer.role}|${viewer.userId ?? ''}|${viewer.deviceId ?? ''}|${part}`).slice(0, 16);
}
