import { runBrowserBench } from '../../../e2e/bench/browser-bench';
import { printResult } from '../lib/report';
const docs = Number(process.argv[3] ?? 5000);
const t = performance.now();
const res = await runBrowserBench({ backend: (process.argv[2] ?? 'postgres') as 'postgres', docs, pullBatchSize: 500, migrationBatch: 2000, edits: 50, inserts: 10, log: (l) => console.log('[b1]', l, ((performance.now() - t) / 1000).toFixed(1)) });
for (const r of res) printResult(r);
console.log('total s', (performance.now() - t) / 1000);
