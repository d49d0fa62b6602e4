import { entityByName, hasKey, translate, type Locale } from '@coulisses/shared';
import { enumLabelKey, type EnumName } from '@coulisses/shared/i18n/enums';
import { formatCount, formatInZone, formatLocalDate } from '@coulisses/shared/i18n/format';
import { REF_FIELDS, docDisplayName, type DocLookup } from './doc-names';

/** What a field holds, read from the entity's zod schema. */
export type FieldKind = 'instant' | 'date' | 'boolean' | 'enum' | 'number' | 'list' | 'object' | 'text' | 'unknown';

export interface FieldShape {
  kind: FieldKind;
  optional: boolean;
  nullable: boolean;
}

/** The little of a zod 4 schema's definition read here. */
interface ZodDefLike {
  def?: { type?: string; innerType?: ZodDefLike; format?: string | null };
}

const UNKNOWN: FieldShape = { kind: 'unknown', optional: true, nullable: true };

/** The kind of a field of a registry entity, and whether it may be absent (optional) or null (nullable). */
export function fieldShape(collection: string, field: string): FieldShape {
  const shape = (entityByName(collection)?.schema as unknown as { shape?: Record<string, ZodDefLike> } | undefined)?.shape;
  let node = shape?.[field];
  if (!node) return UNKNOWN;
  let optional = false;
  let nullable = false;
  while (node?.def?.type === 'optional' || node?.def?.type === 'nullable' || node?.def?.type === 'default') {
    if (node.def.type === 'nullable') nullable = true;
    else optional = true;
    node = node.def.innerType;
  }
  const def = node?.def;
  let kind: FieldKind = 'unknown';
  switch (def?.type) {
    case 'string':
      kind = def.format === 'datetime' ? 'instant' : def.format === 'date' ? 'date' : 'text';
      break;
    case 'boolean':
      kind = 'boolean';
      break;
    case 'enum':
      kind = 'enum';
      break;
    case 'number':
      kind = 'number';
      break;
    case 'array':
      kind = 'list';
      break;
    case 'object':
    case 'record':
      kind = 'object';
      break;
  }
  return { kind, optional, nullable };
}

/** The catalogue key of a field's label: fields.<collection>.<field>. */
export function fieldLabelKey(collection: string, field: string): string {
  return `fields.${collection}.${field}`;
}

/** A field named in words; a field the catalogue does not know (a newer server) shows as "another field". */
export function fieldLabel(locale: Locale, collection: string, field: string): string {
  const key = fieldLabelKey(collection, field);
  return hasKey(locale, key) ? translate(locale, key) : translate(locale, 'conflicts.otherField');
}

/** The enum (shared/src/i18n/enums.ts) of a field whose values are labelled in the catalogues. */
const FIELD_ENUMS: Record<string, Record<string, EnumName>> = {
  reference: { kind: 'referenceKind' },
  users: { employmentType: 'employmentType' },
  projects: { status: 'projectStatus' },
  missions: { status: 'missionStatus', type: 'missionType' },
  assignments: { status: 'assignmentStatus', statusChangedBy: 'assignmentActor' },
  availabilities: { status: 'availabilityStatus', kind: 'availabilityKind' },
  timesheets: { status: 'timesheetStatus', source: 'timesheetSource', type: 'timesheetType', anomalies: 'timeAnomaly' },
  field_events: { kind: 'fieldEventKind', flags: 'punchFlag' },
  kpi_values: { status: 'kpiStatus' },
  action_plans: { status: 'actionPlanStatus' },
  conflicts: { outcome: 'conflictOutcome' },
};

/** Fields counted in minutes. */
const MINUTE_FIELDS = new Set(['breakMinutes', 'workedMinutes', 'paidMinutes', 'roundedMinutes', 'nightMinutes', 'plannedMinutes']);

export interface FormatContext {
  locale: Locale;
  /** The organisation's time zone: instants are shown there. */
  timeZone: string | null | undefined;
  lookup: DocLookup;
  /** Login account id to member name (empty offline). */
  accounts: Map<string, string>;
}

/** The conflict rule's word for a deleted document, in place of a kept value. */
const DELETED = '(deleted)';

const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

function truncate(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

function labelOf(locale: Locale, name: EnumName | undefined, value: string): string {
  const key = name ? enumLabelKey(name, value) : null;
  return key ? translate(locale, key) : value;
}

function refName(target: string, id: string, ctx: FormatContext): string {
  const { locale } = ctx;
  if (target === 'account') return ctx.accounts.get(id) ?? translate(locale, 'conflicts.unknownAccount');
  if (target === 'linked') return translate(locale, 'conflicts.linkedDoc');
  const doc = ctx.lookup(target, id);
  if (!doc) return translate(locale, 'conflicts.unknownDoc');
  return docDisplayName(target, doc, locale, ctx.lookup) ?? translate(locale, `conflicts.entityOne.${target}`);
}

/** One element of a list or a plain value, in words. */
function scalarText(collection: string, field: string, kind: FieldKind, value: unknown, ctx: FormatContext): string {
  const { locale } = ctx;
  const target = REF_FIELDS[collection]?.[field];
  if (target && typeof value === 'string') return refName(target, value, ctx);
  if (typeof value === 'boolean') return translate(locale, value ? 'conflicts.yes' : 'conflicts.no');
  if (typeof value === 'number') {
    return MINUTE_FIELDS.has(field) ? translate(locale, 'conflicts.minutes', { count: formatCount(locale, value) }) : formatCount(locale, value);
  }
  if (typeof value === 'string') {
    if (kind === 'instant') return formatInZone(locale, value, ctx.timeZone);
    if (kind === 'date') return formatLocalDate(locale, value);
    return labelOf(locale, FIELD_ENUMS[collection]?.[field], value);
  }
  if (collection === 'missions' && field === 'needs' && typeof value === 'object' && value !== null) {
    const need = value as { role?: unknown; count?: unknown };
    return translate(locale, 'conflicts.need', { role: String(need.role ?? ''), count: typeof need.count === 'number' ? need.count : 0 });
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v)}`)
      .join('; ');
  }
  return String(value);
}

/**
 * A field's value in words, for a person: instants in the organisation's zone, dates and numbers the
 * language's way, yes or no, enum values by their labels, ids as the documents they name, lists joined. Null
 * for an empty value (the caller says "(empty)" in words).
 */
export function formatFieldValue(collection: string, field: string, value: unknown, ctx: FormatContext): string | null {
  if (isEmpty(value)) return null;
  if (value === DELETED) return translate(ctx.locale, 'conflicts.deletedValue');
  const { kind } = fieldShape(collection, field);
  if (Array.isArray(value)) return truncate(value.map((v) => scalarText(collection, field, kind, v, ctx)).join(', '));
  return truncate(scalarText(collection, field, kind, value, ctx));
}
