import { EQUIPMENT_CATEGORIES } from '../equipment/documents';
import { INCIDENT_CATEGORIES, INCIDENT_SEVERITIES } from '../equipment/incidents';
import { ACTION_PLAN_KINDS, ACTION_PLAN_STATUSES, KPI_STATUSES } from '../entities/kpi';
import { KPI_AGGREGATIONS, KPI_DIRECTIONS, KPI_SOURCES, KPI_THRESHOLD_KINDS } from '../kpi/definition';
import { DASHBOARD_SHARING, IMPORT_JOB_STATUSES, IMPORT_MODES, KPI_AUTO_METRICS } from '../kpi/documents';
import { KPI_PERIOD_STATUSES } from '../kpi/period-status';
import { KPI_FREQUENCIES } from '../kpi/periods';
import { EMPLOYMENT_TYPES, REFERENCE_KINDS } from '../entities/org';
import { ASSIGNMENT_STATUSES, MISSION_STATUSES, MISSION_TYPES, PROJECT_STATUSES, assignments, availabilities } from '../entities/planning';
import { conflicts } from '../entities/sync';
import { FIELD_EVENT_KINDS, TIMESHEET_SOURCES, TIMESHEET_STATUSES, TIMESHEET_TYPES } from '../entities/timeclock';
import { ROLES } from '../org/roles';
import { OrgSettingsSchema } from '../org/settings';
import { OVERLAP_ANOMALY } from '../payroll/overlaps';
import { RATE_MODES, RATE_TARGETS } from '../payroll/rates';
import { PunchPayloadSchema } from '../timeclock/punch';
import { ROUNDING_SCOPES } from '../timeclock/rounding';
import { PUNCH_FLAGS, PUNCH_METHODS, PUNCH_SOURCES, PUNCH_TYPES, ROUNDING_MODES, TIME_ANOMALIES } from '../timeclock/types';
import type { PlainKey } from './index';

const settings = OrgSettingsSchema.shape;

/**
 * Every enumeration of shared/ that a screen may show, with the catalogue prefix of its labels: the label of a
 * value is `<key>.<VALUE>`. Screens show an enum only through enumLabel() (client/src/i18n/enum-label.ts), never
 * the raw value; the unit test client/test/enum-labels.test.ts walks every registry schema and the settings and
 * fails on an enum missing here or a value without a label in a language.
 */
