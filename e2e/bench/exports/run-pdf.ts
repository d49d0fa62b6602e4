/**
 * The PDF export of the direction dashboard in Debian's Chromium (issue 13 item 9, target <= 3 s): the app's PDF
 * builder on a dashboard-sized view (client/src/exports/pdf-bench.ts), built into a bench page with Vite and served
 * by a small static server. `benchExportPdf()` is what the analytics bench calls; run alone:
 * `node --import tsx e2e/bench/exports/run-pdf.ts [--runs N]`. Prints MET or MISSED, exits 0.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import type { PdfBenchResult } from '../../../client/src/exports/pdf-bench';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium';
import { fmt, verdictLine } from '../report';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const PDF_TARGET_MS = 3000;

async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Times the dashboard PDF in Chromium: cold (jsPDF loaded on demand) and the median of `runs` warm builds. */
export async function benchExportPdf(runs = 5, log: (line: string) => void = console.log): Promise<PdfBenchResult> {
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cc-bench-export-'));
  await build({ root: path.join(HERE, 'page'), configFile: false, logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false, chunkSizeWarningLimit: 10_000 } });
  const site = await serve(outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${site.url}/`);
    await page.waitForFunction(() => typeof window.__pdfBench === 'function');
    const result = await page.evaluate((n) => window.__pdfBench(n), runs);
    log(`bench:exports - dashboard PDF (3 charts, 300 table rows): ${(result.bytes / 1024).toFixed(0)} KiB, cold ${fmt(result.coldMs)}, median of ${result.runs} ${fmt(result.medianMs)}, max ${fmt(result.maxMs)}`);
    log(verdictLine({ name: 'PDF export of the dashboard (cold, jsPDF loaded on demand)', value: result.coldMs, target: PDF_TARGET_MS }));
    log(verdictLine({ name: 'PDF export of the dashboard (warm median)', value: result.medianMs, target: PDF_TARGET_MS }));
    return result;
  } finally {
    await browser.close();
    await site.close();
    await fs.rm(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--runs');
  await benchExportPdf(i >= 0 ? Number(process.argv[i + 1]) : 5);
}
