// npm run bench (suite "bundle"): the initial JavaScript of the crew's, the planner's and the kiosk's first screens
// against the 200 kB target (scripts/check-bundle.mjs, docs/performance.md "App size and cold open"). As a bench it
// exits 0 when the target is missed; `npm test` runs the same script as a budget (check:bundle), which fails over it.
import { ROOT } from './lib/client-build.mjs';
import { run } from './lib/run.mjs';

const code = await run(process.execPath, ['scripts/check-bundle.mjs', '--budget', 'none'], { cwd: ROOT });
process.exit(code);
