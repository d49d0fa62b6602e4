import fs from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { inject } from 'vitest';
import type { Sql } from '../../src/db/connect';
import { createScratchDatabase, type Backend } from './backends';

/** The seeded templates of this run, made by the integration project's global setup (test/global-setup.ts). */
export interface TestTemplates {
  key: string;
  /** A dumped PGlite data directory (tar) and the database time its seed ended at. */
  pglite?: { file: string; builtAt: string };
  /** A template database on the test Postgres and the database time its seed ended at. */
  postgres?: { name: string; builtAt: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    testTemplates: TestTemplates | null;
  }
}

/** The seeded template of a backend, or undefined when this run has none (a file run outside the project). */
export function seededTemplate(backend: 'pglite'): { file: string; builtAt: string } | undefined;
export function seededTemplate(backend: 'postgres'): { name: string; builtAt: string } | undefined;
export function seededTemplate(backend: Backend): { file: string; builtAt: string } | { name: string; builtAt: string } | undefined {
  let templates: TestTemplates | null | undefined;
  try {
    templates = inject('testTemplates');
  } catch {
    templates = undefined;
  }
  return backend === 'pglite' ? templates?.pglite : templates?.postgres;
}

const snapshots = new Map<string, Promise<Blob>>();

/** The dumped data directory, read once per worker (each PGlite loads its own copy from it). */
export function pgliteSnapshot(file: string): Promise<Blob> {
  let blob = snapshots.get(file);
  if (!blob) {
    blob = fs.readFile(file).then((buf) => new Blob([buf]));
    snapshots.set(file, blob);
  }
  return blob;
}

/**
 * The seed's queued jobs (refreshes, sweeps, purge) were due a few seconds after the seed; in a copy made later
 * they keep that distance from now, as on a database seeded just before the test.
 */
export async function shiftQueuedJobs(sql: Sql, builtAt: string): Promise<void> {
  await sql`update jobs set run_after = run_after + (now() - ${builtAt}::timestamptz) where locked_by is null and dead_at is null`;
}

/**
 * A new database on the test Postgres for a server process with SEED_DEMO=always: a copy of the seeded template
 * (the process's seed then finds the demo data there and adds nothing), or an empty one without a template.
 */
export async function seededScratchDatabase(): Promise<Awaited<ReturnType<typeof createScratchDatabase>>> {
  const template = seededTemplate('postgres');
  const scratch = await createScratchDatabase(template?.name);
  if (template) {
    const sql = postgres(scratch.url, { max: 1, onnotice: () => undefined });
    await shiftQueuedJobs(sql, template.builtAt).finally(() => sql.end());
  }
  return scratch;
}

/** Fills a new on-disk PGlite data directory with the seeded template, for a server process (nothing without one). */
export async function seedDataDir(dataDir: string): Promise<void> {
  const template = seededTemplate('pglite');
  if (!template) return;
  const pglite = await PGlite.create({ dataDir, loadDataDir: await pgliteSnapshot(template.file) });
  try {
    await pglite.query('update jobs set run_after = run_after + (now() - $1::timestamptz) where locked_by is null and dead_at is null', [template.builtAt]);
  } finally {
    await pglite.close();
  }
}
