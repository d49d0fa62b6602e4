import { useEffect, useState } from 'react';
import { deleteWebhook, listWebhooks, testWebhook, updateWebhook, type WebhookEndpoint } from '../../api/webhooks';
import { useSession } from '../../auth/useSession';
import { useT } from '../../i18n/useT';
import { Button, Chip, useToast } from '../../ui';
import { CopyButton } from '../../ui/CopyButton';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { WebhookDeliveries } from './WebhookDeliveries';
import { WebhookForm, eventKey } from './WebhookForm';

/**
 * "Webhooks" of the admin page (issue 15): the organisation's endpoints, add one (its secret shown once), enable or
 * disable, delete, send a test, and each endpoint's delivery log.
 */
export function Webhooks() {
  const t = useT();
  const toast = useToast();
  const { me } = useSession();
  const timeZone = me?.activeOrg?.timezone ?? 'Europe/Paris';
  const [endpoints, setEndpoints] = useState<WebhookEndpoint[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<{ id: string; value: string } | null>(null);
  const [openLog, setOpenLog] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let alive = true;
    listWebhooks().then(
      (list) => alive && setEndpoints(list),
      (e: unknown) => alive && setError(e),
    );
    return () => {
      alive = false;
    };
  }, []);

  const act = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    }
  };
  const replace = (e: WebhookEndpoint) => setEndpoints((list) => list?.map((x) => (x.id === e.id ? e : x)) ?? null);

  return (
    <section aria-labelledby="webhooks-title" className="stack" data-testid="webhooks">
      <h2 id="webhooks-title">{t('webhooks.page.title')}</h2>
      <p className="muted">{t('webhooks.page.intro')}</p>
      <ErrorMessage error={error} testId="webhooks-error" />
      {secret && (
        <div className="card stack" role="status" data-testid="webhook-secret">
          <strong>{t('webhooks.page.secretTitle')}</strong>
          <p className="muted">{t('webhooks.page.secretHint')}</p>
          <code style={{ wordBreak: 'break-all' }} data-testid="webhook-secret-value">
            {secret.value}
          </code>
          <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
            <CopyButton text={secret.value} />
            <Button variant="ghost" onClick={() => setSecret(null)}>
              {t('webhooks.page.close')}
            </Button>
          </div>
        </div>
      )}
      {endpoints?.length === 0 && !adding && <p className="muted">{t('webhooks.page.empty')}</p>}
      {endpoints?.map((e) => (
        <article key={e.id} className="card stack" data-testid={`webhook-${e.id}`}>
          <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap' }}>
            <code style={{ wordBreak: 'break-all' }}>{e.url}</code>
            <Chip size="sm" tone={e.active ? 'success' : 'neutral'}>
              {e.active ? t('webhooks.page.active') : t('webhooks.page.inactive')}
            </Chip>
            <Chip size="sm" variant="outline">
              {t(`webhooks.formats.${e.format}`)}
            </Chip>
          </div>
          <p className="muted">{e.events.map((type) => t(eventKey(type))).join(', ')}</p>
          <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
            <Button
              size="sm"
              variant="secondary"
              data-testid="webhook-test"
              onClick={() =>
                void act(async () => {
                  await testWebhook(e.id);
                  toast.show({ message: t('webhooks.page.testQueued'), tone: 'success' });
                  setRefresh((n) => n + 1);
                })
              }
            >
              {t('webhooks.page.test')}
            </Button>
            <Button size="sm" variant="secondary" data-testid="webhook-toggle" onClick={() => void act(async () => replace(await updateWebhook(e.id, { active: !e.active })))}>
              {e.active ? t('webhooks.page.disable') : t('webhooks.page.enable')}
            </Button>
            <Button size="sm" variant="ghost" aria-expanded={openLog === e.id} data-testid="webhook-log-toggle" onClick={() => setOpenLog(openLog === e.id ? null : e.id)}>
              {openLog === e.id ? t('webhooks.page.hideLog') : t('webhooks.page.log')}
            </Button>
            {confirming === e.id ? (
              <>
                <span>{t('webhooks.page.confirmDelete')}</span>
                <Button
                  size="sm"
                  variant="danger"
                  data-testid="webhook-delete-confirm"
                  onClick={() =>
                    void act(async () => {
                      await deleteWebhook(e.id);
                      setEndpoints((list) => list?.filter((x) => x.id !== e.id) ?? null);
                      setConfirming(null);
                    })
                  }
                >
                  {t('webhooks.page.delete')}
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
                  {t('webhooks.page.cancel')}
                </Button>
              </>
            ) : (
              <Button size="sm" variant="danger" data-testid="webhook-delete" onClick={() => setConfirming(e.id)}>
                {t('webhooks.page.delete')}
              </Button>
            )}
          </div>
          {openLog === e.id && <WebhookDeliveries endpointId={e.id} timeZone={timeZone} refreshKey={refresh} />}
        </article>
      ))}
      {adding ? (
        <WebhookForm
          onCancel={() => setAdding(false)}
          onCreated={(endpoint, value) => {
            setEndpoints((list) => [...(list ?? []), endpoint]);
            setSecret({ id: endpoint.id, value });
            setAdding(false);
          }}
        />
      ) : (
        <div>
          <Button onClick={() => setAdding(true)} data-testid="webhook-add">
            {t('webhooks.page.add')}
          </Button>
        </div>
      )}
    </section>
  );
}
