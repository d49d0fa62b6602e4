import { useT } from '../i18n/useT';
import { ErrorMessage } from './ErrorMessage';

export function ErrorScreen({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <div className="card card--narrow" data-testid="load-error">
      <h1>{t('app.loadFailed')}</h1>
      <ErrorMessage error={error} />
      <button type="button" className="button button--primary" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
