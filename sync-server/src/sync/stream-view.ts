import { entityByName, factsOf, holds, projectForViewer, viewerAtoms, type EntityDef, type SyncDoc, type Viewer, type ViewerFacts } from '@coulisses/shared';
import type { BatchFacts, BatchRow } from './change-batch';

/**
 * What one viewer receives of a change batch: the same decision as the pull's SQL (readScoped), taken in memory.
 * A row the viewer may read (the registry's condition for its role, evaluated by `holds` with the viewer's facts)
 * comes projected to the fields it may read; a row it may not read but lost (its latest scope exit for one of the
 * viewer's atoms) comes as deleted with the last state it could read; anything else is left out.
 */
export function viewOf(entity: EntityDef, viewer: Viewer, facts: ViewerFacts, rows: readonly BatchRow[]): SyncDoc[] {
  const cond = entity.read[viewer.role];
  if (!cond || cond.kind === 'none') return [];
  const view = { viewer, facts: {} };
  const project = (doc: Record<string, unknown>, deleted: boolean) => ({ ...projectForViewer(entity, view, { ...(doc as SyncDoc), _deleted: deleted }, entityByName), _deleted: deleted });
  if (cond.kind === 'all') return rows.map((r) => project(r.doc, r.deleted));
  const atoms = new Set(viewerAtoms(viewer));
  const out: SyncDoc[] = [];
  for (const r of rows) {
    if (holds(cond, r.doc as SyncDoc, viewer, facts)) {
      out.push(project(r.doc, r.deleted));
      continue;
    }
    let exit: BatchRow['exits'][number] | undefined;
    for (const e of r.exits) if (atoms.has(e.atom) && (!exit || e.seq > exit.seq)) exit = e;
    if (exit) out.push(project(exit.doc, true));
  }
  return out;
}

/** The facts a viewer's condition on an entity needs (empty for none). */
export function factsNeeded(entity: EntityDef, viewer: Viewer): string[] {
  return viewer.userId ? factsOf(entity.read[viewer.role]) : [];
}

/** A viewer's facts out of a batch's facts (persons without values get empty sets). */
export function viewerFacts(names: readonly string[], viewer: Viewer, facts: BatchFacts): ViewerFacts {
  const out: Record<string, ReadonlySet<string>> = {};
  for (const name of names) out[name] = (viewer.userId && facts.get(name)?.get(viewer.userId)) || new Set<string>();
  return out;
}
