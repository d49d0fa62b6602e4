/** KPI rules (issue 12), pure: definitions, periods, period status, trend and aggregates. */
export * from './status';
export * from './definition';
export * from './periods';
export * from './period-status';
export * from './trend';
export * from './aggregate';
export * from './documents';
export * from './sharing';
export * from './reporting';
export * from './actions';
export * from './board';
export * from './entry';
