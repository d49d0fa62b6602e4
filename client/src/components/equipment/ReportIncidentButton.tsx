import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { Button } from '../../ui';
import { IconWarning } from '../../ui/icons';
import { IncidentForm } from './IncidentForm';

/** "Report an incident" on a crew member's mission: opens the report sheet (offline through the local store). */
export function ReportIncidentButton({ userId, missionId, venueId, testId }: { userId: string; missionId: string; venueId: string | null; testId?: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" icon={IconWarning} onClick={() => setOpen(true)} data-testid={testId ?? 'report-incident'}>
        {t('equipment.incidents.report')}
      </Button>
      {open && <IncidentForm userId={userId} missionId={missionId} venueId={venueId} onClose={() => setOpen(false)} />}
    </>
  );
}
