import { z } from 'zod';

/** Primary and foreign keys: client-generated UUIDv7 (36 characters); a little room for other id shapes. */
export const Id = z.string().min(1).max(40);
/** A UTC instant, ISO 8601 with Z (what we store); shown in the organisation's zone. */
export const Instant = z.iso.datetime();
/** A calendar date, YYYY-MM-DD, in the organisation's zone. */
export const LocalDate = z.iso.date();
export const ShortText = z.string().trim().max(200);
export const LongText = z.string().max(5000);

/** Fields every synced document has. */
export const base = {
  id: Id,
  /** When the writer made this version (the device's clock, clamped by the server); used by last-writer rules. */
  updatedAt: Instant,
};
