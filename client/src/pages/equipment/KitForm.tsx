import type { EquipmentItem, EquipmentKit } from '@coulisses/shared/equipment/catalogue';
import { useState, type FormEvent } from 'react';
import { useEquipmentWrites } from '../../data/equipment/useEquipmentWrites';
import { useReference } from '../../data/queries';
import { useT } from '../../i18n/useT';
import { Button, FormField, IconButton, Input, Select, Sheet, SheetFormFooter, Textarea } from '../../ui';
import { IconClose } from '../../ui/icons';
import { trySave } from '../../components/equipment/try-save';

type Line = { itemId: string; quantity: string };

/** Creates or edits a kit in a sheet: its name, its lines (item x quantity), where it is kept. */
export function KitForm({ kit, items, onClose }: { kit: EquipmentKit | null; items: readonly EquipmentItem[]; onClose: () => void }) {
  const t = useT();
  const writes = useEquipmentWrites();
  const venues = useReference('venue').docs.filter((v) => !v.archived);
  const live = items.filter((i) => !i.archived);
  const [name, setName] = useState(kit?.name ?? '');
  const [lines, setLines] = useState<Line[]>(kit ? kit.items.map((l) => ({ itemId: l.itemId, quantity: String(l.quantity) })) : [{ itemId: live[0]?.id ?? '', quantity: '1' }]);
  const [venueId, setVenueId] = useState(kit?.venueId ?? '');
  const [notes, setNotes] = useState(kit?.notes ?? '');
  const [errors, setErrors] = useState<{ name?: string; lines?: string; save?: string }>({});
  const [busy, setBusy] = useState(false);
  const setLine = (i: number, patch: Partial<Line>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = lines.map((l) => ({ itemId: l.itemId, quantity: Number(l.quantity) }));
    const e: typeof errors = {};
    if (!name.trim()) e.name = t('equipment.items.nameRequired');
    if (parsed.length === 0 || parsed.some((l) => !l.itemId || !Number.isInteger(l.quantity) || l.quantity < 1)) e.lines = t('equipment.kits.linesInvalid');
    setErrors(e);
    if (e.name || e.lines || !writes) return;
    setBusy(true);
    const error = await trySave(
      () => writes.saveKit(kit?.id ?? null, name, { items: parsed, venueId: venueId || null, ...(notes.trim() ? { notes: notes.trim() } : {}) }),
      (reason) => t('equipment.saveFailed', { reason }),
    );
    setBusy(false);
    if (error) setErrors({ save: error });
    else onClose();
  };

  const formId = 'equipment-kit-form';
  return (
    <Sheet open onClose={onClose} title={kit ? t('equipment.kits.editTitle') : t('equipment.kits.newTitle')} testId="kit-form"
      footer={<SheetFormFooter formId={formId} onClose={onClose} busy={busy} submitLabel={kit ? t('equipment.save') : t('equipment.create')} submitTestId="kit-form-submit" />}>
      <form id={formId} className="stack" onSubmit={submit} noValidate>
        <FormField label={t('equipment.kits.name')} required error={errors.name}>
          <Input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} data-testid="kit-name" autoComplete="off" />
        </FormField>
        <fieldset className="eq-lines">
          <legend>{t('equipment.kits.contents')}</legend>
          {lines.map((l, i) => (
            <div key={i} className="eq-line">
              <Select aria-label={t('equipment.kits.item')} value={l.itemId} onChange={(e) => setLine(i, { itemId: e.target.value })} data-testid={`kit-line-item-${i}`}>
                {live.map((it) => (
                  <option key={it.id} value={it.id}>
                    {it.name}
                  </option>
                ))}
              </Select>
              <Input aria-label={t('equipment.kits.quantity')} type="number" inputMode="numeric" min={1} step={1} value={l.quantity} onChange={(e) => setLine(i, { quantity: e.target.value })} data-testid={`kit-line-qty-${i}`} />
              <IconButton icon={IconClose} label={t('equipment.kits.removeLine')} onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))} />
            </div>
          ))}
          {errors.lines && (
            <p className="field-error" role="alert">
              {errors.lines}
            </p>
          )}
          <Button variant="secondary" size="sm" onClick={() => setLines((ls) => [...ls, { itemId: live[0]?.id ?? '', quantity: '1' }])} data-testid="kit-add-line">
            {t('equipment.kits.addLine')}
          </Button>
        </fieldset>
        <FormField label={t('equipment.items.venue')} optional>
          <Select value={venueId} onChange={(e) => setVenueId(e.target.value)}>
            <option value="">{t('equipment.items.noVenue')}</option>
            {venues.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label={t('equipment.items.notes')} optional>
          <Textarea value={notes} maxLength={5000} rows={2} onChange={(e) => setNotes(e.target.value)} />
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
