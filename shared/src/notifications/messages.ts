import { translate, type Locale } from '../i18n/index';

/**
 * The message catalogue of notifications (docs/notifications.md): every email the server sends, rendered here from
 * the i18n catalogues (mail.<kind>.*) in the recipient's language, as plain text and HTML. Pure: data in, message out.
 */
export const MESSAGE_KINDS = [
  'org-invitation',
  'mission-invitation',
  'mission-reminder',
  'mission-changed',
  'mission-cancelled',
  'timesheet-to-confirm',
  'password-reset',
  'email-verification',
  'kpi-value-due',
  'action-overdue',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Messages a person cannot turn off (they are the answer to their own request, or the way back into the account). */
export const ESSENTIAL_KINDS: ReadonlySet<MessageKind> = new Set(['password-reset', 'email-verification']);

/** Messages that carry a secret link: never shown to an organisation's admins on the outbox page. */
export const SECRET_KINDS: ReadonlySet<MessageKind> = new Set(['password-reset', 'email-verification']);

export function isMessageKind(value: unknown): value is MessageKind {
  return typeof value === 'string' && (MESSAGE_KINDS as readonly string[]).includes(value);
}

export interface MessageInput {
  kind: MessageKind;
  locale: Locale;
  /** The recipient's name, when known. */
  name?: string | null;
  /** The organisation's name (footer), when the message is about one. */
  org?: string | null;
  /** Values of the texts' {placeholders} (already formatted for the recipient's language and zone). */
  vars?: Record<string, string>;
  /** The main button. */
  actionUrl: string;
  /** A second link (the decline link of a mission invitation). */
  secondaryUrl?: string | null;
  /** The unsubscribe link (none for essential messages). */
  unsubscribeUrl?: string | null;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** Control characters (NUL...) and line breaks never reach a subject line or a header (header injection). */
export function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** Only http(s) links are written into a message (a javascript: URL in a button is refused). */
function safeUrl(url: string): string {
  if (!/^https?:\/\/[^\s"<>]+$/i.test(url) || oneLine(url) !== url) throw new Error('Refused link: only http(s) URLs without spaces');
  return url;
}

export function renderMessage(input: MessageInput): RenderedMessage {
  const { kind, locale } = input;
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries({ org: input.org ?? '', ...input.vars })) vars[k] = oneLine(v);
  const t = (key: string, params: Record<string, string> = vars) => translate(locale, key, params);
  const subject = oneLine(t(`mail.${kind}.subject`));
  const greeting = input.name ? t('mail.greeting', { name: oneLine(input.name) }) : t('mail.greetingAnonymous');
  const intro = t(`mail.${kind}.intro`);
  const detail = t(`mail.${kind}.detail`);
  const action = t(`mail.${kind}.action`);
  const actionUrl = safeUrl(input.actionUrl);
  const secondaryUrl = input.secondaryUrl ? safeUrl(input.secondaryUrl) : null;
  const secondary = secondaryUrl ? t(`mail.${kind}.secondary`) : null;
  const footer = input.org ? t('mail.footer') : t('mail.footerNoOrg');
  const unsubscribeUrl = input.unsubscribeUrl ? safeUrl(input.unsubscribeUrl) : null;
  const signature = t('mail.signature');

  const textLines = [greeting, '', intro, '', `${action}: ${actionUrl}`];
  if (secondaryUrl && secondary) textLines.push(`${secondary}: ${secondaryUrl}`);
  textLines.push('', detail, '', signature, '', '--', footer);
  if (unsubscribeUrl) textLines.push(`${t('mail.unsubscribe')}: ${unsubscribeUrl}`);
  const text = textLines.join('\n') + '\n';

  const e = escapeHtml;
  const button = (label: string, url: string, primary: boolean) =>
    `<a href="${e(url)}" style="display:inline-block;padding:12px 20px;margin:4px 8px 4px 0;border-radius:6px;text-decoration:none;font-weight:600;${
      primary ? 'background:#5b3cc4;color:#ffffff' : 'background:#ffffff;color:#5b3cc4;border:1px solid #5b3cc4'
    }">${e(label)}</a>`;
  const html = [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f5f4f8;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d1b26">',
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">',
    `<p>${e(greeting)}</p>`,
    `<p>${e(intro)}</p>`,
    `<p>${button(action, actionUrl, true)}${secondaryUrl && secondary ? button(secondary, secondaryUrl, false) : ''}</p>`,
    `<p>${e(detail)}</p>`,
    `<p style="font-size:13px;color:#5d5a6b">${e(t('mail.linkFallback'))}<br><a href="${e(actionUrl)}" style="color:#5b3cc4;word-break:break-all">${e(actionUrl)}</a></p>`,
    `<p>${e(signature)}</p>`,
    '</div>',
    `<p style="max-width:560px;margin:16px auto 0;font-size:12px;color:#5d5a6b">${e(footer)}${
      unsubscribeUrl ? ` <a href="${e(unsubscribeUrl)}" style="color:#5d5a6b">${e(t('mail.unsubscribe'))}</a>` : ''
    }</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
