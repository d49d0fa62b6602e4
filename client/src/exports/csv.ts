import type { Locale } from '@coulisses/shared';
import { buildCsv, utf8, type ExportMeta } from '@coulisses/shared/analytics/export-files';
import type { ExportView } from './view';

/** The CSV file of a view (tables only; the charts are pictures of the same tables), unsigned. */
export function buildCsvFile(view: ExportView, meta: ExportMeta, locale: Locale): Uint8Array {
  return utf8(buildCsv(meta, view.tables, locale));
}
