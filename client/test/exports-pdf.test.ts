import { describe, expect, it } from 'vitest';
import { contentHash, findExportId, findSeal, SEAL_FILLER, sealValue, writeSeal } from '@coulisses/shared/analytics/export-seal';
import type { ExportMeta } from '@coulisses/shared/analytics/export-files';
import { buildPdfFile } from '../src/exports/pdf';
import type { ExportView } from '../src/exports/view';

const ID = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const SIG = 'A'.repeat(85) + 'Q';
const VIEW: ExportView = {
  viewId: 'analytics.dashboard', title: 'Tableau de direction', filters: [{ label: 'P\u00e9riode', value: 'mars 2026' }], filterValues: { from: '2026-03-01' },
  orgId: 'org-1', orgName: 'Compagnie du Grand Plateau', projectName: null, charts: [],
  tables: [{ title: 'Heures', columns: ['Jour', 'Pr\u00e9vues', 'R\u00e9alis\u00e9es'], rows: Array.from({ length: 120 }, (_, i) => [`2026-03-${String((i % 28) + 1).padStart(2, '0')}`, 8 + (i % 3), 7.5 + (i % 4)]) }],
};
const META: ExportMeta = {
  exportId: ID, viewId: VIEW.viewId, title: VIEW.title, exportedAt: '2026-03-29T01:30:00.000Z', timezone: 'Europe/Paris', orgId: 'org-1',
  orgName: VIEW.orgName, projectName: null, exportedBy: 'Marc Lefebvre', accountId: 'acc-1', filters: VIEW.filters,
};
const latin1 = (b: Uint8Array) => String.fromCharCode(...b);

/** Every xref entry points at its "N 0 obj", and startxref at the xref table (ISO 32000-1, 7.5.4 and 7.5.5). */
function xrefConsistent(pdf: Uint8Array): boolean {
  const text = latin1(pdf);
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  if (text.slice(start, start + 4) !== 'xref') return false;
  const [, first, count] = /^xref\s+(\d+) (\d+)/.exec(text.slice(start))!;
  const entries = [...text.slice(start).matchAll(/(\d{10}) (\d{5}) ([nf])/g)].slice(0, Number(count));
  return entries.every(([, offset, , kind], i) => kind === 'f' || text.startsWith(`${Number(first) + i} 0 obj`, Number(offset)));
}

describe('the PDF builder (jsPDF): the seal in the document properties, filled in place', () => {
  it('writes the seal and the id as plain ASCII in the Info dictionary, several pages, a consistent xref', async () => {
    const pdf = await buildPdfFile(VIEW, META, 'fr');
    const text = latin1(pdf);
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toContain(`/Keywords (CCSEAL1:${SEAL_FILLER})`);
    expect(text).toContain(`/Subject (CCEXPORT1:${ID})`);
    expect(text.split('CCSEAL1:')).toHaveLength(2);
    expect(findExportId(pdf)).toBe(ID);
    expect(findSeal(pdf)?.content).toEqual({ signed: false });
    expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(1);
    expect(xrefConsistent(pdf)).toBe(true);
  });

  it('signing in place keeps the length, every xref offset and the content hash', async () => {
    const pdf = await buildPdfFile(VIEW, META, 'fr');
    const signed = writeSeal(pdf, sealValue(SIG, 'k1'));
    expect(signed.length).toBe(pdf.length);
    expect(xrefConsistent(signed)).toBe(true);
    expect(contentHash(signed)).toBe(contentHash(pdf));
    expect(latin1(signed)).toContain(`/Keywords (CCSEAL1:${SIG}.k1.`);
  });
});
