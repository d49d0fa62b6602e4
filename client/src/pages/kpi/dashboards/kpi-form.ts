import {
  KpiDefinition,
  percentOfTarget,
  targetFor,
  type KpiAggregation,
  type KpiFrequency,
  type KpiRuleDirection,
  type KpiSource,
  type KpiThresholdKind,
} from '@coulisses/shared';
import type { AutoMetricName, Kpi } from '../../../data/kpi/types';
import type { KpiFields } from '../../../data/kpi/writes';

/** The KPI editor's fields as typed (numbers as text: "12,5" is read as 12.5). */
export interface KpiFormValues {
  name: string;
  description: string;
  unit: string;
  decimals: string;
  frequency: KpiFrequency;
  direction: KpiRuleDirection;
  targetMode: 'NONE' | 'FIXED' | 'SERIES';
  target: string;
  series: { periodStart: string; target: string }[];
  thresholdKind: KpiThresholdKind;
  green: string;
  orange: string;
  aggregation: KpiAggregation;
  ownerUserId: string;
  source: KpiSource;
  metric: AutoMetricName | '';
  projectId: string;
  venueId: string;
  grace: string;
  active: boolean;
}

/** Usual bands of a direction (percent of the target), offered when the direction changes. */
export const DEFAULT_BANDS: Record<KpiRuleDirection, { green: string; orange: string }> = {
  UP_IS_BETTER: { green: '100', orange: '90' },
  DOWN_IS_BETTER: { green: '100', orange: '110' },
  CLOSEST_IS_BETTER: { green: '5', orange: '10' },
};

const numText = (n: number) => String(n);

export function kpiFormOf(kpi: Kpi | null, ownerUserId: string | null): KpiFormValues {
  if (!kpi) {
    return {
      name: '',
      description: '',
      unit: '%',
      decimals: '0',
      frequency: 'MONTHLY',
      direction: 'UP_IS_BETTER',
      targetMode: 'FIXED',
      target: '',
      series: [],
      thresholdKind: 'PERCENT_OF_TARGET',
      ...DEFAULT_BANDS.UP_IS_BETTER,
      aggregation: 'AVERAGE',
      ownerUserId: ownerUserId ?? '',
      source: 'MANUAL',
      metric: '',
      projectId: '',
      venueId: '',
      grace: '5',
      active: true,
    };
  }
  const t = kpi.target;
  return {
    name: kpi.name,
    description: kpi.description ?? '',
    unit: kpi.unit,
    decimals: numText(kpi.decimals),
    frequency: kpi.frequency,
    direction: kpi.direction,
    targetMode: t === null ? 'NONE' : typeof t === 'number' ? 'FIXED' : 'SERIES',
    target: typeof t === 'number' ? numText(t) : '',
    series: Array.isArray(t) ? t.map((p) => ({ periodStart: p.periodStart, target: numText(p.target) })) : [],
    thresholdKind: kpi.thresholds.kind,
    green: numText(kpi.thresholds.green),
    orange: numText(kpi.thresholds.orange),
    aggregation: kpi.aggregation,
    ownerUserId: kpi.ownerUserId ?? '',
    source: kpi.source,
    metric: kpi.auto?.metric ?? '',
    projectId: kpi.auto?.projectId ?? '',
    venueId: kpi.auto?.venueId ?? '',
    grace: numText(kpi.gracePeriodDays),
    active: kpi.active,
  };
}

