import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { readMigrations } from '../../src/db/migrate';

async function dirWith(files: Record<string, string>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-migfiles-'));
  for (const [name, body] of Object.entries(files)) await fs.writeFile(path.join(dir, name), body);
  return dir;
}

describe('readMigrations', () => {
  it('reads the repository migrations in order, numbered without gaps', async () => {
    const files = await readMigrations(loadConfig({}).migrationsDir);
    expect(files.map((f) => f.version)).toEqual(files.map((_, i) => i + 1));
    expect(files[0]?.name).toBe('auth');
  });

  it.each([
    [{ '0001_a.sql': '', '0003_c.sql': '' }, /without gaps/],
    [{ '001_a.sql': '' }, /must look like/],
    [{ '0001_A b.sql': '' }, /must look like/],
  ])('refuses %j', async (files, message) => {
    await expect(readMigrations(await dirWith(files))).rejects.toThrow(message);
  });
});
