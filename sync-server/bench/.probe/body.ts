import { z } from 'zod';
import { pushRows } from '../lib/push-rows';
const PushBody = z.array(z.object({
  assumedMasterState: z.record(z.string(), z.unknown()).nullable().optional(),
  newDocumentState: z.record(z.string(), z.unknown()).and(z.object({ id: z.string().min(1).max(40) })),
})).max(500);
for (const mode of ['insert', 'update'] as const) {
  const rows = pushRows(mode, 500, 5, 0);
  const body = JSON.stringify(rows);
  for (let k = 0; k < 3; k++) {
    let t = performance.now(); const raw = JSON.parse(body); const tp = performance.now() - t;
    t = performance.now(); PushBody.parse(raw); const tz = performance.now() - t;
    console.log(mode, 'bytes', body.length, 'JSON.parse ms', tp.toFixed(1), 'PushBody.parse ms', tz.toFixed(1));
  }
}
