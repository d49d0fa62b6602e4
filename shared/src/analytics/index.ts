export * from './dashboard-types';
export { computeDashboard, dashboardDeltas, prepareSlices, type PreparedSlices } from './dashboard';
export { AnalyticsFiltersSchema, CompareModeSchema, DASHBOARD_MAX_DAYS, normaliseFilters } from './filters';
export { comparisonPeriod, dateOfDay, dayNumber, monthsOf, periodOf, sameDateLastYear } from './periods';
