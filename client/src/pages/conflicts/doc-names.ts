import type { Locale } from '@coulisses/shared';
import { formatLocalDate } from '@coulisses/shared/i18n/format';

/** A document of the local store as plain JSON. */
export type PlainDoc = Record<string, unknown>;

/** Another local document, by collection and id (undefined when this device does not hold it). */
export type DocLookup = (collection: string, id: string) => PlainDoc | undefined;

/** A document to read from the local store. */
export interface DocRef {
  collection: string;
  id: string;
}

export const NO_DOCS: DocLookup = () => undefined;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const idOf = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const ref = (lookup: DocLookup, collection: string, id: unknown): PlainDoc | undefined => {
  const key = idOf(id);
  return key ? lookup(collection, key) : undefined;
};

/** "A - B" of the parts that are known; null when none is. */
function joined(...parts: (string | null)[]): string | null {
  const known = parts.filter((p): p is string => p !== null);
  return known.length > 0 ? known.join(' - ') : null;
}

/** A person's first and last name. */
export function personName(doc: PlainDoc | undefined): string | null {
  if (!doc) return null;
  return text([text(doc.firstName), text(doc.lastName)].filter(Boolean).join(' '));
}

interface NameContext {
  locale: Locale;
  lookup: DocLookup;
}

type Namer = (doc: PlainDoc, ctx: NameContext) => string | null;

const date = (v: unknown, locale: Locale): string | null => (typeof v === 'string' && v ? formatLocalDate(locale, v) : null);

/**
 * One small function per collection: the words that name one of its documents to a person (never its id).
 * Documents that are about someone or something else are named after them (an assignment: the person and the
 * mission; a timesheet: the person and the day).
 */
const NAMERS: Record<string, Namer> = {
  reference: (d) => text(d.name),
  users: (d) => personName(d),
  projects: (d) => text(d.name),
  missions: (d) => text(d.title),
  assignments: (d, { lookup }) => joined(personName(ref(lookup, 'users', d.userId)), text(ref(lookup, 'missions', d.missionId)?.title)),
  availabilities: (d, { lookup, locale }) => joined(personName(ref(lookup, 'users', d.userId)), date(typeof d.startAt === 'string' ? d.startAt.slice(0, 10) : null, locale)),
  field_events: (d, { lookup }) => joined(personName(ref(lookup, 'users', d.userId)), text(ref(lookup, 'missions', d.missionId)?.title)),
  timesheets: (d, { lookup, locale }) => joined(personName(ref(lookup, 'users', d.userId)), date(d.date, locale)),
  kpi_values: (d, { lookup, locale }) => joined(text(ref(lookup, 'reference', d.kpiId)?.name), date(d.periodStart, locale)),
  action_plans: (d) => text(d.title),
  analytics_slices: (d, { locale }) => joined(text(d.kind), date(d.periodStart, locale)),
  conflicts: () => null,
};

/** The display name of a document, or null when nothing names it (the caller says "document" in words). */
export function docDisplayName(collection: string, doc: PlainDoc | undefined, locale: Locale, lookup: DocLookup = NO_DOCS): string | null {
  if (!doc) return null;
  return NAMERS[collection]?.(doc, { locale, lookup }) ?? null;
}

/** The collections with a display-name function (every registry entity). */
export const NAMED_COLLECTIONS = Object.keys(NAMERS);

/** The other documents a document's name needs (an assignment's person and mission). */
export function nameRefs(collection: string, doc: PlainDoc | undefined): DocRef[] {
  if (!doc) return [];
  const out: DocRef[] = [];
  const add = (c: string, id: unknown) => {
    const key = idOf(id);
    if (key) out.push({ collection: c, id: key });
  };
  switch (collection) {
    case 'assignments':
      add('users', doc.userId);
      add('missions', doc.missionId);
      break;
    case 'field_events':
      add('users', doc.userId);
      add('missions', doc.missionId);
      break;
    case 'availabilities':
    case 'timesheets':
      add('users', doc.userId);
      break;
    case 'kpi_values':
      add('reference', doc.kpiId);
      break;
  }
  return out;
}

/**
 * Fields whose values are ids of other documents, by collection: the collection they point into. Shown as the
 * named document, never as an id. `account` marks login accounts (named from the organisation's members).
 */
export const REF_FIELDS: Record<string, Record<string, string>> = {
  reference: {},
  users: { accountId: 'account', skills: 'reference', teamIds: 'reference' },
  projects: { venueIds: 'reference', managerUserIds: 'users' },
  missions: { projectId: 'projects', venueId: 'reference', teamId: 'reference' },
  assignments: { missionId: 'missions', userId: 'users' },
  availabilities: { userId: 'users' },
  field_events: { userId: 'users', missionId: 'missions', subjectId: 'linked', authorAccountId: 'account' },
  timesheets: { userId: 'users', missionId: 'missions', validatedByAccountId: 'account', punchIds: 'field_events' },
  kpi_values: { kpiId: 'reference', enteredByAccountId: 'account' },
  action_plans: { kpiId: 'reference', ownerUserId: 'users' },
  analytics_slices: {},
  conflicts: { actorAccountIds: 'account' },
};

/** The documents the values of a field point to (for a field of REF_FIELDS). */
export function valueRefs(collection: string, field: string, value: unknown): DocRef[] {
  const target = REF_FIELDS[collection]?.[field];
  if (!target || target === 'account' || target === 'linked') return [];
  const ids = Array.isArray(value) ? value : [value];
  return ids.filter((id): id is string => typeof id === 'string' && id !== '').map((id) => ({ collection: target, id }));
}
