import { missionTransition } from '../planning/mission-transition';
import { formatInZone, formatLocalDate } from '../i18n/format';
import { translate, type Locale } from '../i18n';

/**
 * Webhooks (issue 15, docs/decisions/notifications.md "Webhooks"): the events an organisation's endpoints subscribe
 * to, how a stored write becomes events (pure: the state before and after), and the bodies of the three formats.
 * The server signs and sends them (sync-server/src/integrations/webhooks).
 */
export const WEBHOOK_EVENTS = ['mission.published', 'mission.changed', 'mission.cancelled', 'assignment.answered', 'timesheet.validated', 'punch.flagged', 'kpi.red'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];
/** The test event of the "send a test" button: delivered whatever the endpoint subscribes to. */
export const WEBHOOK_PING = 'ping' as const;
export type WebhookDeliveryType = WebhookEventType | typeof WEBHOOK_PING;

export const WEBHOOK_FORMATS = ['json', 'slack', 'telegram'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const WEBHOOK_DELIVERY_STATUSES = ['PENDING', 'SENT', 'FAILED', 'DEAD'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

type Doc = Record<string, unknown>;

/** Fields of a published mission whose change is a "mission.changed" event. */
export const MISSION_CHANGE_FIELDS = ['title', 'startAt', 'endAt', 'venueId', 'projectId', 'type', 'needs', 'notes', 'contacts', 'teamId'] as const;

const live = (d: Doc | undefined): d is Doc => !!d && d._deleted !== true;

/** What a webhook says of a document: the fields a receiver needs, never the whole document. */
const DATA_FIELDS: Record<string, readonly string[]> = {
  missions: ['id', 'title', 'status', 'startAt', 'endAt', 'venueId', 'projectId', 'type'],
  assignments: ['id', 'missionId', 'userId', 'status', 'statusChangedAt', 'statusChangedBy', 'declineReason'],
  timesheets: ['id', 'userId', 'missionId', 'date', 'status', 'startAt', 'endAt', 'workedMinutes', 'validatedAt'],
  field_events: ['id', 'userId', 'missionId', 'at', 'flags'],
  kpi_values: ['id', 'kpiId', 'periodStart', 'periodEnd', 'value', 'status'],
};

export function webhookData(entity: string, doc: Doc): Doc {
  const out: Doc = { entity };
  for (const f of DATA_FIELDS[entity] ?? ['id']) if (doc[f] !== undefined) out[f] = doc[f];
  if (entity === 'field_events') out.punchType = (doc.payload as Doc | undefined)?.punchType ?? null;
  return out;
}

/**
 * The events a stored write makes (before: the stored live state, undefined for a new document). A mission is
 * published when its status becomes PUBLISHED, changed when a published mission's times, venue, title... change,
 * cancelled when it becomes CANCELLED or a published one is deleted; an assignment is answered when it becomes
 * ACCEPTED or DECLINED; a timesheet validated when it becomes VALIDATED; a punch flagged when it arrives with flags;
 * a KPI value turns red when its status becomes RED.
 */
export function webhookEventsOf(entity: string, before: Doc | undefined, after: Doc): WebhookEventType[] {
  const prev = live(before) ? before : undefined;
  if (entity === 'missions') {
    const t = missionTransition(before, after, MISSION_CHANGE_FIELDS);
    return t ? [`mission.${t}`] : [];
  }
  if (!live(after)) return [];
  if (entity === 'assignments') return (after.status === 'ACCEPTED' || after.status === 'DECLINED') && prev?.status !== after.status ? ['assignment.answered'] : [];
  if (entity === 'timesheets') return after.status === 'VALIDATED' && prev?.status !== 'VALIDATED' ? ['timesheet.validated'] : [];
  if (entity === 'field_events') return !before && after.kind === 'PUNCH' && Array.isArray(after.flags) && after.flags.length > 0 ? ['punch.flagged'] : [];
  if (entity === 'kpi_values') return after.status === 'RED' && prev?.status !== 'RED' ? ['kpi.red'] : [];
  return [];
}

/** The collections whose writes may make events (the server hooks only these). */
export const WEBHOOK_ENTITIES = ['missions', 'assignments', 'timesheets', 'field_events', 'kpi_values'] as const;

export interface WebhookEvent {
  id: string;
  type: WebhookDeliveryType;
  /** UTC instant. */
  createdAt: string;
  orgId: string;
  data: Doc;
}

export interface RenderContext {
  locale: Locale;
  /** The organisation's time zone (times in the texts). */
  timeZone: string;
  orgName: string;
  telegramChatId?: string | null;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** The one-line text of an event in the organisation's language (Slack and Telegram bodies). */
export function webhookText(event: WebhookEvent, ctx: RenderContext): string {
  const d = event.data;
  const at = (v: unknown) => (typeof v === 'string' && v ? formatInZone(ctx.locale, v, ctx.timeZone) : '');
  const params = {
    org: ctx.orgName,
    title: str(d.title),
    start: at(d.startAt),
    status: str(d.status) ? translate(ctx.locale, `webhooks.answers.${str(d.status)}`) : '',
    date: typeof d.date === 'string' ? formatLocalDate(ctx.locale, d.date) : '',
    at: at(d.at),
    flags: Array.isArray(d.flags) ? d.flags.join(', ') : '',
    value: str(d.value),
    period: typeof d.periodStart === 'string' ? formatLocalDate(ctx.locale, d.periodStart) : '',
  };
  return translate(ctx.locale, `webhooks.texts.${event.type.replace('.', '_')}`, params);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeSlack = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The body of a delivery, exactly the bytes signed and sent (JSON text). */
export function renderWebhookBody(format: WebhookFormat, event: WebhookEvent, ctx: RenderContext): string {
  if (format === 'json') return JSON.stringify({ id: event.id, type: event.type, createdAt: event.createdAt, orgId: event.orgId, data: event.data });
  const text = webhookText(event, ctx);
  if (format === 'slack') {
    return JSON.stringify({
      text,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: escapeSlack(text) } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: escapeSlack(`${event.type} - ${event.id}`) }] },
      ],
    });
  }
  return JSON.stringify({ chat_id: ctx.telegramChatId ?? '', text: `<b>${escapeHtml(ctx.orgName)}</b>\n${escapeHtml(text)}`, parse_mode: 'HTML' });
}

/** The signed string of a delivery: `t + "." + body` (the X-Coulisses-Signature scheme). */
export const signedPayload = (t: number, body: string): string => `${t}.${body}`;

/** Parses an X-Coulisses-Signature header (`t=<unix s>,v1=<hex>`), or null when malformed. */
export function parseSignatureHeader(header: string | null | undefined): { t: number; v1: string[] } | null {
  if (!header) return null;
  let t: number | null = null;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const [k, v] = part.trim().split('=', 2);
    if (k === 't' && v && /^\d+$/.test(v)) t = Number(v);
    else if (k === 'v1' && v && /^[0-9a-f]{64}$/.test(v)) v1.push(v);
  }
  return t === null || v1.length === 0 ? null : { t, v1 };
}
