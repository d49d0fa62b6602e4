/**
 * Where the i18n module takes the English catalogue from: the catalogue itself here (server, tests). The client's
 * build replaces this module with client/src/i18n/en-slot.ts, an empty slot, so that English loads on use.
 */
export { EN_CATALOG } from './en-catalog';
