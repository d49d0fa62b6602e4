import type { Logger } from 'pino';
import type { Database } from '../db/connect';
import type { Job, JobRunner } from '../jobs/runner';
import { EMAIL_JOB } from './outbox';
import { getOutbox, markFailed, markSent } from './outbox-repo';
import type { Mailer } from './mailer';

/**
 * Sends the outbox's emails: one job per message (key = the row id). The row is the truth: a message already SENT
 * (a second run after a crash that lost the job's end) is not sent again. A failure is recorded on the row and
 * thrown, so the runner retries with backoff; after the last attempt the message is DEAD, shown to the admins.
 * Without a mailer (no SMTP_URL) the job kind is not registered: the messages stay PENDING, on the admin page.
 */
export function registerOutboxJobs(runner: JobRunner, deps: { db: Database; mailer: Mailer | null; logger: Logger }): void {
  const { mailer } = deps;
  if (!mailer) return;
  const { sql } = deps.db;
  runner.register(EMAIL_JOB, async (job: Job) => {
    const id = String(job.payload.id ?? job.key);
    const row = await getOutbox(sql, id);
    if (!row || row.status === 'SENT') return;
    const { 'Message-ID': messageId, ...headers } = row.headers;
    try {
      await mailer.send({ to: row.recipient, subject: row.subject, text: row.body_text, html: row.body_html, messageId: messageId ?? `<${row.id}@coulisses>`, headers });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await markFailed(sql, id, message, job.attempts >= job.maxAttempts);
      throw err;
    }
    await markSent(sql, id);
    deps.logger.info({ outboxId: id, kind: row.kind }, 'email sent');
  });
}
