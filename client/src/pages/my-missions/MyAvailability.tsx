import { useT } from '../../i18n/useT';
import { AvailabilityWhen } from '../../components/AvailabilityWhen';
import { initialStatus, newAvailability } from '../../data/planning/availability-writes';
import { useAvailabilities } from '../../data/queries';
import type { UserDoc } from '../../data/types';
import { useLocalWrites } from '../../data/useLocalWrites';
import { useOrgContext } from '../../data/org/useOrgContext';
import { StatusBadge } from '../../components/StatusBadge';
import { AvailabilityForm } from './AvailabilityForm';
import { CalendarImport } from './CalendarImport';
import { enumLabel } from '../../i18n/enum-label';

/** My availability: declare windows (weekly ones too) and see the manager's decision the server sends back. */
export function MyAvailability({ user }: { user: UserDoc }) {
  const t = useT();
  const { tz, isPlanner, settings } = useOrgContext();
  const writes = useLocalWrites();
  const { docs } = useAvailabilities({ userId: user.id });
  return (
    <div className="stack" data-testid="my-availability">
      <div className="card stack">
        <h2>{t('myAvailability.title')}</h2>
        <p className="hint">{settings.availabilityApproval ? t('myAvailability.approvalRequired') : t('myAvailability.approvalNotRequired')}</p>
        <AvailabilityForm onSave={async (fields) => void (await writes?.insert('availabilities', newAvailability(user.id, fields, initialStatus(isPlanner, settings.availabilityApproval))))} />
      </div>
      <div className="card stack">
        <CalendarImport />
      </div>
      <div className="card stack">
        <h2>{t('myAvailability.listTitle')}</h2>
        {docs.length === 0 && <p className="muted">{t('myAvailability.empty')}</p>}
        <ul className="list" data-testid="avail-list">
          {docs.map((a) => (
            <li key={a.id} className="list__item" data-testid={`avail-row-${a.id}`} data-status={a.status}>
              <div className="list__main">
                <strong>{enumLabel(t, 'availabilityKind', a.kind)}</strong>
                <AvailabilityWhen a={a} tz={tz} />
                {a.note && <span className="muted">{a.note}</span>}
                <span>
                  <StatusBadge group="availability" status={a.status} testId={`avail-status-${a.id}`} />
                </span>
              </div>
              <button type="button" className="button button--ghost" data-testid={`avail-delete-${a.id}`} disabled={!writes} onClick={() => void writes?.remove('availabilities', a.id)}>
                {t('myAvailability.delete')}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
