import { z } from 'zod';
import type { EntityDef } from './registry';

export interface RxJsonSchemaLike {
  title: string;
  description: string;
  version: number;
  primaryKey: string;
  type: 'object';
  properties: Record<string, unknown>;
  required: string[];
  additionalProperties: boolean;
  indexes: (string | string[])[];
}

const DROP = new Set(['$schema', 'format', 'pattern', 'propertyNames', '$id', 'id_']);

function clean(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(clean);
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) if (!DROP.has(k)) out[k] = clean(v);
    return out;
  }
  return node;
}

/**
 * The RxDB JSON schema of an entity, generated from its zod schema (never written twice). Formats and
 * patterns are left to the server, which validates every pushed row with the zod schema itself; indexed
 * strings get the maxLength RxDB needs.
 */
export function toRxJsonSchema(entity: EntityDef): RxJsonSchemaLike {
  const json = clean(z.toJSONSchema(entity.schema, { io: 'input', unrepresentable: 'any' })) as {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  const properties = { ...json.properties };
  const indexed = new Set(entity.indexes.flatMap((i) => (typeof i === 'string' ? [i] : [...i])));
  for (const name of [...indexed, 'id']) {
    const prop = properties[name];
    if (!prop) throw new Error(`${entity.name}: index field ${name} is not in the schema`);
    if (prop.type === 'string' && prop.maxLength === undefined) properties[name] = { ...prop, maxLength: 40 };
  }
  const required = [...(json.required ?? [])];
  for (const name of entity.localRequired ?? []) if (!required.includes(name)) required.push(name);
  for (const name of indexed) if (!required.includes(name)) throw new Error(`${entity.name}: index field ${name} must be required`);
  return {
    title: entity.name,
    description: entity.description,
    version: entity.version,
    primaryKey: 'id',
    type: 'object',
    properties,
    required,
    additionalProperties: false,
    indexes: entity.indexes.map((i) => (typeof i === 'string' ? i : [...i])),
  };
}
