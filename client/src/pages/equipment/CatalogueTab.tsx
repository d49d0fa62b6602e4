import type { EquipmentItem, EquipmentKit } from '@coulisses/shared/equipment/catalogue';
import { useState } from 'react';
import { useEquipment } from '../../data/equipment/queries';
import { byId, useReference } from '../../data/queries';
import { enumLabel } from '../../i18n/enum-label';
import { useT } from '../../i18n/useT';
import { Button, Chip, EmptyState, Table } from '../../ui';
import { IconBox, IconPlus } from '../../ui/icons';
import { ItemForm } from './ItemForm';
import { KitForm } from './KitForm';

/** The catalogue: items (units owned, where they are kept) and kits (their contents); create and edit in sheets. */
export function CatalogueTab() {
  const t = useT();
  const { items, kits } = useEquipment();
  const venues = byId(useReference('venue').docs);
  const itemName = new Map(items.map((i) => [i.id, i.name]));
  const [editItem, setEditItem] = useState<EquipmentItem | null | 'new'>(null);
  const [editKit, setEditKit] = useState<EquipmentKit | null | 'new'>(null);
  const venueName = (id: string | null) => (id ? (venues.get(id)?.name ?? '?') : t('equipment.items.noVenue'));

  return (
    <div className="stack eq-tab">
      <div className="eq-toolbar">
        <h2>{t('equipment.items.title')}</h2>
        <Button icon={IconPlus} onClick={() => setEditItem('new')} data-testid="item-new">
          {t('equipment.items.new')}
        </Button>
      </div>
      <Table
        caption={t('equipment.items.title')}
        captionHidden
        rows={items}
        rowKey={(i) => i.id}
        rowTestId={(i) => `item-row-${i.id}`}
        testId="items-table"
        empty={<EmptyState compact icon={IconBox} title={t('equipment.items.empty')} headingLevel={3} />}
        columns={[
          {
            key: 'name', header: t('equipment.items.name'), primary: true,
            render: (i) => (
              <button type="button" className="eq-link" onClick={() => setEditItem(i)} data-testid="item-edit">
                {i.name}
                {i.archived && <Chip size="sm"> {t('equipment.items.archived')}</Chip>}
              </button>
            ),
          },
          { key: 'category', header: t('equipment.items.category'), render: (i) => enumLabel(t, 'equipmentCategory', i.category) },
          { key: 'quantity', header: t('equipment.items.quantity'), align: 'end', render: (i) => <span data-testid="item-quantity-cell">{i.quantity}</span> },
          { key: 'venue', header: t('equipment.items.venue'), render: (i) => venueName(i.venueId) },
        ]}
      />
      <div className="eq-toolbar">
        <h2>{t('equipment.kits.title')}</h2>
        <Button variant="secondary" icon={IconPlus} onClick={() => setEditKit('new')} disabled={items.length === 0} data-testid="kit-new">
          {t('equipment.kits.new')}
        </Button>
      </div>
      <Table
        caption={t('equipment.kits.title')}
        captionHidden
        rows={kits}
        rowKey={(k) => k.id}
        rowTestId={(k) => `kit-row-${k.id}`}
        empty={<EmptyState compact icon={IconBox} title={t('equipment.kits.empty')} headingLevel={3} />}
        columns={[
          { key: 'name', header: t('equipment.kits.name'), primary: true, render: (k) => <button type="button" className="eq-link" onClick={() => setEditKit(k)}>{k.name}</button> },
          { key: 'contents', header: t('equipment.kits.contents'), render: (k) => k.items.map((l) => `${l.quantity} x ${itemName.get(l.itemId) ?? '?'}`).join(', ') },
          { key: 'venue', header: t('equipment.items.venue'), render: (k) => venueName(k.venueId) },
        ]}
      />
      {editItem && <ItemForm item={editItem === 'new' ? null : editItem} onClose={() => setEditItem(null)} />}
      {editKit && <KitForm kit={editKit === 'new' ? null : editKit} items={items} onClose={() => setEditKit(null)} />}
    </div>
  );
}
