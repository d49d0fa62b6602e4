import type { ExportView } from '../../exports/view';

/**
 * Where the export menu sits in the analytics page header. TODO(integrator): when EXPORTS (branch h-exp) is merged,
 * replace this body with `return <ExportMenu buildView={buildView} testId="analytics-export" />` (import from
 * '../../exports/ExportMenu'). Until then the page offers no export.
 */
export function ExportSlot(_props: { buildView: () => ExportView }) {
  return null;
}
