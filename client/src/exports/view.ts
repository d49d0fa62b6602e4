/**
 * What an export is made of (issue 13): the view a page shows, described once, turned into CSV, PNG and PDF by
 * client/src/exports/. A page builds it from its state when the user asks for an export.
 */
export interface ExportTable {
  title: string;
  columns: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
}

export interface ExportChart {
  title: string;
  /** The chart's canvas as drawn on screen (uPlot's, the heatmap's): drawn straight into the PNG and the PDF. */
  canvas: HTMLCanvasElement;
}

export interface ExportView {
  /** Which view (e.g. 'analytics.dashboard'): part of the file name and of the register entry. */
  viewId: string;
  title: string;
  /** The filters as shown to the user (label and value, already translated). */
  filters: readonly { label: string; value: string }[];
  /** The same filters as machine values (kept in the register). */
  filterValues: Readonly<Record<string, string | null>>;
  orgId: string;
  orgName: string;
  projectName: string | null;
  tables: readonly ExportTable[];
  charts: readonly ExportChart[];
}
