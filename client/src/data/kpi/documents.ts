import type { KpiAggregation, KpiBands, KpiFrequency, KpiRuleDirection, KpiSource, KpiTarget } from '@coulisses/shared';
import { KPI_AGGREGATIONS, KPI_DIRECTIONS, KPI_FREQUENCIES, KPI_SOURCES, KPI_THRESHOLD_KINDS, KpiAuto as KpiAutoSchema, dashboardOf, kpiDefinitionOf } from '@coulisses/shared';
import type { ReferenceDoc } from '../types';
import { AUTO_METRICS, DASHBOARD_SHARINGS, type Dashboard, type DashboardSharing, type Kpi, type KpiAuto } from './types';

/**
 * Reading reference documents of kind `dashboard` and `kpi` (the data model of issue 12) with the shared readers
 * (dashboardOf, kpiDefinitionOf). The registry checks their typed data on write; a document the shared reader
 * refuses (an older or newer client's) is still read field by field with safe defaults, so a screen never breaks.
 */
const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : d);
const num = (v: unknown, d: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : d);
const oneOf = <T extends string>(v: unknown, all: readonly T[], d: T): T => ((all as readonly unknown[]).includes(v) ? (v as T) : d);
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

type Top = ReferenceDoc & { ownerUserId?: string | null; sharing?: DashboardSharing; teamIds?: string[] };

export function readDashboard(doc: ReferenceDoc): Dashboard {
  const typed = dashboardOf(doc);
  if (typed) return { id: doc.id, title: typed.title, description: typed.description ?? '', process: typed.process, kpiIds: typed.kpiIds, ownerUserId: typed.ownerUserId, sharing: typed.sharing, teamIds: typed.teamIds, doc };
  const d = doc.data as Record<string, unknown>;
  const top = doc as Top;
  return {
    id: doc.id,
    title: doc.name,
    description: str(d['description']),
    process: str(d['process']),
    kpiIds: ids(d['kpiIds']),
    ownerUserId: top.ownerUserId ?? null,
    sharing: oneOf(top.sharing, DASHBOARD_SHARINGS, 'PRIVATE'),
    teamIds: ids(top.teamIds),
    doc,
  };
}

function readTarget(v: unknown): KpiTarget {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (Array.isArray(v)) {
    return v
      .filter((p): p is { periodStart: string; target: number } => !!p && typeof p === 'object' && typeof (p as { periodStart?: unknown }).periodStart === 'string' && typeof (p as { target?: unknown }).target === 'number')
      .map((p) => ({ periodStart: p.periodStart, target: p.target }));
  }
  return null;
}

function readBands(v: unknown): KpiBands {
  const b = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  return { kind: oneOf(b['kind'], KPI_THRESHOLD_KINDS, 'PERCENT_OF_TARGET'), green: num(b['green'], 100), orange: num(b['orange'], 90) };
}

function readAuto(v: unknown): KpiAuto | null {
  const typed = KpiAutoSchema.safeParse(v);
  if (typed.success) return typed.data;
  if (!v || typeof v !== 'object') return null;
  const a = v as Record<string, unknown>;
  if (!(AUTO_METRICS as readonly unknown[]).includes(a['metric'])) return null;
  const out: KpiAuto = { metric: a['metric'] as KpiAuto['metric'] };
  if (typeof a['projectId'] === 'string') out.projectId = a['projectId'];
  if (typeof a['venueId'] === 'string') out.venueId = a['venueId'];
  return out;
}

export function readKpi(doc: ReferenceDoc): Kpi {
  const d = doc.data as Record<string, unknown>;
  const typed = kpiDefinitionOf(doc);
  if (typed) return { ...typed, id: doc.id, auto: readAuto(d['auto']), doc };
  const top = doc as Top;
  const description = str(d['description']);
  return {
    id: doc.id,
    name: doc.name,
    ...(description ? { description } : {}),
    unit: str(d['unit']),
    decimals: Math.max(0, Math.min(6, Math.round(num(d['decimals'], 0)))),
    frequency: oneOf<KpiFrequency>(d['frequency'], KPI_FREQUENCIES, 'MONTHLY'),
    direction: oneOf<KpiRuleDirection>(d['direction'], KPI_DIRECTIONS, 'UP_IS_BETTER'),
    target: readTarget(d['target']),
    thresholds: readBands(d['thresholds']),
    aggregation: oneOf<KpiAggregation>(d['aggregation'], KPI_AGGREGATIONS, 'LAST'),
    ownerUserId: top.ownerUserId ?? null,
    source: oneOf<KpiSource>(d['source'], KPI_SOURCES, 'MANUAL'),
    active: d['active'] !== false,
    gracePeriodDays: Math.max(0, Math.round(num(d['gracePeriodDays'], 0))),
    auto: readAuto(d['auto']),
    doc,
  };
}
