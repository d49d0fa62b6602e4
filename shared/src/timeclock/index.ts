/** The time clock rules: worked time, night hours, rounding, timesheet grouping and ids (pure). */
export * from './types';
export * from './attendance';
export * from './presence';
export * from './rounding';
export * from './night';
export * from './worked-time';
export * from './timesheet-build';
export * from './timesheet-id';
export * from './zone-days';
