import postgres from 'postgres';

export type Backend = 'pglite' | 'postgres';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** PGlite always; the machine's Postgres too when TEST_DATABASE_URL answers (said once on stderr when not). */
export async function availableBackends(): Promise<Backend[]> {
  const sql = postgres(TEST_DATABASE_URL, { max: 1, connect_timeout: 3, onnotice: () => undefined });
  try {
    await sql`select 1`;
    return ['pglite', 'postgres'];
  } catch (err) {
    console.warn(`[tests] Postgres at ${TEST_DATABASE_URL} does not answer (${(err as Error).message}); running on PGlite only`);
    return ['pglite'];
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
}

/** The URL of another database on the test Postgres. */
export function databaseUrlFor(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Creates a fresh database for one test run on the test Postgres, empty or a copy of `template` (a migrated and
 * seeded template, template-build.ts); drop() removes it.
 */
export async function createScratchDatabase(template?: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cc_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(template ? `create database ${name} template ${template}` : `create database ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrlFor(name),
    async drop() {
      const a = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => undefined });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
