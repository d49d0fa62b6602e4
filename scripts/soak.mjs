// npm run soak: the sync proofs at a larger size than CI runs them. SOAK_ROUNDS (default 20) rounds of the
// convergence test with more documents and edits, then the durability test; a failing round prints its SEED.
import { ROOT } from './lib/client-build.mjs';
import { run } from './lib/run.mjs';

const env = { ...process.env, SOAK: '1', SOAK_ROUNDS: process.env.SOAK_ROUNDS ?? '20' };
const code = await run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'integration', 'convergence', 'durability', 'two-servers'], { cwd: ROOT, env });
process.exit(code);
