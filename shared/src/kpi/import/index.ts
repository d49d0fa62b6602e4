/** KPI value import (issue 12, docs/decisions/kpi-import.md): pure cell reading, mapping and row validation. */
export * from './cells';
export * from './rows';
export * from './mapping';
export * from './job';
