import { reference, uuidv7 } from '@coulisses/shared';
import type { ReferenceDoc, ReferenceKind } from '../types';

/** A new reference document (venue, team, skill, mission template), checked against the registry schema. */
export function newReference(kind: ReferenceKind, name: string, data: Record<string, unknown> = {}, now: Date = new Date(), id: string = uuidv7(now.getTime())): ReferenceDoc {
  return reference.schema.parse({ id, updatedAt: now.toISOString(), kind, name: name.trim(), archived: false, data });
}

/** The address of a venue (data.address), or ''. */
export function venueAddress(doc: Pick<ReferenceDoc, 'data'>): string {
  const a = doc.data['address'];
  return typeof a === 'string' ? a : '';
}

/** The live (not archived) documents, for pickers. */
export function liveOnly<T extends { archived: boolean }>(docs: readonly T[]): T[] {
  return docs.filter((d) => !d.archived);
}
