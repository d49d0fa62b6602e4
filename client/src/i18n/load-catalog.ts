import { catalogLoaded, installCatalog, type Locale } from '@coulisses/shared';

/**
 * Makes a locale's catalogue available to translate(): French ships with the app; English is its own chunk (the
 * service worker precaches it, so it loads offline too), fetched the first time it is needed.
 */
export async function ensureCatalog(locale: Locale): Promise<void> {
  if (catalogLoaded(locale)) return;
  const { EN_CATALOG } = await import('@coulisses/shared/i18n/en-catalog');
  installCatalog(locale, EN_CATALOG);
}