export const ENUM_LABELS = {
  role: { key: 'roles', values: ROLES },
  employmentType: { key: 'plan.employmentTypes', values: EMPLOYMENT_TYPES },
  referenceKind: { key: 'conflicts.referenceKinds', values: REFERENCE_KINDS },
  projectStatus: { key: 'projects.statuses', values: PROJECT_STATUSES },
  missionStatus: { key: 'plan.missionStatuses', values: MISSION_STATUSES },
  missionType: { key: 'plan.missionTypes', values: MISSION_TYPES },
  assignmentStatus: { key: 'plan.assignmentStatuses', values: ASSIGNMENT_STATUSES },
  assignmentActor: { key: 'planAssign.actors', values: assignments.schema.shape.statusChangedBy.options },
  availabilityKind: { key: 'plan.availabilityKinds', values: availabilities.schema.shape.kind.options },
  availabilityStatus: { key: 'plan.availabilityStatuses', values: availabilities.schema.shape.status.options },
  fieldEventKind: { key: 'enums.fieldEventKind', values: FIELD_EVENT_KINDS },
  timesheetType: { key: 'plan.missionTypes', values: TIMESHEET_TYPES },
  timesheetSource: { key: 'timeclock.source', values: TIMESHEET_SOURCES },
  timesheetStatus: { key: 'timeclock.status', values: TIMESHEET_STATUSES },
  timeAnomaly: { key: 'timeclock.anomalies', values: [...TIME_ANOMALIES, OVERLAP_ANOMALY] as const },
  punchType: { key: 'timeclock.punchTypes', values: PUNCH_TYPES },
  punchSource: { key: 'enums.punchSource', values: PUNCH_SOURCES },
  punchMethod: { key: 'enums.punchMethod', values: PUNCH_METHODS },
  punchFlag: { key: 'timeclock.flags', values: PUNCH_FLAGS },
  geofenceVerdict: { key: 'enums.geofenceVerdict', values: PunchPayloadSchema.shape.geofence.unwrap().options },
  kpiStatus: { key: 'enums.kpiStatus', values: KPI_STATUSES },
  actionPlanStatus: { key: 'enums.actionPlanStatus', values: ACTION_PLAN_STATUSES },
  actionPlanKind: { key: 'enums.actionPlanKind', values: ACTION_PLAN_KINDS },
  kpiPeriodStatus: { key: 'enums.kpiPeriodStatus', values: KPI_PERIOD_STATUSES },
  kpiFrequency: { key: 'enums.kpiFrequency', values: KPI_FREQUENCIES },
  kpiDirection: { key: 'enums.kpiDirection', values: KPI_DIRECTIONS },
  kpiAggregation: { key: 'enums.kpiAggregation', values: KPI_AGGREGATIONS },
  kpiSource: { key: 'enums.kpiSource', values: KPI_SOURCES },
  kpiThresholdKind: { key: 'enums.kpiThresholdKind', values: KPI_THRESHOLD_KINDS },
  kpiAutoMetric: { key: 'enums.kpiAutoMetric', values: KPI_AUTO_METRICS },
  dashboardSharing: { key: 'enums.dashboardSharing', values: DASHBOARD_SHARING },
  importJobStatus: { key: 'enums.importJobStatus', values: IMPORT_JOB_STATUSES },
  importMode: { key: 'enums.importMode', values: IMPORT_MODES },
  conflictOutcome: { key: 'conflicts.outcomes', values: conflicts.schema.shape.outcome.options },
  rateMode: { key: 'timeclock.rates.modes', values: RATE_MODES },
  rateTarget: { key: 'timeclock.rates.targets', values: RATE_TARGETS },
  convention: { key: 'enums.convention', values: settings.convention.options },
  overlapPolicy: { key: 'enums.overlapPolicy', values: settings.overlapPolicy.options },
  nightProfile: { key: 'enums.nightProfile', values: settings.nightProfile.options },
  roundingMode: { key: 'enums.roundingMode', values: ROUNDING_MODES },
  roundingScope: { key: 'enums.roundingScope', values: ROUNDING_SCOPES },
  geofenceMode: { key: 'enums.geofenceMode', values: settings.geofenceMode.options },
  kioskRosterPolicy: { key: 'enums.kioskRosterPolicy', values: settings.kioskRosterPolicy.options },
  // Equipment (issue 13): labels in {fr,en}.equipment.json.
  equipmentCategory: { key: 'equipment.categories', values: EQUIPMENT_CATEGORIES },
  incidentCategory: { key: 'equipment.incidentCategories', values: INCIDENT_CATEGORIES },
  incidentSeverity: { key: 'equipment.severities', values: INCIDENT_SEVERITIES },
} as const;

export type EnumName = keyof typeof ENUM_LABELS;
export type EnumValue<N extends EnumName> = (typeof ENUM_LABELS)[N]['values'][number];
type LabelKey<N extends EnumName> = `${(typeof ENUM_LABELS)[N]['key']}.${EnumValue<N>}`;

/** Compile-time check: every value of every enum has a key in the French catalogue (the type names the missing ones). */
type MissingLabels = { [N in EnumName]: Exclude<LabelKey<N>, PlainKey> }[EnumName];
export const ENUM_LABELS_COMPLETE: [MissingLabels] extends [never] ? true : MissingLabels = true;

/**
 * The catalogue key of an enum value, or null for a value the enum does not have (a newer server's, bad data).
 * The cast is sound: ENUM_LABELS_COMPLETE checks every `<key>.<VALUE>` against the catalogue's keys.
 */
export function enumLabelKey(name: EnumName, value: string): PlainKey | null {
  const entry = ENUM_LABELS[name];
  return (entry.values as readonly string[]).includes(value) ? (`${entry.key}.${value}` as PlainKey) : null;
}
