import { describe, expect, it } from 'vitest';
import { ENTITIES, MAX_COLLECTIONS } from '../src/entities/index';
import { toRxJsonSchema } from '../src/sync/rx-schema';
import type { EntityDef } from '../src/sync/registry';

describe('entity registry', () => {
  it('plans the local store within 12 collections (RxDB free build opens 13 at most)', () => {
    expect(ENTITIES.length).toBeLessThanOrEqual(MAX_COLLECTIONS);
    expect(new Set(ENTITIES.map((e) => e.name)).size).toBe(ENTITIES.length);
  });

  it.each(ENTITIES.map((e) => [e.name, e as unknown as EntityDef]))('%s has an RxDB schema generated from its zod schema', (_name, entity) => {
    const schema = toRxJsonSchema(entity);
    expect(schema.primaryKey).toBe('id');
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'updatedAt']));
    expect(schema.properties).not.toHaveProperty('_deleted');
    for (const f of [...entity.serverFields, ...entity.immutable]) expect(Object.keys(schema.properties)).toContain(f);
    expect(entity.name).toMatch(/^[a-z_]+$/);
  });
});
