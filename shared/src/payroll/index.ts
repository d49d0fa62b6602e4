/** Payroll preparation from validated timesheets: rate profiles, monthly summary, CSV export (pure). */
export * from './rates';
export * from './monthly';
export * from './inputs';
export * from './csv';
export * from './overlaps';
