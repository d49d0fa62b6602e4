export * from './org/roles';
export * from './org/navigation';
export * from './errors/codes';
export * from './i18n/index';
export * from './sync/index';
export * from './entities/index';
export { adjustmentRequest } from './entities/timeclock';
export * from './kpi/status';
