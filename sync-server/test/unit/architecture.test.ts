import fs from 'node:fs';
import path from 'node:path';
import { ENTITIES, FACTS, conditionalRoles, factTargets, factsOf, type Condition, type EntityDef } from '@coulisses/shared';
import { describe, expect, it } from 'vitest';
import { DOMAIN_HOOKS } from '../../src/domains';

const SRC = path.resolve(__dirname, '../../src');
const DOMAINS = ['org', 'planning', 'timeclock', 'payroll', 'kpi', 'analytics', 'equipment'];
const REGISTRY = ENTITIES as unknown as readonly EntityDef[];

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
}

/** Every field a read condition tests, by entity (the columns the compiled SQL filters on). */
function fieldsOf(cond: Condition): string[] {
  switch (cond.kind) {
    case 'field':
    case 'self':
    case 'selfAccount':
    case 'device':
    case 'fact':
      return [cond.field];
    case 'or':
    case 'and':
      return cond.of.flatMap(fieldsOf);
    default:
      return [];
  }
}

describe('the sync core is a platform', () => {
  it('sync/ imports no domain folder: domains register their hooks in domains.ts', () => {
    const dir = path.join(SRC, 'sync');
    for (const name of fs.readdirSync(dir)) {
      for (const spec of importsOf(path.join(dir, name))) {
        const target = spec.startsWith('.') ? path.relative(SRC, path.resolve(dir, spec)) : '';
        expect(DOMAINS.some((d) => target === d || target.startsWith(`${d}/`)), `${name} imports ${spec}`).toBe(false);
      }
    }
  });

  it('every domain module of hooks is registered once, for entities of the registry', () => {
    const names = new Set(REGISTRY.map((e) => e.name));
    expect(new Set(DOMAIN_HOOKS.map((d) => d.domain)).size).toBe(DOMAIN_HOOKS.length);
    for (const d of DOMAIN_HOOKS) for (const entity of Object.keys(d.entities)) expect(names.has(entity), `${d.domain} hooks ${entity}`).toBe(true);
  });

  it('every field a read condition tests has an index (the migrations), for the compiled pull, counts and facts', () => {
    const sql = fs.readdirSync(path.resolve(SRC, '../../migrations')).map((f) => fs.readFileSync(path.resolve(SRC, '../../migrations', f), 'utf8')).join('\n');
    const indexed = (table: string, field: string) =>
      field === 'id' ||
      new RegExp(`on ${table} \\(org_id, \\(doc->>'${field}'\\)\\)`).test(sql) ||
      new RegExp(`on ${table} using gin \\(\\(doc->'${field}'\\)\\)`).test(sql) ||
      new RegExp(`on ${table} \\(org_id, \\(doc->>'${field}'\\),`).test(sql);
    for (const entity of REGISTRY) {
      for (const role of conditionalRoles(entity)) {
        for (const field of fieldsOf(entity.read[role]!)) {
          // A device condition reads the rows of one kiosk's own events, found by the device chain index.
          if (entity.read[role]!.kind === 'and' || field === 'deviceId') continue;
          expect(indexed(entity.name, field), `${entity.name}.${field} (${role})`).toBe(true);
        }
      }
    }
    for (const fact of FACTS) expect(indexed(fact.from, fact.personField), `${fact.from}.${fact.personField}`).toBe(true);
  });

  it('hidden fields are optional and never writable by the role that may not read them', () => {
    for (const entity of REGISTRY) {
      for (const [role, hidden] of Object.entries(entity.hiddenFields ?? {})) {
        for (const field of hidden ?? []) {
          const shape = (entity.schema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>)[field];
          expect(shape?.safeParse(undefined).success, `${entity.name}.${field} optional`).toBe(true);
          const fields = entity.write[role as keyof typeof entity.write]?.fields;
          expect(fields === undefined || fields === 'all' ? false : fields.includes(field), `${role} writes ${entity.name}.${field}`).toBe(false);
          if (fields === undefined || fields === 'all') expect(entity.write[role as keyof typeof entity.write], `${role} writes all of ${entity.name}`).toBeUndefined();
        }
      }
    }
  });

  it("facts land on documents by id or by an indexed field (their exits are found by it), and every fact a condition uses exists", () => {
    const sql = fs.readdirSync(path.resolve(SRC, '../../migrations')).map((f) => fs.readFileSync(path.resolve(SRC, '../../migrations', f), 'utf8')).join('\n');
    for (const fact of FACTS) {
      for (const t of factTargets(REGISTRY, fact.name)) {
        const ok = t.field === 'id' || new RegExp(`on ${t.entity.name} \\(org_id, \\(doc->>'${t.field}'\\)\\)`).test(sql);
        expect(ok, `${t.entity.name}.${t.field}`).toBe(true);
      }
    }
    for (const entity of REGISTRY) for (const cond of Object.values(entity.read)) for (const name of factsOf(cond)) expect(FACTS.some((f) => f.name === name)).toBe(true);
  });
});
