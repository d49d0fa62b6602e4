import { z } from 'zod';
import { Id, LongText, text } from '../entities/common';

/**
 * Equipment documents (docs/data-model.md, "Equipment documents"): kinds of the `reference` collection, each with
 * its typed `data`, checked by the collection's registry entry on the client and the server (kindData).
 */
export const EQUIPMENT_CATEGORIES = ['SOUND', 'LIGHT', 'VIDEO', 'RIGGING', 'POWER', 'STAGE', 'OTHER'] as const;
export type EquipmentCategory = (typeof EQUIPMENT_CATEGORIES)[number];

/** At most this many units of one item or kit (a sane bound, not a rule of the trade). */
export const EQUIPMENT_MAX_QUANTITY = 100_000;

const Quantity = z.number().int().min(0).max(EQUIPMENT_MAX_QUANTITY);
const Positive = z.number().int().min(1).max(EQUIPMENT_MAX_QUANTITY);

/** `data` of a `reference` document of kind `equipment_item`: the item's name is the document's `name`. */
export const EquipmentItemData = z
  .object({
    category: z.enum(EQUIPMENT_CATEGORIES),
    /** Units owned (0: none at the moment; any reservation is then a conflict). */
    quantity: Quantity,
    /** Where it is kept (a venue), null when nowhere in particular. */
    venueId: Id.nullable(),
    serials: z.array(text(80)).max(500).optional(),
    notes: LongText.optional(),
  })
  .strict();
export type EquipmentItemData = z.infer<typeof EquipmentItemData>;

/** `data` of a `reference` document of kind `equipment_kit`: a named set of items (a rigging kit...). */
export const EquipmentKitData = z
  .object({
    items: z.array(z.object({ itemId: Id, quantity: Positive }).strict()).min(1).max(200),
    venueId: Id.nullable(),
    notes: LongText.optional(),
  })
  .strict();
export type EquipmentKitData = z.infer<typeof EquipmentKitData>;

export const RESERVATION_ISSUES = { ONE_TARGET: 'EQUIPMENT_RESERVATION_TARGET' } as const;

/** `data` of a `reference` document of kind `equipment_reservation`: an item or a kit on a mission. */
export const EquipmentReservationData = z
  .object({
    missionId: Id,
    itemId: Id.nullable(),
    kitId: Id.nullable(),
    quantity: Positive,
    note: text(500).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if ((d.itemId === null) === (d.kitId === null)) ctx.addIssue({ code: 'custom', path: ['itemId'], message: RESERVATION_ISSUES.ONE_TARGET });
  });
export type EquipmentReservationData = z.infer<typeof EquipmentReservationData>;

export const EQUIPMENT_KINDS = ['equipment_item', 'equipment_kit', 'equipment_reservation'] as const;
export type EquipmentKind = (typeof EQUIPMENT_KINDS)[number];

/** The typed `data` schema of each equipment kind (for the reference entry's kindData). */
export const EQUIPMENT_KIND_DATA = {
  equipment_item: EquipmentItemData,
  equipment_kit: EquipmentKitData,
  equipment_reservation: EquipmentReservationData,
} as const;
