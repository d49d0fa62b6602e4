import { useCallback, useEffect, useState } from 'react';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { listOutbox, resendOutbox, type OutboxMessage, type OutboxStatus } from '../../api/notifications';
import { useOrgContext } from '../../data/org/useOrgContext';
import { useI18n } from '../../i18n/useT';
import { Button } from '../../ui/Button';
import { Chip } from '../../ui/Chip';
import { CopyButton } from '../../ui/CopyButton';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Table, type TableColumn } from '../../ui/Table';
import type { Tone } from '../../ui/tones';

const STATUS_TONE: Record<OutboxStatus, Tone> = { PENDING: 'warning', SENT: 'success', DEAD: 'danger' };
const FILTERS: (OutboxStatus | null)[] = [null, 'PENDING', 'SENT', 'DEAD'];

/** The first link of a message's text (the invitation or mission link an admin passes on without SMTP). */
function firstLink(text: string): string | null {
  return /https?:\/\/\S+/.exec(text)?.[0] ?? null;
}

/**
 * The organisation's email outbox for its admins: every message with its state, attempts and last error, "send
 * again" for a dead one, and without an SMTP server the links to pass on by hand. Reset and verification messages
 * (secret links) are never listed: the server keeps them out of this page.
 */
export function OutboxPanel() {
  const { t, locale } = useI18n();
  const { tz } = useOrgContext();
  const [status, setStatus] = useState<OutboxStatus | null>(null);
  const [messages, setMessages] = useState<OutboxMessage[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [smtp, setSmtp] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(
    (filter: OutboxStatus | null, before: string | null) =>
      listOutbox(filter, before).then(
        (page) => {
          setError(null);
          setSmtp(page.smtp);
          setNext(page.next);
          setMessages((list) => (before && list ? [...list, ...page.messages] : page.messages));
        },
        (caught: unknown) => setError(caught),
      ),
    [],
  );

  useEffect(() => {
    void load(status, null);
  }, [load, status]);

  const resend = async (id: string) => {
    setBusy(id);
    setNotice(null);
    setError(null);
    try {
      await resendOutbox(id);
      setNotice(t('outbox.resent'));
      await load(status, null);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumn<OutboxMessage>[] = [
    { key: 'subject', header: t('outbox.subject'), primary: true, render: (m) => <span className="break">{m.subject}</span> },
    { key: 'recipient', header: t('outbox.recipient'), render: (m) => <span className="break">{m.recipient}</span> },
    { key: 'when', header: t('outbox.when'), render: (m) => formatInZone(locale, m.createdAt, tz, 'short') },
    {
      key: 'status',
      header: t('outbox.status'),
      render: (m) => (
        <Chip tone={STATUS_TONE[m.status]} size="sm" title={m.lastError ?? undefined} data-testid={`outbox-status-${m.id}`}>
          {t(`notifications.status.${m.status}`)}
        </Chip>
      ),
    },
    { key: 'attempts', header: t('outbox.attempts'), align: 'end', render: (m) => String(m.attempts) },
    {
      key: 'actions',
      header: t('outbox.body'),
      headerHidden: true,
      render: (m) => {
        const link = firstLink(m.text);
        return (
          <span className="cell-actions">
            {!smtp && link ? <CopyButton text={link} label={t('outbox.copyLink')} testId={`outbox-copy-${m.id}`} /> : null}
            {m.status === 'DEAD' ? (
              <Button size="sm" onClick={() => void resend(m.id)} disabled={busy === m.id} data-testid={`outbox-resend-${m.id}`}>
                {t('outbox.resend')}
              </Button>
            ) : null}
          </span>
        );
      },
    },
  ];

  return (
    <section aria-labelledby="outbox-title" data-testid="outbox-panel">
      <h2 id="outbox-title">{t('outbox.title')}</h2>
      <p className="muted">{t('outbox.lead')}</p>
      {!smtp ? (
        <p className="alert alert--warning" data-testid="outbox-no-smtp">
          {t('outbox.noSmtp')}
        </p>
      ) : null}
      <div className="filter-row" role="group" aria-label={t('outbox.filter')}>
        {FILTERS.map((f) => (
          <Button key={f ?? 'all'} size="sm" variant={status === f ? 'primary' : 'secondary'} aria-pressed={status === f} onClick={() => setStatus(f)}>
            {f ? t(`notifications.status.${f}`) : t('outbox.all')}
          </Button>
        ))}
      </div>
      {notice ? (
        <p className="alert alert--success" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorMessage error={error} testId="outbox-error" />
      {messages ? (
        <Table
          caption={t('outbox.title')}
          captionHidden
          columns={columns}
          rows={messages}
          rowKey={(m) => m.id}
          rowTestId={(m) => `outbox-row-${m.id}`}
          empty={<p className="muted">{t('outbox.empty')}</p>}
          dense
        />
      ) : null}
      {next ? (
        <Button variant="secondary" onClick={() => void load(status, next)}>
          {t('outbox.more')}
        </Button>
      ) : null}
    </section>
  );
}
