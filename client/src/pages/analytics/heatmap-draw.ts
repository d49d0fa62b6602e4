/**
 * Drawing of the load heatmap (7 weekdays x 24 hours) on a canvas: pure geometry and colours, no React, so the
 * page and the exports draw the same picture. cells[weekday * 24 + hour], weekday 0 = Monday.
 */
export interface HeatmapStyle {
  /** Cell colour at the maximum (any CSS colour, drawn with an opacity by load); empty cells take `empty`. */
  full: string;
  empty: string;
  text: string;
  font: string;
}

export const LABEL_WIDTH = 44;
export const HEADER_HEIGHT = 18;

/** The opacity of the full colour over an empty cell: 0 for no load, else 0.12 (the smallest load still shows) to 1 (the maximum). */
export function cellAlpha(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return 0.12 + 0.88 * Math.min(1, value / max);
}

/** The cell sizes of a heatmap drawn `width` CSS pixels wide. */
export function heatmapGeometry(width: number): { cellW: number; cellH: number; height: number } {
  const cellW = Math.max(8, (width - LABEL_WIDTH) / 24);
  const cellH = Math.max(18, Math.min(34, cellW));
  return { cellW, cellH, height: HEADER_HEIGHT + 7 * cellH };
}

/** The cell under a point of the canvas (CSS pixels from its top left), or null outside the grid. */
export function cellAt(x: number, y: number, width: number): { day: number; hour: number } | null {
  const { cellW, cellH } = heatmapGeometry(width);
  const hour = Math.floor((x - LABEL_WIDTH) / cellW);
  const day = Math.floor((y - HEADER_HEIGHT) / cellH);
  if (x < LABEL_WIDTH || y < HEADER_HEIGHT || hour > 23 || day > 6) return null;
  return { day, hour };
}

export function drawHeatmap(canvas: HTMLCanvasElement, cells: readonly number[], max: number, dayLabels: readonly string[], width: number, style: HeatmapStyle): void {
  const ratio = typeof window === 'undefined' ? 1 : Math.max(1, window.devicePixelRatio || 1);
  const { cellW, cellH, height } = heatmapGeometry(width);
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.font = style.font;
  ctx.fillStyle = style.text;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  const step = cellW < 16 ? 6 : cellW < 24 ? 3 : 2;
  for (let h = 0; h < 24; h += step) ctx.fillText(String(h), LABEL_WIDTH + h * cellW + cellW / 2, HEADER_HEIGHT / 2);
  ctx.textAlign = 'left';
  for (let d = 0; d < 7; d++) {
    const y = HEADER_HEIGHT + d * cellH;
    ctx.fillStyle = style.text;
    ctx.fillText(dayLabels[d] ?? '', 2, y + cellH / 2);
    for (let h = 0; h < 24; h++) {
      const x = LABEL_WIDTH + h * cellW + 1;
      ctx.fillStyle = style.empty;
      ctx.fillRect(x, y + 1, cellW - 2, cellH - 2);
      const a = cellAlpha(cells[d * 24 + h] ?? 0, max);
      if (a > 0) {
        ctx.globalAlpha = a;
        ctx.fillStyle = style.full;
        ctx.fillRect(x, y + 1, cellW - 2, cellH - 2);
        ctx.globalAlpha = 1;
      }
    }
  }
}
