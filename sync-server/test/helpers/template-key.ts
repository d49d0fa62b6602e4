import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config';

/**
 * What the seeded test template is made of (docs/testing.md): the migrations, the server and shared code (the seed
 * writes through the sync core, its hooks and the analytics rebuild), the PGlite version (package-lock.json) and
 * the helpers that build it. A change to any of them names a new template, so a stale one is never used.
 */
const SOURCES = ['migrations', 'sync-server/src', 'shared/src', 'package-lock.json', 'sync-server/test/helpers/template-build.ts', 'sync-server/test/helpers/demo-unlink.ts'];

/**
 * The demo season is placed around the time it is seeded (Europe/Paris days): a template serves the runs of one
 * block of this many hours of a Paris day, then the next run builds a new one.
 */
export const TEMPLATE_HOURS = 4;

/** `<12 hex of the sources' hash>_<Paris day>h<first hour of the block>`, e.g. `3fa2c81be07d_20261206h04`. */
export async function templateKey(now: Date = new Date()): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await listFiles(SOURCES)) {
    hash.update(file).update('\0').update(await fs.readFile(path.join(REPO_ROOT, file))).update('\0');
  }
  return `${hash.digest('hex').slice(0, 12)}_${parisBlock(now)}`;
}

function parisBlock(now: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const hour = Math.floor(Number(parts.hour) / TEMPLATE_HOURS) * TEMPLATE_HOURS;
  return `${parts.year}${parts.month}${parts.day}h${String(hour).padStart(2, '0')}`;
}

/** Files under the given paths (relative to the repository root), sorted, so the hash does not depend on order. */
async function listFiles(entries: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(REPO_ROOT, entry);
    const stat = await fs.stat(full).catch(() => undefined);
    if (!stat) continue;
    if (stat.isFile()) {
      out.push(entry);
      continue;
    }
    for (const name of await fs.readdir(full, { recursive: true })) {
      const rel = path.join(entry, name);
      if ((await fs.stat(path.join(REPO_ROOT, rel))).isFile()) out.push(rel);
    }
  }
  return out.sort();
}
