/**
 * Display formatting lives in shared/src/i18n/format.ts so that the server's exports (issue 13, server-made CSV)
 * write the same figures as the page; this module keeps the client's import path.
 */
export * from '@coulisses/shared/i18n/format';
