import { useState, type FormEvent } from 'react';
import { useEquipment } from '../../data/equipment/queries';
import { useEquipmentWrites } from '../../data/equipment/useEquipmentWrites';
import { useMissions } from '../../data/queries';
import { useT } from '../../i18n/useT';
import { FormField, Input, Select, Sheet, SheetFormFooter } from '../../ui';
import { trySave } from './try-save';

/**
 * Reserves an item or a kit on a mission (the mission fixed when opened from a mission). Double bookings are
 * allowed (planners reserve offline): they show as warnings once saved.
 */
export function ReservationForm({ missionId, onClose }: { missionId: string | null; onClose: () => void }) {
  const t = useT();
  const writes = useEquipmentWrites();
  const { items, kits } = useEquipment();
  // Missions to choose from: not cancelled, not ended more than a week ago, soonest first.
  const [since] = useState(() => new Date(Date.now() - 7 * 86_400_000).toISOString());
  const missions = useMissions().docs.filter((m) => m.status !== 'CANCELLED' && m.endAt > since).sort((a, b) => a.startAt.localeCompare(b.startAt));
  const targets = [...items.filter((i) => !i.archived).map((i) => ({ value: `item:${i.id}`, label: i.name })), ...kits.filter((k) => !k.archived).map((k) => ({ value: `kit:${k.id}`, label: `${k.name} (${t('equipment.reservations.kit')})` }))];
  const [mission, setMission] = useState(missionId ?? '');
  const [target, setTarget] = useState(targets[0]?.value ?? '');
  const [quantity, setQuantity] = useState('1');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ mission?: string; target?: string; quantity?: string; save?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const q = Number(quantity);
    const e: typeof errors = {};
    if (!mission) e.mission = t('equipment.reservations.missionRequired');
    if (!target) e.target = t('equipment.reservations.targetRequired');
    if (!Number.isInteger(q) || q < 1 || q > 100_000) e.quantity = t('equipment.reservations.quantityInvalid');
    setErrors(e);
    if (e.mission || e.target || e.quantity || !writes) return;
    const [kind, id] = target.split(':') as ['item' | 'kit', string];
    const label = targets.find((x) => x.value === target)?.label ?? '';
    setBusy(true);
    const error = await trySave(
      () => writes.reserve(label, { missionId: mission, itemId: kind === 'item' ? id : null, kitId: kind === 'kit' ? id : null, quantity: q, ...(note.trim() ? { note: note.trim() } : {}) }),
      (reason) => t('equipment.saveFailed', { reason }),
    );
    setBusy(false);
    if (error) setErrors({ save: error });
    else onClose();
  };

  const formId = 'equipment-reservation-form';
  return (
    <Sheet open onClose={onClose} title={t('equipment.reservations.newTitle')} testId="reservation-form"
      footer={<SheetFormFooter formId={formId} onClose={onClose} busy={busy} submitLabel={t('equipment.reservations.reserve')} submitTestId="reservation-form-submit" />}>
      <form id={formId} className="stack" onSubmit={submit} noValidate>
        {missionId === null && (
          <FormField label={t('equipment.reservations.mission')} required error={errors.mission}>
            <Select value={mission} onChange={(e) => setMission(e.target.value)} data-testid="reservation-mission">
              <option value="">{t('equipment.reservations.chooseMission')}</option>
              {missions.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title} ({m.startAt.slice(0, 10)})
                </option>
              ))}
            </Select>
          </FormField>
        )}
        <FormField label={t('equipment.reservations.target')} required error={errors.target}>
          <Select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="reservation-target">
            {targets.map((x) => (
              <option key={x.value} value={x.value}>
                {x.label}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t('equipment.reservations.quantity')} required error={errors.quantity}>
          <Input type="number" inputMode="numeric" min={1} step={1} value={quantity} onChange={(e) => setQuantity(e.target.value)} data-testid="reservation-quantity" />
        </FormField>
        <FormField label={t('equipment.reservations.note')} optional>
          <Input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} data-testid="reservation-note" />
        </FormField>
        {errors.save && (
          <p className="alert alert--error" role="alert">
            {errors.save}
          </p>
        )}
      </form>
    </Sheet>
  );
}
