import { ENTITIES, LOCALES, OrgSettingsSchema, hasKey } from '@coulisses/shared';
import { ENUM_LABELS, ENUM_LABELS_COMPLETE, type EnumName } from '@coulisses/shared/i18n/enums';
import { RateProfileDataSchema } from '@coulisses/shared/payroll/rates';
import { MissionTemplateDataSchema } from '@coulisses/shared/planning/templates';
import { PunchPayloadSchema } from '@coulisses/shared/timeclock/punch';
import { PUNCH_FLAGS, PUNCH_METHODS, PUNCH_SOURCES, PUNCH_TYPES, ROUNDING_MODES, TIME_ANOMALIES } from '@coulisses/shared/timeclock/types';
import { describe, expect, it } from 'vitest';
import { enumLabel } from '../src/i18n/enum-label';
import type { Translate } from '../src/i18n/i18n-context';
import { translate } from '@coulisses/shared';

type Def = { type: string; entries?: Record<string, string>; shape?: Record<string, unknown>; innerType?: unknown; element?: unknown; valueType?: unknown; options?: unknown[]; in?: unknown; out?: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Every z.enum inside a schema (objects, arrays, records, optional, nullable, unions, pipes), with its path. */
function enumsIn(schema: unknown, path: string, out: { path: string; values: string[] }[] = []): { path: string; values: string[] }[] {
  const def = defOf(schema);
  if (def.type === 'enum' && def.entries) out.push({ path, values: Object.values(def.entries) });
  if (def.shape) for (const [k, v] of Object.entries(def.shape)) enumsIn(v, `${path}.${k}`, out);
  for (const inner of [def.innerType, def.element, def.valueType, def.in, def.out]) if (inner) enumsIn(inner, path, out);
  for (const option of def.options ?? []) enumsIn(option, path, out);
  return out;
}

const SCHEMAS: [string, unknown][] = [
  ...ENTITIES.map((e) => [e.name, e.schema] as [string, unknown]),
  ['OrgSettings', OrgSettingsSchema],
  ['PunchPayload', PunchPayloadSchema],
  ['RateProfileData', RateProfileDataSchema],
  ['MissionTemplateData', MissionTemplateDataSchema],
];

/** Constants of shared/ that are enums without (or besides) a z.enum of a registry schema. */
const CONSTANTS: [string, readonly string[]][] = [
  ['PUNCH_TYPES', PUNCH_TYPES],
  ['PUNCH_SOURCES', PUNCH_SOURCES],
  ['PUNCH_METHODS', PUNCH_METHODS],
  ['PUNCH_FLAGS', PUNCH_FLAGS],
  ['TIME_ANOMALIES', TIME_ANOMALIES],
  ['ROUNDING_MODES', ROUNDING_MODES],
];

const entries = Object.entries(ENUM_LABELS) as [EnumName, { key: string; values: readonly string[] }][];
const covered = (values: readonly string[]) => entries.some(([, e]) => values.every((v) => e.values.includes(v)));

describe('enum labels', () => {
  it('are complete at compile time (ENUM_LABELS_COMPLETE)', () => {
    expect(ENUM_LABELS_COMPLETE).toBe(true);
  });

  it('cover every z.enum of the registry, the organisation settings and the time clock payloads', () => {
    const found = SCHEMAS.flatMap(([name, schema]) => enumsIn(schema, name));
    expect(found.length).toBeGreaterThan(25);
    expect(found.filter((f) => !covered(f.values)).map((f) => `${f.path}: ${f.values.join(', ')}`)).toEqual([]);
  });

  it('cover the enum constants of shared/', () => {
    expect(CONSTANTS.filter(([, values]) => !covered(values)).map(([name]) => name)).toEqual([]);
  });

  it('have a label in every language for every value', () => {
    for (const locale of LOCALES) {
      const missing = entries.flatMap(([, e]) => e.values.map((v) => `${e.key}.${v}`)).filter((key) => !hasKey(locale, key));
      expect(missing, locale).toEqual([]);
    }
  });

  it('are shown through enumLabel, an unknown value said as such', () => {
    const t = ((key: string, params?: Record<string, string | number>) => translate('fr', key, params)) as Translate;
    const en = ((key: string, params?: Record<string, string | number>) => translate('en', key, params)) as Translate;
    expect(enumLabel(t, 'employmentType', 'INTERMITTENT')).toBe('Intermittent du spectacle');
    expect(enumLabel(en, 'employmentType', 'FREELANCE')).toBe('Freelance');
    expect(enumLabel(t, 'punchSource', 'PHONE')).toBe('T\u00e9l\u00e9phone');
    expect(enumLabel(t, 'punchSource', 'KIOSK')).toBe('Borne');
    expect(enumLabel(en, 'punchMethod', 'PIN')).toBe('PIN');
    expect(enumLabel(t, 'missionStatus', 'ARCHIVED_LATER')).toBe('Inconnu (ARCHIVED_LATER)');
    expect(enumLabel(t, 'missionStatus', null)).toBe('');
  });
});
