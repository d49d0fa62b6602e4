// npm run bench: every benchmark suite of the project, one after the other (sync, planning, time clock, KPI with
// its import, analytics, the initial JavaScript of the bundle: scripts/bench-*.mjs), then one summary of every
// target the suites printed, MET or MISSED,
// with its figure and its same-run baseline where the suite prints one (docs/performance.md).
// `--suites sync,planning` runs a subset; other arguments pass through to each suite. Exits 0 when targets are
// missed (they are goals, not tests); non-zero only when a suite itself broke.
import { spawn } from 'node:child_process';
import { ROOT } from './lib/client-build.mjs';
import { targetLines } from './lib/bench-summary.mjs';

const ALL = ['sync', 'planning', 'timeclock', 'kpi', 'analytics', 'bundle'];
const args = process.argv.slice(2);
const at = args.indexOf('--suites');
const suites = at >= 0 ? args.splice(at, 2)[1].split(',').filter((s) => ALL.includes(s)) : ALL;

/** Runs one suite, its stdout shown as it comes and kept for the summary; stderr (progress) passes through. */
function runSuite(name) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`scripts/bench-${name}.mjs`, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });
}

let failed = 0;
const summary = [];
for (const name of suites) {
  const { code, out } = await runSuite(name);
  if (code !== 0) failed = code;
  summary.push({ name, code, lines: targetLines(out) });
}

const met = summary.reduce((n, s) => n + s.lines.filter((l) => l.met).length, 0);
const missed = summary.reduce((n, s) => n + s.lines.filter((l) => !l.met).length, 0);
console.log('\n=== npm run bench: every target ===');
for (const s of summary) {
  console.log(`\n[${s.name}]${s.code !== 0 ? ` (the suite exited ${s.code})` : ''}`);
  if (s.lines.length === 0) console.log('  (no target printed)');
  for (const l of s.lines) console.log(`  ${l.met ? 'MET   ' : 'MISSED'} ${l.text}`);
}
console.log(`\n${met} MET, ${missed} MISSED${failed ? `; a suite broke (exit ${failed})` : ''}`);
process.exit(failed);
