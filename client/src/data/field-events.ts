import type { DocOf, fieldEvents } from '@coulisses/shared';
import { useCollectionQuery, type CollectionQueryResult } from '../sync/useCollectionQuery';

export type FieldEventDoc = DocOf<typeof fieldEvents>;

/** Field events of a kind (punches, adjustment requests), optionally of one person. */
export function useFieldEvents(kind: FieldEventDoc['kind'], userId?: string): CollectionQueryResult<FieldEventDoc> {
  const selector: Record<string, unknown> = userId ? { kind, userId } : { kind };
  return useCollectionQuery<FieldEventDoc>('field_events', { selector });
}
