import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { KEEP_EXPORTS, listExports, pendingExports, saveExport, type LocalExport } from '../src/exports/local-register';
import { exportFileName } from '@coulisses/shared/analytics/export-files';

describe('export file names: the local time of the organisation', () => {
  it.each([
    // 01:30 UTC on the night clocks go forward (29 March 2026): 03:30 in Paris (UTC+2 from 01:00 UTC).
    ['analytics.dashboard', '2026-03-29T01:30:00.000Z', 'pdf', 'coulisses-analytics-dashboard-20260329-0330.pdf'],
    // 23:30 UTC on 31 December: already 00:30 on 1 January in Paris (UTC+1).
    ['analytics.dashboard', '2026-12-31T23:30:00.000Z', 'csv', 'coulisses-analytics-dashboard-20270101-0030.csv'],
    // 00:30 UTC on 25 October 2026 (clocks go back at 01:00 UTC): 02:30 CEST.
    ['design.sample', '2026-10-25T00:30:00.000Z', 'png', 'coulisses-design-sample-20261025-0230.png'],
  ] as const)('%s at %s (%s)', (viewId, at, format, expected) => {
    expect(exportFileName(viewId, at, 'Europe/Paris', format)).toBe(expected);
  });
});

function rec(n: number, fields: Partial<LocalExport> = {}): LocalExport {
  const id = `0193a1b2-c3d4-7e5f-8a9b-${String(n).padStart(12, '0')}`;
  const createdAt = new Date(Date.UTC(2026, 2, 1, 0, n)).toISOString();
  return {
    id, orgId: 'org-a', accountId: 'acc-1', format: 'csv', fileName: `f${n}.csv`, title: 'T', createdAt, status: 'signed',
    bytes: Uint8Array.of(n), signedAt: createdAt,
    request: { id, format: 'csv', viewId: 'v', fileName: `f${n}.csv`, sha256: '0'.repeat(64), filters: {}, projectId: null, exportedAt: createdAt, createdOffline: false },
    ...fields,
  };
}

describe('the device register of exports (IndexedDB)', () => {
  it('keeps the newest signed exports, never drops an unsigned one, lists the pending ones of an organisation', async () => {
    await saveExport(rec(0, { status: 'unsigned', signedAt: null }));
    await saveExport(rec(1, { status: 'unsigned', signedAt: null, orgId: 'org-b' }));
    for (let n = 2; n < KEEP_EXPORTS + 10; n++) await saveExport(rec(n));
    const all = await listExports('acc-1');
    // 50 newest kept by count; of the older ones only the two unsigned remain.
    expect(all).toHaveLength(KEEP_EXPORTS + 2);
    expect(all[0]!.fileName).toBe(`f${KEEP_EXPORTS + 9}.csv`);
    expect(all.map((e) => e.fileName)).toContain('f0.csv');
    expect((await pendingExports('acc-1', 'org-a')).map((e) => e.fileName)).toEqual(['f0.csv']);
    expect((await pendingExports('acc-1', 'org-b')).map((e) => e.fileName)).toEqual(['f1.csv']);
    // Another account on the same device has its own database.
    expect(await listExports('acc-2')).toEqual([]);
    const again = (await listExports('acc-1')).find((e) => e.fileName === 'f0.csv')!;
    expect([...again.bytes]).toEqual([0]);
  });
});
