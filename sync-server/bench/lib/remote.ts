import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { warn } from './out';
import type { Backend, Command, HostInfo, HostMessage, Replies } from './protocol';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '../../..');
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** True when the machine's Postgres answers (the Postgres runs are skipped otherwise). */
export async function postgresAvailable(): Promise<boolean> {
  const sql = postgres(TEST_DATABASE_URL, { max: 1, connect_timeout: 3, onnotice: () => undefined });
  try {
    await sql`select 1`;
    return true;
  } catch (err) {
    warn(`[bench] Postgres at ${TEST_DATABASE_URL} does not answer (${(err as Error).message}); Postgres runs are skipped`);
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
}

/** A new database on the test Postgres for one bench run; drop() removes it. */
async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cc_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const a = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => undefined });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** The real sync server running in a child process (lib/host.ts), driven over IPC. */
export class ServerHost {
  private rid = 0;
  private pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private closed = false;

  private constructor(
    readonly info: HostInfo,
    private readonly child: ChildProcess,
    private readonly drop: () => Promise<void>,
  ) {
    child.on('message', (m: HostMessage) => {
      if (m.kind !== 'reply') return;
      const p = this.pending.get(m.rid);
      if (!p) return;
      this.pending.delete(m.rid);
      if (m.ok) p.resolve(m.value);
      else p.reject(new Error(m.error));
    });
    child.on('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error('server host exited'));
      this.pending.clear();
    });
  }

  get url(): string {
    return this.info.url;
  }

  static async start(backend: Backend, opts: { clientDist?: string; jobRunner?: boolean } = {}): Promise<ServerHost> {
    const scratch = backend === 'postgres' ? await scratchDatabase() : undefined;
    const env: NodeJS.ProcessEnv = { ...process.env, BENCH_BACKEND: backend };
    delete env.DATABASE_URL;
    if (scratch) env.BENCH_DATABASE_URL = scratch.url;
    if (opts.clientDist) env.BENCH_CLIENT_DIST = opts.clientDist;
    if (opts.jobRunner === false) env.BENCH_JOB_RUNNER = 'off';
    const child = fork(path.join(HERE, 'host.ts'), [], { cwd: REPO_ROOT, env, execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    try {
      const info = await new Promise<HostInfo>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`server host exited with ${code}`)));
        child.on('message', (m: HostMessage) => {
          if (m.kind === 'ready') resolve(m.info);
          if (m.kind === 'failed') reject(new Error(m.error));
        });
      });
      return new ServerHost(info, child, async () => scratch?.drop());
    } catch (err) {
      child.kill('SIGKILL');
      await scratch?.drop().catch(() => undefined);
      throw err;
    }
  }

  call<K extends Command['cmd']>(command: Extract<Command, { cmd: K }>): Promise<Replies[K]> {
    const rid = ++this.rid;
    return new Promise<Replies[K]>((resolve, reject) => {
      this.pending.set(rid, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ ...command, rid });
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.child.exitCode === null) {
        const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
        await Promise.race([this.call({ cmd: 'close' }).catch(() => undefined), new Promise((r) => setTimeout(r, 20_000))]);
        const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    } finally {
      await this.drop().catch((err: unknown) => warn(`[bench] could not drop the scratch database: ${(err as Error).message}`));
    }
  }
}
