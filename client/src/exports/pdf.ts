import { translate, type Locale } from '@coulisses/shared';
import { metaLines, type ExportMeta } from '@coulisses/shared/analytics/export-files';
import { exportIdField, UNSIGNED_SEAL_FIELD } from '@coulisses/shared/analytics/export-seal';
import type { ExportView } from './view';

const MARGIN = 36;
const ROW = 14;

/**
 * The PDF of a view with jsPDF (A4 landscape): a metadata header, the charts' canvases with addImage (the
 * pixels the chart drew, sharper than a screenshot of the DOM), the tables as text with page breaks, page
 * numbers. The seal sits in the document properties: Keywords holds `CCSEAL1:` and the filler, Subject the
 * export id. jsPDF writes the Info dictionary as plain ASCII outside any compressed stream, so the seal can be
 * filled in place after signing (same length: the xref offsets stay right). Loaded on demand (jspdf is large).
 * Also the function the analytics bench times.
 */
export async function buildPdfFile(view: ExportView, meta: ExportMeta, locale: Locale): Promise<Uint8Array> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({ orientation: 'landscape', unit: 'pt', format: 'a4', compress: true });
  const pageW = doc.internal.pageSize.getWidth();
  const pageH = doc.internal.pageSize.getHeight();
  const usable = pageW - 2 * MARGIN;
  let y = MARGIN;
  const ensure = (h: number) => {
    if (y + h > pageH - MARGIN) {
      doc.addPage();
      y = MARGIN;
    }
  };

  doc.setFont('helvetica', 'bold');
  doc.setFontSize(18);
  doc.text(view.title, MARGIN, y + 14, { maxWidth: usable });
  y += 28;
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(9);
  for (const [k, v] of metaLines(meta, locale)) {
    ensure(ROW);
    doc.text(`${k}: ${v}`, MARGIN, y + 9, { maxWidth: usable });
    y += 12;
  }
  doc.setTextColor(90);
  doc.text(translate(locale, 'exportsFile.sealNote'), MARGIN, y + 9, { maxWidth: usable });
  doc.setTextColor(0);
  y += 20;

  for (const chart of view.charts) {
    const c = chart.canvas;
    if (!c.width || !c.height) continue;
    const w = Math.min(usable, c.width);
    const h = (c.height * w) / c.width;
    ensure(h + 24);
    doc.setFont('helvetica', 'bold');
    doc.setFontSize(12);
    doc.text(chart.title, MARGIN, y + 12);
    y += 18;
    doc.addImage(c, 'PNG', MARGIN, y, w, h, undefined, 'FAST');
    y += h + 12;
  }

  for (const table of view.tables) {
    const colW = usable / Math.max(1, table.columns.length);
    const header = () => {
      doc.setFont('helvetica', 'bold');
      doc.setFontSize(9);
      table.columns.forEach((col, i) => doc.text(col, MARGIN + i * colW, y + 10, { maxWidth: colW - 6 }));
      y += ROW;
      doc.setDrawColor(180);
      doc.line(MARGIN, y - 2, MARGIN + usable, y - 2);
      doc.setFont('helvetica', 'normal');
    };
    ensure(ROW * 3 + 18);
    doc.setFont('helvetica', 'bold');
    doc.setFontSize(12);
    doc.text(table.title, MARGIN, y + 12);
    y += 20;
    header();
    for (const row of table.rows) {
      if (y + ROW > pageH - MARGIN) {
        doc.addPage();
        y = MARGIN;
        header();
      }
      row.forEach((v, i) => doc.text(v === null ? '' : typeof v === 'number' ? v.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { useGrouping: false, maximumFractionDigits: 2 }) : v, MARGIN + i * colW, y + 10, { maxWidth: colW - 6 }));
      y += ROW;
    }
    y += 12;
  }

  const pages = doc.getNumberOfPages();
  doc.setFontSize(8);
  for (let p = 1; p <= pages; p++) {
    doc.setPage(p);
    doc.text(translate(locale, 'exportsFile.page', { page: p, pages }), pageW - MARGIN, pageH - 16, { align: 'right' });
  }
  doc.setDocumentProperties({ title: view.title, subject: exportIdField(meta.exportId), author: meta.exportedBy, keywords: UNSIGNED_SEAL_FIELD, creator: 'Coulisses Crew' });
  return new Uint8Array(doc.output('arraybuffer'));
}
