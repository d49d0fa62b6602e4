import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

let dist: Promise<string> | undefined;

/** A tiny built-client stand-in for the static serving tests (the real build is exercised by e2e). */
export function fixtureDist(): Promise<string> {
  dist ??= (async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-dist-'));
    await fs.mkdir(path.join(dir, 'assets'));
    await fs.writeFile(path.join(dir, 'index.html'), '<!doctype html><link rel="manifest" href="/manifest.webmanifest"><div id="root"></div>');
    await fs.writeFile(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    await fs.writeFile(path.join(dir, 'manifest.webmanifest'), '{"name":"Coulisses Crew"}');
    await fs.writeFile(path.join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
    return dir;
  })();
  return dist;
}
