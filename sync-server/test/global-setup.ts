import type { TestProject } from 'vitest/node';
import { availableBackends } from './helpers/backends';
import { ensureTemplates } from './helpers/template-build';
import { templateKey } from './helpers/template-key';
import './helpers/template-use';

/**
 * Global setup of the integration project (docs/testing.md): the migrated and seeded template of each backend, made
 * once for the run (or reused from an earlier run with the same key), then copied by every startTestServer.
 */
export default async function setup(project: TestProject): Promise<void> {
  const started = Date.now();
  const key = await templateKey();
  const templates = await ensureTemplates(key, await availableBackends());
  project.provide('testTemplates', templates);
  console.warn(`[tests] seeded templates ${key} ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${[templates.pglite && 'pglite', templates.postgres && 'postgres'].filter(Boolean).join(', ')})`);
}
