import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Id, LongText, SafeText, ShortText, StrictBoolean, text } from '../src/entities/common';
import { ENTITIES } from '../src/entities/index';
import { OrgSettingsSchema } from '../src/org/settings';
import { RateProfileDataSchema } from '../src/payroll/rates';
import { MissionTemplateDataSchema } from '../src/planning/templates';
import { UNSAFE_TEXT_MESSAGE } from '../src/sync/json-safety';
import { PunchPayloadSchema } from '../src/timeclock/punch';

const HOSTILE = ['bad\u0000nul', '\u0000', '\ud800', 'x\udc00', '\udbff'];

interface Leaf {
  path: string;
  schema: z.ZodType;
  kind: 'string' | 'boolean';
}

/** Every string and boolean schema inside a zod schema (object fields, arrays, records' keys and values, wrappers). */
function leaves(root: z.ZodType, rootPath: string): Leaf[] {
  const out: Leaf[] = [];
  const stack: { schema: z.ZodType; path: string }[] = [{ schema: root, path: rootPath }];
  while (stack.length > 0) {
    const { schema, path } = stack.pop()!;
    const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
    switch (def.type) {
      case 'string':
        out.push({ path, schema, kind: 'string' });
        break;
      case 'boolean':
        out.push({ path, schema, kind: 'boolean' });
        break;
      case 'object':
        for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) stack.push({ schema: v, path: `${path}.${k}` });
        break;
      case 'array':
        stack.push({ schema: def.element as z.ZodType, path: `${path}[]` });
        break;
      case 'record':
        stack.push({ schema: def.keyType as z.ZodType, path: `${path}{key}` });
        stack.push({ schema: def.valueType as z.ZodType, path: `${path}{}` });
        break;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'readonly':
        stack.push({ schema: def.innerType as z.ZodType, path });
        break;
      case 'pipe':
        stack.push({ schema: def.in as z.ZodType, path });
        break;
      case 'union':
        for (const o of def.options as z.ZodType[]) stack.push({ schema: o, path });
        break;
      case 'intersection':
        stack.push({ schema: def.left as z.ZodType, path }, { schema: def.right as z.ZodType, path });
        break;
      default:
        // enums, literals, numbers, unknown: no free text
        break;
    }
  }
  return out;
}

const SCHEMAS: [string, z.ZodType][] = [
  ...ENTITIES.map((e) => [e.name, e.schema as unknown as z.ZodType] as [string, z.ZodType]),
  ['OrgSettingsSchema', OrgSettingsSchema],
  ['RateProfileDataSchema', RateProfileDataSchema],
  ['MissionTemplateDataSchema', MissionTemplateDataSchema],
  ['PunchPayloadSchema', PunchPayloadSchema],
];

describe('SafeText', () => {
  it.each(HOSTILE.map((s) => [JSON.stringify(s), s]))('refuses %s with the stable message', (_name, value) => {
    for (const schema of [SafeText, text(50), Id, ShortText, ShortText.min(1), LongText]) {
      const r = schema.safeParse(value);
      expect(r.success).toBe(false);
      expect(r.error!.issues.map((i) => i.message)).toContain(UNSAFE_TEXT_MESSAGE);
    }
  });

  it('accepts ordinary text, accents and emoji; keeps the builders working', () => {
    expect(SafeText.parse('R\u00e9gie \ud83c\udfad')).toBe('R\u00e9gie \ud83c\udfad');
    expect(ShortText.min(1).parse('  Montage  ')).toBe('Montage');
    expect(ShortText.safeParse('x'.repeat(201)).success).toBe(false);
    expect(LongText.safeParse('x'.repeat(5001)).success).toBe(false);
    expect(text(3).safeParse('abcd').success).toBe(false);
    expect(Id.safeParse('').success).toBe(false);
    expect(Id.safeParse('0190a0b0-0000-7000-8000-000000000000').success).toBe(true);
  });

  it('StrictBoolean never coerces', () => {
    for (const v of ['false', 'true', 0, 1, null, '']) expect(StrictBoolean.safeParse(v).success).toBe(false);
    expect(StrictBoolean.parse(false)).toBe(false);
  });
});

describe.each(SCHEMAS)('every text and boolean field of %s', (name, schema) => {
  const found = leaves(schema, name);

  it('has text fields that refuse NUL and unpaired surrogates', () => {
    const strings = found.filter((l) => l.kind === 'string');
    for (const leaf of strings) {
      for (const value of HOSTILE) {
        expect(leaf.schema.safeParse(value).success, `${leaf.path} accepted ${JSON.stringify(value)}`).toBe(false);
      }
    }
  });

  it('has boolean fields that refuse the strings "false" and "true"', () => {
    for (const leaf of found.filter((l) => l.kind === 'boolean')) {
      expect(leaf.schema.safeParse('false').success, leaf.path).toBe(false);
      expect(leaf.schema.safeParse('true').success, leaf.path).toBe(false);
    }
  });
});

describe('the walk itself', () => {
  it('finds the text fields of an entity', () => {
    const missions = ENTITIES.find((e) => e.name === 'missions')!;
    const paths = leaves(missions.schema as unknown as z.ZodType, 'missions').filter((l) => l.kind === 'string').map((l) => l.path);
    expect(paths).toEqual(expect.arrayContaining(['missions.id', 'missions.title', 'missions.notes', 'missions.contacts', 'missions.needs[].role', 'missions.needs[].skills[]']));
  });
});
