import { useEffect, useState } from 'react';
import { formatInZone } from '@coulisses/shared/i18n/format';
import type { WebhookDeliveryStatus } from '@coulisses/shared/integrations/webhooks';
import { listWebhookDeliveries, redeliverWebhook, type WebhookDelivery } from '../../api/webhooks';
import { useI18n } from '../../i18n/useT';
import { Button, Chip, Table, type Tone } from '../../ui';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { eventKey } from './WebhookForm';

const TONE: Record<WebhookDeliveryStatus, Tone> = { PENDING: 'info', SENT: 'success', FAILED: 'danger', DEAD: 'danger' };

/** The delivery log of one endpoint, newest first, with "send again" on a failed delivery. */
export function WebhookDeliveries({ endpointId, timeZone, refreshKey }: { endpointId: string; timeZone: string; refreshKey: number }) {
  const { t, locale } = useI18n();
  const [rows, setRows] = useState<WebhookDelivery[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let alive = true;
    listWebhookDeliveries(endpointId, null).then(
      (page) => {
        if (!alive) return;
        setRows(page.deliveries);
        setNext(page.nextBefore);
      },
      (e: unknown) => alive && setError(e),
    );
    return () => {
      alive = false;
    };
  }, [endpointId, refreshKey, tick]);

  // While a delivery is on its way, look again every 2 s (the first page).
  const pending = rows?.some((r) => r.status === 'PENDING') ?? false;
  useEffect(() => {
    if (!pending) return undefined;
    const timer = window.setTimeout(() => setTick((n) => n + 1), 2000);
    return () => window.clearTimeout(timer);
  }, [pending, tick]);

  const more = async (before: string) => {
    try {
      const page = await listWebhookDeliveries(endpointId, before);
      setRows((list) => [...(list ?? []), ...page.deliveries]);
      setNext(page.nextBefore);
    } catch (e) {
      setError(e);
    }
  };

  const redeliver = async (d: WebhookDelivery) => {
    try {
      const updated = await redeliverWebhook(endpointId, d.id);
      setRows((list) => list?.map((r) => (r.id === d.id ? updated : r)) ?? null);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className="stack" data-testid={`webhook-log-${endpointId}`}>
      <ErrorMessage error={error} testId="webhook-log-error" />
      {rows && (
        <Table
          caption={t('webhooks.page.log')}
          rows={rows}
          rowKey={(r) => r.id}
          rowTestId={(r) => `webhook-delivery-${r.id}`}
          dense
          empty={<p className="muted">{t('webhooks.page.noDeliveries')}</p>}
          columns={[
            { key: 'time', header: t('webhooks.page.time'), primary: true, render: (r) => formatInZone(locale, r.createdAt, timeZone) },
            { key: 'event', header: t('webhooks.page.event'), render: (r) => t(eventKey(r.eventType)) },
            { key: 'code', header: t('webhooks.page.code'), render: (r) => (r.lastResponseCode === null ? '-' : String(r.lastResponseCode)), align: 'end' },
            { key: 'attempts', header: t('webhooks.page.attempts'), render: (r) => String(r.attempts), align: 'end' },
            {
              key: 'status',
              header: t('webhooks.page.status'),
              render: (r) => (
                <Chip tone={TONE[r.status]} size="sm" title={r.lastError ?? undefined} data-testid="webhook-delivery-status">
                  {t(`webhooks.statuses.${r.status}`)}
                </Chip>
              ),
            },
            {
              key: 'actions',
              header: t('webhooks.page.redeliver'),
              headerHidden: true,
              render: (r) =>
                r.status === 'FAILED' || r.status === 'DEAD' ? (
                  <Button size="sm" variant="secondary" onClick={() => void redeliver(r)}>
                    {t('webhooks.page.redeliver')}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      {next && (
        <Button size="sm" variant="ghost" onClick={() => void more(next)}>
          {t('webhooks.page.more')}
        </Button>
      )}
    </div>
  );
}
