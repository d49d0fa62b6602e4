/** The export bench page: the app's own PDF builder (client/src/exports/pdf.ts) on a dashboard-sized view. */
import { timeDashboardPdf, type PdfBenchResult } from '../../../../client/src/exports/pdf-bench';

declare global {
  interface Window {
    __pdfBench: (runs: number) => Promise<PdfBenchResult>;
  }
}

window.__pdfBench = (runs) => timeDashboardPdf(runs);
