// Lint step: code, scripts and docs stay ASCII. User-facing text lives in the i18n catalogues (exempt).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/client-build.mjs';

const CHECKED = /\.(ts|tsx|js|mjs|cjs|json|md|sql|yml|yaml|ps1|sh|html|css|txt|toml)$|(^|\/)(Caddyfile|Dockerfile|run)$/;
const EXEMPT = /(^|\/)(i18n|locales)\//;
const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && CHECKED.test(f) && !EXEMPT.test(f) && f !== 'package-lock.json');

const bad = [];
for (const file of files) {
  const full = path.join(ROOT, file);
  if (!fs.existsSync(full)) continue;
  const lines = fs.readFileSync(full, 'utf8').split('\n');
  lines.forEach((line, i) => {
    // eslint-disable-next-line no-control-regex
    const m = /[^\x00-\x7F]/.exec(line);
    if (m) bad.push(`${file}:${i + 1}: non-ASCII character U+${m[0].codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  });
}
if (bad.length) {
  console.error(`Non-ASCII text outside the i18n catalogues (${bad.length}):\n${bad.slice(0, 50).join('\n')}`);
  process.exit(1);
}
console.log(`check-ascii: ${files.length} files are ASCII`);
