import { INCIDENT_CATEGORIES, INCIDENT_SEVERITIES, type IncidentCategory, type IncidentSeverity } from '@coulisses/shared/equipment/incidents';
import { useState, type FormEvent } from 'react';
import { useEquipment } from '../../data/equipment/queries';
import { useEquipmentWrites } from '../../data/equipment/useEquipmentWrites';
import { capturePunchPhoto } from '../../timeclock/photo-capture';
import { enumLabel } from '../../i18n/enum-label';
import { useT } from '../../i18n/useT';
import { useOnlineStatus } from '../../pwa/useOnlineStatus';
import { FormField, Select, Sheet, SheetFormFooter, Textarea, useToast } from '../../ui';
import { trySave } from './try-save';

/**
 * Reports an equipment incident (a crew member on a mission of theirs, or a planner): category, severity, the item
 * if known, what happened. Written to the local store as an INCIDENT field event: works offline.
 */
export function IncidentForm({ userId, missionId, venueId, onClose }: { userId: string | null; missionId: string | null; venueId: string | null; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const online = useOnlineStatus();
  const writes = useEquipmentWrites();
  const { items } = useEquipment();
  const [category, setCategory] = useState<IncidentCategory>('BREAKDOWN');
  const [severity, setSeverity] = useState<IncidentSeverity>('MEDIUM');
  const [itemId, setItemId] = useState('');
  const [description, setDescription] = useState('');
  const [withPhoto, setWithPhoto] = useState(false);
  const [errors, setErrors] = useState<{ description?: string; save?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!description.trim()) {
      setErrors({ description: t('equipment.incidents.descriptionRequired') });
      return;
    }
    if (!writes) return;
    setBusy(true);
    const photo = withPhoto ? await capturePunchPhoto('environment').catch(() => null) : null;
    const error = await trySave(
      () => writes.report(userId, missionId, { category, severity, description: description.trim(), equipmentItemId: itemId || null, venueId, hasPhoto: false }, photo),
      (reason) => t('equipment.saveFailed', { reason }),
    );
    setBusy(false);
    if (error) {
      setErrors({ save: error });
      return;
    }
    toast.show({ tone: online ? 'success' : 'warning', message: online ? t('equipment.incidents.recorded') : t('equipment.incidents.recordedOffline') });
    onClose();
  };

  const formId = 'equipment-incident-form';
  return (
    <Sheet open onClose={onClose} title={t('equipment.incidents.reportTitle')} testId="incident-form"
      footer={<SheetFormFooter formId={formId} onClose={onClose} busy={busy} submitLabel={t('equipment.incidents.send')} submitTestId="incident-form-submit" />}>
      <form id={formId} className="stack" onSubmit={submit} noValidate>
        <FormField label={t('equipment.incidents.category')}>
          <Select value={category} onChange={(e) => setCategory(e.target.value as IncidentCategory)} data-testid="incident-category">
            {INCIDENT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {enumLabel(t, 'incidentCategory', c)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t('equipment.incidents.severity')}>
          <Select value={severity} onChange={(e) => setSeverity(e.target.value as IncidentSeverity)} data-testid="incident-severity">
            {INCIDENT_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {enumLabel(t, 'incidentSeverity', s)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t('equipment.incidents.item')} optional>
          <Select value={itemId} onChange={(e) => setItemId(e.target.value)} data-testid="incident-item">
            <option value="">{t('equipment.incidents.noItem')}</option>
            {items.filter((i) => !i.archived).map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t('equipment.incidents.description')} required error={errors.description}>
          <Textarea value={description} maxLength={5000} rows={4} onChange={(e) => setDescription(e.target.value)} data-testid="incident-description" />
        </FormField>
        <label className="eq-check">
          <input type="checkbox" checked={withPhoto} onChange={(e) => setWithPhoto(e.target.checked)} data-testid="incident-photo" />
          {t('equipment.incidents.withPhoto')}
        </label>
        {errors.save && (
          <p className="alert alert--error" role="alert">
            {errors.save}
          </p>
        )}
      </form>
    </Sheet>
  );
}
