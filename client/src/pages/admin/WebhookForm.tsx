import { useState } from 'react';
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS, type WebhookEventType, type WebhookFormat } from '@coulisses/shared/integrations/webhooks';
import { createWebhook, type WebhookEndpoint } from '../../api/webhooks';
import { useT } from '../../i18n/useT';
import { Button, FormField, Input, Select } from '../../ui';
import { ErrorMessage } from '../../ui/ErrorMessage';

export const eventKey = (type: string) => `webhooks.events.${type.replace('.', '_')}` as 'webhooks.events.ping';

/** Adds a webhook endpoint: URL, events, format (and the Telegram chat). Calls back with the secret, shown once. */
export function WebhookForm({ onCreated, onCancel }: { onCreated: (endpoint: WebhookEndpoint, secret: string) => void; onCancel: () => void }) {
  const t = useT();
  const [url, setUrl] = useState('https://');
  const [events, setEvents] = useState<Set<WebhookEventType>>(new Set(['mission.published']));
  const [format, setFormat] = useState<WebhookFormat>('json');
  const [chatId, setChatId] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const toggle = (type: WebhookEventType, on: boolean) => {
    const next = new Set(events);
    if (on) next.add(type);
    else next.delete(type);
    setEvents(next);
  };

  const submit = async () => {
    setSaving(true);
    setError(null);
    try {
      const created = await createWebhook({ url: url.trim(), events: WEBHOOK_EVENTS.filter((e) => events.has(e)), format, ...(format === 'telegram' ? { telegramChatId: chatId.trim() } : {}) });
      onCreated(created.endpoint, created.secret);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="stack"
      data-testid="webhook-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FormField label={t('webhooks.page.url')} required>
        <Input type="url" value={url} onChange={(e) => setUrl(e.target.value)} data-testid="webhook-url" autoComplete="off" />
      </FormField>
      <fieldset className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend>{t('webhooks.page.events')}</legend>
        {WEBHOOK_EVENTS.map((type) => (
          <label key={type} style={{ display: 'flex', alignItems: 'center', gap: '0.5rem', minHeight: 44 }}>
            <input type="checkbox" checked={events.has(type)} onChange={(e) => toggle(type, e.target.checked)} data-testid={`webhook-event-${type}`} />
            <span>{t(eventKey(type))}</span>
          </label>
        ))}
      </fieldset>
      <FormField label={t('webhooks.page.format')}>
        <Select value={format} onChange={(e) => setFormat(e.target.value as WebhookFormat)} data-testid="webhook-format">
          {WEBHOOK_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`webhooks.formats.${f}`)}
            </option>
          ))}
        </Select>
      </FormField>
      {format === 'telegram' && (
        <FormField label={t('webhooks.page.chatId')} required>
          <Input value={chatId} onChange={(e) => setChatId(e.target.value)} data-testid="webhook-chat-id" />
        </FormField>
      )}
      <ErrorMessage error={error} testId="webhook-form-error" />
      <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
        <Button type="submit" loading={saving} disabled={events.size === 0} data-testid="webhook-create">
          {t('webhooks.page.create')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('webhooks.page.cancel')}
        </Button>
      </div>
    </form>
  );
}
