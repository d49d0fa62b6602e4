import nodemailer, { type Transporter } from 'nodemailer';

/** One email as the outbox keeps it. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Message-ID derived from the outbox row's idempotency key: a resend after a crash has the same one. */
  messageId: string;
  headers: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer (docs/runbooks/email.md): SMTP_URL (smtp:// with STARTTLS when the server offers it,
 * smtps:// for implicit TLS) and MAIL_FROM. Unset SMTP_URL: no mailer, emails stay in the outbox.
 */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer | null {
  if (!smtpUrl) return null;
  const transport: Transporter = nodemailer.createTransport(smtpUrl, { from });
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, html: m.html, messageId: m.messageId, headers: m.headers });
    },
    close: () => transport.close(),
  };
}
