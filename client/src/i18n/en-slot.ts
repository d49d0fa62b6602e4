import type { Catalog } from '@coulisses/shared';

/**
 * The client build's stand-in for shared/src/i18n/en-slot.ts (client/vite.config.ts): an empty English catalogue,
 * filled by load-catalog.ts when English is chosen, so that the French-first app does not ship both languages.
 */
export const EN_CATALOG: Catalog = {};
