import { ImportWizard } from './ImportWizard';
import { JobLog } from './JobLog';
import './imports.css';

/** KPI tab "imports" (issue 12): upload and map a CSV or .xlsx file of values, then the import log. */
export function ImportsPage() {
  return (
    <div className="kpi-import stack" data-testid="kpi-imports">
      <ImportWizard />
      <JobLog />
    </div>
  );
}
