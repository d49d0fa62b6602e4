import { useT } from '../i18n/useT';

export function LoadingScreen() {
  const t = useT();
  return (
    <div className="loading" role="status" aria-live="polite" data-testid="loading">
      <span className="loading__dot" aria-hidden="true" />
      {t('app.loading')}
    </div>
  );
}
