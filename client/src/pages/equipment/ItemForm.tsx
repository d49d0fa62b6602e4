import { EQUIPMENT_CATEGORIES, type EquipmentCategory } from '@coulisses/shared/equipment/documents';
import type { EquipmentItem } from '@coulisses/shared/equipment/catalogue';
import { useState, type FormEvent } from 'react';
import { useEquipmentWrites } from '../../data/equipment/useEquipmentWrites';
import { useReference } from '../../data/queries';
import { enumLabel } from '../../i18n/enum-label';
import { useT } from '../../i18n/useT';
import { FormField, Input, Select, Sheet, SheetFormFooter, Textarea } from '../../ui';
import { trySave } from '../../components/equipment/try-save';

/** Creates or edits an equipment item in a sheet: name, category, units owned, where it is kept, serials, notes. */
export function ItemForm({ item, onClose }: { item: EquipmentItem | null; onClose: () => void }) {
  const t = useT();
  const writes = useEquipmentWrites();
  const venues = useReference('venue').docs.filter((v) => !v.archived);
  const [name, setName] = useState(item?.name ?? '');
  const [category, setCategory] = useState<EquipmentCategory>(item?.category ?? 'SOUND');
  const [quantity, setQuantity] = useState(String(item?.quantity ?? 1));
  const [venueId, setVenueId] = useState(item?.venueId ?? '');
  const [serials, setSerials] = useState((item?.serials ?? []).join('\n'));
  const [notes, setNotes] = useState(item?.notes ?? '');
  const [archived, setArchived] = useState(item?.archived ?? false);
  const [errors, setErrors] = useState<{ name?: string; quantity?: string; save?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const q = Number(quantity);
    const e: typeof errors = {};
    if (!name.trim()) e.name = t('equipment.items.nameRequired');
    if (!Number.isInteger(q) || q < 0 || q > 100_000) e.quantity = t('equipment.items.quantityInvalid');
    setErrors(e);
    if (e.name || e.quantity || !writes) return;
    setBusy(true);
    const list = serials.split('\n').map((s) => s.trim()).filter(Boolean);
    const error = await trySave(
      () => writes.saveItem(item?.id ?? null, name, { category, quantity: q, venueId: venueId || null, ...(list.length ? { serials: list } : {}), ...(notes.trim() ? { notes: notes.trim() } : {}) }, archived),
      (reason) => t('equipment.saveFailed', { reason }),
    );
    setBusy(false);
    if (error) setErrors({ save: error });
    else onClose();
  };

  const formId = 'equipment-item-form';
  return (
    <Sheet open onClose={onClose} title={item ? t('equipment.items.editTitle') : t('equipment.items.newTitle')} testId="item-form"
      footer={<SheetFormFooter formId={formId} onClose={onClose} busy={busy} submitLabel={item ? t('equipment.save') : t('equipment.create')} submitTestId="item-form-submit" />}>
      <form id={formId} className="stack" onSubmit={submit} noValidate>
        <FormField label={t('equipment.items.name')} required error={errors.name}>
          <Input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} data-testid="item-name" autoComplete="off" />
        </FormField>
        <FormField label={t('equipment.items.category')}>
          <Select value={category} onChange={(e) => setCategory(e.target.value as EquipmentCategory)} data-testid="item-category">
            {EQUIPMENT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {enumLabel(t, 'equipmentCategory', c)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t('equipment.items.quantity')} hint={t('equipment.items.quantityHint')} required error={errors.quantity}>
          <Input type="number" inputMode="numeric" min={0} max={100000} step={1} value={quantity} onChange={(e) => setQuantity(e.target.value)} data-testid="item-quantity" />
        </FormField>
        <FormField label={t('equipment.items.venue')} optional>
          <Select value={venueId} onChange={(e) => setVenueId(e.target.value)} data-testid="item-venue">
            <option value="">{t('equipment.items.noVenue')}</option>
            {venues.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t('equipment.items.serials')} hint={t('equipment.items.serialsHint')} optional>
          <Textarea value={serials} rows={3} onChange={(e) => setSerials(e.target.value)} data-testid="item-serials" />
        </FormField>
        <FormField label={t('equipment.items.notes')} optional>
          <Textarea value={notes} maxLength={5000} rows={3} onChange={(e) => setNotes(e.target.value)} data-testid="item-notes" />
        </FormField>
        {item && (
          <label className="eq-check">
            <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} data-testid="item-archived" />
            {t('equipment.items.archiveHint')}
          </label>
        )}
        {errors.save && (
          <p className="alert alert--error" role="alert">
            {errors.save}
          </p>
        )}
      </form>
    </Sheet>
  );
}
