import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { isMessageKind } from '@coulisses/shared/notifications/messages';
import { PublicLayout } from '../../app/PublicLayout';
import { apiRequest } from '../../api/http';
import { useT } from '../../i18n/useT';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';

/**
 * The unsubscribe link of a message: no session needed (the token is signed for one account and one kind). The
 * person confirms with one button (a mail scanner following links must not unsubscribe anyone).
 */
export function UnsubscribePage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const kindPart = token.split('.')[1] ?? '';
  const kind = isMessageKind(kindPart) ? t(`notifications.kinds.${kindPart}`) : null;
  const [state, setState] = useState<'ask' | 'busy' | 'done'>('ask');
  const [error, setError] = useState<unknown>(null);

  const confirm = async () => {
    setState('busy');
    setError(null);
    try {
      await apiRequest(`/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`, { method: 'POST' });
      setState('done');
    } catch (caught) {
      setError(caught);
      setState('ask');
    }
  };

  return (
    <PublicLayout>
      <section className="card card--narrow" data-testid="page-unsubscribe" aria-labelledby="unsubscribe-title">
        <h1 id="unsubscribe-title">{t('unsubscribe.title')}</h1>
        {!kind ? (
          <p className="alert alert--warning" role="alert">
            {t('unsubscribe.invalid')}
          </p>
        ) : state === 'done' ? (
          <p className="alert alert--success" role="status" data-testid="unsubscribe-done">
            {t('unsubscribe.done', { kind })}
          </p>
        ) : (
          <>
            <p className="lead">{t('unsubscribe.confirm', { kind })}</p>
            <ErrorMessage error={error} testId="unsubscribe-error" />
            <Button variant="primary" onClick={() => void confirm()} disabled={state === 'busy'} data-testid="unsubscribe-submit">
              {t('unsubscribe.submit')}
            </Button>
          </>
        )}
      </section>
    </PublicLayout>
  );
}
