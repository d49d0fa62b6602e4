import type { ExportView } from './view';

export interface ExportMenuProps {
  /** Builds the view to export from the page's current state (called when the user picks a format). */
  buildView: () => ExportView;
  /** data-testid of the menu trigger (default `export-menu`). */
  testId?: string;
}

/**
 * The export menu of a view (issue 13): CSV, PNG and PDF, each signed by the server, or marked unsigned when made
 * offline and signed when the device is back online. (The menu itself lands in the next commits; the props are
 * the contract a page codes against.)
 */
export function ExportMenu(_props: ExportMenuProps) {
  return null;
}
