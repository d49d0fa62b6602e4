import type { EquipmentCategory } from '@coulisses/shared/equipment/documents';

/**
 * The demo organisation's equipment (issue 13): a few items and a rigging kit, kept at its venues (season keys).
 * The seed reserves the sound console (one owned) on two overlapping missions, so the Conflicts tab shows a double
 * booking at once, and records two incidents from the field (one open, one closed by the planner).
 */
export interface EquipmentSeason {
  slug: string;
  items: { key: string; name: string; category: EquipmentCategory; quantity: number; venue: string | null; serials?: string[] }[];
  kits: { key: string; name: string; venue: string | null; items: { item: string; quantity: number }[] }[];
  /** The item reserved on two overlapping missions (beyond its quantity). */
  doubleBooked: string;
  /** The kit reserved on a third mission. */
  kitReserved: string;
  incidents: { item: string | null; category: 'BREAKDOWN' | 'DAMAGE' | 'LOSS' | 'SAFETY' | 'OTHER'; severity: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL'; description: string; daysAgo: number; closeNote: string | null }[];
}

export const EQUIPMENT_SEASONS: EquipmentSeason[] = [
  {
    slug: 'grand-plateau',
    items: [
      { key: 'console', name: 'Console son Yamaha CL5', category: 'SOUND', quantity: 1, venue: 'plateau', serials: ['CL5-20931'] },
      { key: 'grandma', name: 'Pupitre lumiere grandMA3 light', category: 'LIGHT', quantity: 1, venue: 'plateau' },
      { key: 'projector', name: 'Videoprojecteur Panasonic PT-RZ120', category: 'VIDEO', quantity: 2, venue: 'atelier' },
      { key: 'motor', name: 'Moteur de levage 500 kg', category: 'RIGGING', quantity: 8, venue: 'atelier' },
      { key: 'sling', name: 'Elingue acier 2 m', category: 'RIGGING', quantity: 24, venue: 'atelier' },
      { key: 'dimmer', name: 'Bloc de puissance 12 x 3 kW', category: 'POWER', quantity: 4, venue: 'plateau' },
    ],
    kits: [{ key: 'rigging', name: 'Kit accroche tournee', venue: 'atelier', items: [{ item: 'motor', quantity: 4 }, { item: 'sling', quantity: 8 }] }],
    doubleBooked: 'console',
    kitReserved: 'rigging',
    incidents: [
      { item: 'projector', category: 'BREAKDOWN', severity: 'HIGH', description: 'Le videoprojecteur jardin s\'eteint apres 20 minutes (surchauffe).', daysAgo: 2, closeNote: null },
      { item: 'sling', category: 'DAMAGE', severity: 'MEDIUM', description: 'Une elingue effilochee au demontage, mise de cote.', daysAgo: 5, closeNote: 'Elingue reformee et remplacee.' },
    ],
  },
];
