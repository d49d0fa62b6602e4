import { z } from 'zod';
import { UNSAFE_TEXT_MESSAGE, isSafeText } from '../sync/json-safety';

/**
 * Every text a client sends: a string without NUL (U+0000) and without unpaired UTF-16 surrogates, which
 * PostgreSQL refuses in text and jsonb (a 500 and a rolled-back batch otherwise). The issue is zod's `custom`
 * with the stable message UNSAFE_TEXT_MESSAGE.
 */
export const SafeText = z.string().refine(isSafeText, { message: UNSAFE_TEXT_MESSAGE });
/** A SafeText of at most `max` characters. */
export function text(max: number) {
  return SafeText.max(max);
}
/** Booleans are never coerced: the string "false" is refused, not read as true (zod's boolean, named for intent). */
export const StrictBoolean = z.boolean();

/** Primary and foreign keys: client-generated UUIDv7 (36 characters); a little room for other id shapes. */
export const Id = text(40).min(1);
/** A UTC instant, ISO 8601 with Z (what we store); shown in the organisation's zone. */
export const Instant = z.iso.datetime();
/** A calendar date, YYYY-MM-DD, in the organisation's zone. */
export const LocalDate = z.iso.date();
export const ShortText = SafeText.trim().max(200);
export const LongText = text(5000);

/** Fields every synced document has. */
export const base = {
  id: Id,
  /** When the writer made this version (the device's clock, clamped by the server); used by last-writer rules. */
  updatedAt: Instant,
};
