/**
 * npm run bench:analytics, third measurement: the PDF export of the direction dashboard (target <= 3 s) in Debian's
 * Chromium, with the exports part's builder (client/src/exports/pdf.ts: jsPDF, the charts' canvases drawn with
 * addImage, the tables as text) over the dashboard of the bench slices (a year against the year before: 10
 * indicators, the 7 x 24 heatmap table, 365 days, incidents by venue and category). Median of runs 2 to N (run 1
 * loads jsPDF), the file checked (a PDF header, the seal field, its pages). Prints MET/MISSED, exits 0 when the
 * bench ran. Options: --runs N (default 9). Only run when client/src/exports/pdf.ts exists (bench-analytics.mjs).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium';
import { fmt, median, verdictLine } from '../report';
import { buildPage, serve } from './bench-page';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
};
const RUNS = Math.max(2, Number(arg('runs', '9')));
const TARGET = 3000;
const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  log('bench:analytics - PDF export of the direction dashboard (Chromium, client/src/exports/pdf.ts)');
  log(`  1-minute load average: ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores`);
  const outDir = await buildPage(path.join(HERE, 'pdf-page'));
  const server = await serve(outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1366, height: 768 } });
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => Boolean((window as unknown as { __pdfBench?: unknown }).__pdfBench));
    const r = (await page.evaluate((runs) => (window as unknown as { __pdfBench: { run(n: number): Promise<unknown> } }).__pdfBench.run(runs), RUNS)) as {
      ms: number[]; bytes: number; head: string; sealed: boolean; pages: number;
    };
    const warm = median(r.ms.slice(1));
    log(`  file: ${r.bytes} bytes, ${r.pages} pages, header ${JSON.stringify(r.head)}, seal field ${r.sealed ? 'present' : 'MISSING'}`);
    log(`  buildPdfFile: ${fmt(warm)} (median of runs 2 to ${RUNS}); first run (loads jsPDF) ${fmt(r.ms[0]!)}; runs: ${r.ms.map((x) => x.toFixed(0)).join(', ')} ms`);
    log(verdictLine({ name: 'PDF export of the dashboard', value: Math.max(warm, r.ms[0]!), target: TARGET }));
    if (!r.head.startsWith('%PDF-') || !r.sealed) log('MISSED the file is not a sealed PDF');
    if (errors.length > 0) log(`page errors: ${errors.slice(0, 3).join(' | ')}`);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    await fs.rm(outDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
