import type { Incident } from '@coulisses/shared/equipment/incidents';
import { useState, type FormEvent } from 'react';
import { useEquipment, useIncidents } from '../../data/equipment/queries';
import { useEquipmentWrites } from '../../data/equipment/useEquipmentWrites';
import { byId, useMissions, useReference, useUsers } from '../../data/queries';
import { personName } from '../../data/types';
import { enumLabel } from '../../i18n/enum-label';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../i18n/useT';
import { useOrgContext } from '../../data/org/useOrgContext';
import { Button, Chip, EmptyState, FormField, Sheet, SheetFormFooter, Textarea, type Tone } from '../../ui';
import { IconCheck, IconPlus } from '../../ui/icons';
import { IncidentForm } from '../../components/equipment/IncidentForm';
import { trySave } from '../../components/equipment/try-save';

const FILTERS = ['OPEN', 'CLOSED', 'ALL'] as const;
type Filter = (typeof FILTERS)[number];
const SEVERITY_TONE: Record<string, Tone> = { LOW: 'neutral', MEDIUM: 'info', HIGH: 'warning', CRITICAL: 'danger' };

/** Incidents from the field, newest first, filtered open / closed; a planner closes one with a note. */
export function IncidentsTab() {
  const { t, locale } = useI18n();
  const { tz } = useOrgContext();
  const { incidents } = useIncidents();
  const { items } = useEquipment();
  const venues = byId(useReference('venue').docs);
  const users = byId(useUsers().docs);
  const missions = byId(useMissions().docs);
  const names = new Map(items.map((i) => [i.id, i.name]));
  const [filter, setFilter] = useState<Filter>('OPEN');
  const [closing, setClosing] = useState<Incident | null>(null);
  const [reporting, setReporting] = useState(false);
  const shown = incidents.filter((i) => filter === 'ALL' || i.status === filter);

  return (
    <div className="stack eq-tab">
      <div className="eq-toolbar">
        <div className="eq-filters" role="group" aria-label={t('equipment.incidents.filterLabel')}>
          {FILTERS.map((f) => (
            <Button key={f} size="sm" variant={filter === f ? 'primary' : 'secondary'} aria-pressed={filter === f} onClick={() => setFilter(f)} data-testid={`incident-filter-${f}`}>
              {t(`equipment.incidents.filters.${f}`)} ({f === 'ALL' ? incidents.length : incidents.filter((i) => i.status === f).length})
            </Button>
          ))}
        </div>
        <Button variant="secondary" icon={IconPlus} onClick={() => setReporting(true)} data-testid="incident-new">
          {t('equipment.incidents.report')}
        </Button>
      </div>
      {shown.length === 0 && <EmptyState compact icon={IconCheck} title={t('equipment.incidents.empty')} headingLevel={3} />}
      <ul className="eq-cards" data-testid="incidents-list">
        {shown.map((i) => (
          <li key={i.id} className="eq-card" data-testid="incident-row" data-status={i.status}>
            <div className="eq-card__head">
              <h3>{enumLabel(t, 'incidentCategory', i.category)}{i.equipmentItemId ? ` - ${names.get(i.equipmentItemId) ?? '?'}` : ''}</h3>
              <Chip size="sm" tone={SEVERITY_TONE[i.severity] ?? 'neutral'}>{enumLabel(t, 'incidentSeverity', i.severity)}</Chip>
              <Chip size="sm" tone={i.status === 'OPEN' ? 'warning' : 'success'} data-testid="incident-status">{t(`equipment.incidents.status.${i.status}`)}</Chip>
            </div>
            <p className="eq-card__text">{i.description}</p>
            {i.hasPhoto && (
              <a href={`/api/v1/timeclock/punches/${encodeURIComponent(i.id)}/photo`} target="_blank" rel="noreferrer" data-testid="incident-photo-link">
                {t('equipment.incidents.photo')}
              </a>
            )}
            <p className="muted eq-card__meta">
              {formatInZone(locale, i.at, tz, 'short')}
              {i.userId && users.get(i.userId) ? ` - ${personName(users.get(i.userId))}` : ''}
              {i.deviceId?.startsWith('kiosk-') ? ` - ${t('equipment.incidents.kiosk')}` : ''}
              {i.missionId && missions.get(i.missionId) ? ` - ${missions.get(i.missionId)!.title}` : ''}
              {i.venueId && venues.get(i.venueId) ? ` - ${venues.get(i.venueId)!.name}` : ''}
            </p>
            {i.status === 'CLOSED' && (
              <p className="muted eq-card__meta">
                {t('equipment.incidents.closedOn', { date: formatInZone(locale, i.closedAt ?? '', tz, 'short') })}
                {i.closeNote ? ` - ${i.closeNote}` : ''}
              </p>
            )}
            {i.status === 'OPEN' && (
              <Button size="sm" variant="secondary" onClick={() => setClosing(i)} data-testid="incident-close">
                {t('equipment.incidents.close')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {closing && <CloseSheet incident={closing} onClose={() => setClosing(null)} />}
      {reporting && <IncidentForm userId={null} missionId={null} venueId={null} onClose={() => setReporting(false)} />}
    </div>
  );
}

function CloseSheet({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const { t } = useI18n();
  const writes = useEquipmentWrites();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!writes) return;
    setBusy(true);
    const e = await trySave(() => writes.close(incident, note), (reason) => t('equipment.saveFailed', { reason }));
    setBusy(false);
    if (e) setError(e);
    else onClose();
  };
  const formId = 'equipment-close-form';
  return (
    <Sheet open onClose={onClose} title={t('equipment.incidents.closeTitle')} description={incident.description} testId="incident-close-form"
      footer={<SheetFormFooter formId={formId} onClose={onClose} busy={busy} submitLabel={t('equipment.incidents.close')} submitTestId="incident-close-submit" />}>
      <form id={formId} className="stack" onSubmit={submit} noValidate>
        <FormField label={t('equipment.incidents.note')} optional>
          <Textarea value={note} maxLength={5000} rows={3} onChange={(e) => setNote(e.target.value)} data-testid="incident-close-note" />
        </FormField>
        {error && (
          <p className="alert alert--error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Sheet>
  );
}
