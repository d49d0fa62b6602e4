import type { Locale } from '@coulisses/shared';
import { insertPngChunks, metaLines, pngMetaChunks, type ExportMeta } from '@coulisses/shared/analytics/export-files';
import type { ExportView } from './view';

const WIDTH = 1200;
const MARGIN = 32;
const MAX_TABLE_ROWS = 40;

interface Painter {
  ctx: CanvasRenderingContext2D | null;
  y: number;
}

function lines(p: Painter, text: string, font: string, color: string, lineHeight: number): void {
  if (p.ctx) {
    p.ctx.font = font;
    p.ctx.fillStyle = color;
    p.ctx.fillText(text, MARGIN, p.y + lineHeight * 0.8, WIDTH - 2 * MARGIN);
  }
  p.y += lineHeight;
}

/** Draws the view top to bottom; with a null context it only measures the height. */
function paint(p: Painter, view: ExportView, meta: ExportMeta, locale: Locale): void {
  p.y = MARGIN;
  lines(p, view.title, 'bold 28px sans-serif', '#111', 40);
  for (const [k, v] of metaLines(meta, locale)) lines(p, `${k}: ${v}`, '15px sans-serif', '#333', 22);
  for (const chart of view.charts) {
    p.y += 16;
    lines(p, chart.title, 'bold 18px sans-serif', '#111', 28);
    const c = chart.canvas;
    const w = Math.min(WIDTH - 2 * MARGIN, c.width || 1);
    const h = Math.round(((c.height || 1) * w) / (c.width || 1));
    if (p.ctx && c.width > 0 && c.height > 0) p.ctx.drawImage(c, MARGIN, p.y, w, h);
    p.y += h;
  }
  for (const table of view.tables) {
    p.y += 16;
    lines(p, table.title, 'bold 18px sans-serif', '#111', 28);
    const colW = (WIDTH - 2 * MARGIN) / Math.max(1, table.columns.length);
    const row = (cells: readonly (string | number | null)[], font: string) => {
      if (p.ctx) {
        p.ctx.font = font;
        p.ctx.fillStyle = '#222';
        cells.forEach((v, i) => p.ctx!.fillText(v === null ? '' : String(v), MARGIN + i * colW, p.y + 16, colW - 8));
      }
      p.y += 22;
    };
    row(table.columns, 'bold 14px sans-serif');
    for (const r of table.rows.slice(0, MAX_TABLE_ROWS)) row(r, '14px sans-serif');
  }
  p.y += MARGIN;
}

/**
 * The PNG of a view: its title and metadata, the charts' own canvases drawn at their size (sharp, no screenshot
 * of the DOM), the tables as text, then the metadata and the unsigned seal as iTXt chunks before IEND.
 */
export async function buildPngFile(view: ExportView, meta: ExportMeta, locale: Locale): Promise<Uint8Array> {
  const measure: Painter = { ctx: null, y: 0 };
  paint(measure, view, meta, locale);
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = Math.ceil(measure.y);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  paint({ ctx, y: 0 }, view, meta, locale);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('PNG encoding failed');
  return insertPngChunks(new Uint8Array(await blob.arrayBuffer()), pngMetaChunks(meta, locale));
}
