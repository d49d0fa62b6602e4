/**
 * Stable API error codes and their HTTP status. The message of each code lives in the i18n
 * catalogues under `errors.<CODE>`, so clients may show it or translate the code themselves.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NO_ACTIVE_ORG: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  KIOSK_REVOKED: 401,
  PIN_LOCKED: 423,
  /** A PIN refused by shared/src/timeclock/pin-rules.ts (format, one digit repeated, a run, a common PIN). */
  PIN_FORMAT: 400,
  PIN_REPEATED_DIGITS: 400,
  PIN_SEQUENCE: 400,
  PIN_TOO_COMMON: 400,
  PUNCH_NOT_SYNCED: 409,
  PHOTO_MISMATCH: 422,
  OUTSIDE_GEOFENCE: 422,
  INVALID_RATE_PROFILE: 422,
  SCOPE_CHANGED: 410,
  CHECKPOINT_EXPIRED: 410,
  APP_UPDATE_REQUIRED: 426,
  ORIGIN_REFUSED: 403,
  NOT_ON_ROSTER: 422,
  UNKNOWN_PERSON: 422,
  MISSION_NOT_ON_ROSTER: 422,
  /** KPI value import (docs/decisions/kpi-import.md): the upload itself is refused, before any row is read. */
  IMPORT_NO_FILE: 400,
  IMPORT_EMPTY: 400,
  IMPORT_NOT_A_SPREADSHEET: 400,
  IMPORT_XLS_UNSUPPORTED: 400,
  IMPORT_BAD_MAPPING: 400,
  IMPORT_TOO_LARGE: 413,
  IMPORT_TOO_MANY_ROWS: 413,
  /** Signed exports (issue 13, docs/decisions/signed-exports.md). */
  EXPORT_CONFLICT: 409,
  EXPORT_NO_FILE: 400,
  /** Notifications (issue 15, docs/decisions/notifications.md). */
  OUTBOX_NOT_DEAD: 409,
  NOTIFICATION_ESSENTIAL: 400,
  UNSUBSCRIBE_INVALID: 400,
  /** Equipment (issue 13): refusals of a reservation or an incident event (push rejections and REST reads). */
  EQUIPMENT_NOT_FOUND: 404,
  EQUIPMENT_MISSION_NOT_FOUND: 404,
  INCIDENT_NOT_FOUND: 404,
  INVALID_INCIDENT: 400,
  /** Calendar feeds (issue 15): an ICS file to import that is missing, not iCalendar, or too large. */
  ICS_NO_FILE: 400,
  ICS_INVALID: 400,
  ICS_TOO_LARGE: 413,
  /** Webhooks (issue 15, docs/runbooks/webhooks.md). */
  WEBHOOK_NOT_FOUND: 404,
  WEBHOOK_DELIVERY_NOT_FOUND: 404,
  WEBHOOK_URL_REFUSED: 400,
  WEBHOOK_TELEGRAM_CHAT_REQUIRED: 400,
  WEBHOOK_NOT_REDELIVERABLE: 409,
  INTERNAL: 500,
  NOT_READY: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_STATUS, value);
}

/** The one error body shape of the API. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    details?: unknown;
    requestId?: string;
  };
}