/** "12,5" or "12.5" -> 12.5; null when empty or not a number. */
export function readNumber(text: string): number | null {
  const s = text.trim().replace(/\s/g, '').replace(',', '.');
  if (s === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Field -> an issue code of the catalogue (kpi.issue.<code>). */
export type KpiFormErrors = Partial<Record<'name' | 'unit' | 'decimals' | 'target' | 'bands' | 'grace' | 'metric' | 'form', string>>;

/**
 * Reads the form into KPI fields, checked by the shared KpiDefinition schema (the one the server runs), or the
 * errors by field as stable codes: NAME_REQUIRED, NUMBER, METRIC_REQUIRED, KPI_BANDS_ORDER, KPI_NEGATIVE_BAND...
 */
export function readKpiForm(v: KpiFormValues): { fields: KpiFields } | { errors: KpiFormErrors } {
  const errors: KpiFormErrors = {};
  if (!v.name.trim()) errors.name = 'NAME_REQUIRED';
  const decimals = readNumber(v.decimals);
  if (decimals === null || !Number.isInteger(decimals) || decimals < 0 || decimals > 6) errors.decimals = 'DECIMALS';
  const grace = readNumber(v.grace);
  if (grace === null || !Number.isInteger(grace) || grace < 0 || grace > 366) errors.grace = 'GRACE';
  const green = readNumber(v.green);
  const orange = readNumber(v.orange);
  if (green === null || orange === null) errors.bands = 'NUMBER';
  let target: KpiFields['target'] = null;
  if (v.targetMode === 'FIXED') {
    target = readNumber(v.target);
    if (target === null) errors.target = 'NUMBER';
  } else if (v.targetMode === 'SERIES') {
    const points = v.series.map((p) => ({ periodStart: p.periodStart, target: readNumber(p.target) }));
    if (points.length === 0 || points.some((p) => p.target === null || !p.periodStart)) errors.target = 'SERIES_INCOMPLETE';
    else target = points.map((p) => ({ periodStart: p.periodStart, target: p.target as number }));
  }
  if (v.source === 'AUTOMATIC' && !v.metric) errors.metric = 'METRIC_REQUIRED';
  if (Object.keys(errors).length > 0) return { errors };

  const fields: KpiFields = {
    name: v.name.trim(),
    ...(v.description.trim() ? { description: v.description.trim() } : {}),
    unit: v.unit.trim(),
    decimals: decimals!,
    frequency: v.frequency,
    direction: v.direction,
    target,
    thresholds: { kind: v.thresholdKind, green: green!, orange: orange! },
    aggregation: v.aggregation,
    ownerUserId: v.ownerUserId || null,
    source: v.source,
    active: v.active,
    gracePeriodDays: grace!,
    auto:
      v.source === 'AUTOMATIC' && v.metric
        ? { metric: v.metric, ...(v.projectId ? { projectId: v.projectId } : {}), ...(v.venueId ? { venueId: v.venueId } : {}) }
        : null,
  };
  const { auto: _auto, ...definition } = fields;
  const checked = KpiDefinition.safeParse(definition);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = issue.path[0] === 'thresholds' ? 'bands' : issue.path[0] === 'target' ? 'target' : issue.path[0] === 'name' ? 'name' : issue.path[0] === 'unit' ? 'unit' : 'form';
      if (!errors[field]) errors[field] = issue.message.startsWith('KPI_') ? issue.message : 'INVALID';
    }
    return { errors };
  }
  return { fields };
}

export type BandName = 'GREEN' | 'ORANGE' | 'RED';
/** One band of the preview: its status and its bounds (as values of the KPI, or distances for CLOSEST). */
export interface BandRange {
  band: BandName;
  /** lower and upper bound; null is open. `distance` means the bounds are distances from the target. */
  from: number | null;
  to: number | null;
  distance: boolean;
}

/**
 * The bands as value ranges for the preview, with the target of `period` for percent bands (and CLOSEST);
 * null when the bands need a target and there is none, or the numbers are not read yet.
 */
export function bandRanges(v: KpiFormValues, period: string): BandRange[] | null {
  const green = readNumber(v.green);
  const orange = readNumber(v.orange);
  if (green === null || orange === null) return null;
  let target: number | null = null;
  if (v.targetMode === 'FIXED') target = readNumber(v.target);
  else if (v.targetMode === 'SERIES') {
    const pts = v.series.map((p) => ({ periodStart: p.periodStart, target: readNumber(p.target) })).filter((p): p is { periodStart: string; target: number } => p.target !== null && !!p.periodStart).sort((a, b) => a.periodStart.localeCompare(b.periodStart));
    target = targetFor(pts, period) ?? pts[0]?.target ?? null;
  }
  const percent = v.thresholdKind === 'PERCENT_OF_TARGET';
  if (v.direction === 'CLOSEST_IS_BETTER') {
    if (target === null) return null;
    const scale = percent ? Math.abs(target) / 100 : 1;
    return [
      { band: 'GREEN', from: 0, to: green * scale, distance: true },
      { band: 'ORANGE', from: green * scale, to: orange * scale, distance: true },
      { band: 'RED', from: orange * scale, to: null, distance: true },
    ];
  }
  if (percent && target === null) return null;
  const g = percent ? percentOfTarget(target!, green) : green;
  const o = percent ? percentOfTarget(target!, orange) : orange;
  if (v.direction === 'UP_IS_BETTER') {
    return [
      { band: 'GREEN', from: g, to: null, distance: false },
      { band: 'ORANGE', from: o, to: g, distance: false },
      { band: 'RED', from: null, to: o, distance: false },
    ];
  }
  return [
    { band: 'GREEN', from: null, to: g, distance: false },
    { band: 'ORANGE', from: g, to: o, distance: false },
    { band: 'RED', from: o, to: null, distance: false },
  ];
}
