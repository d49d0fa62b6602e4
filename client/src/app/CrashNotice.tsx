import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { IconError } from '../ui/icons';
import { useT } from '../i18n/useT';

/** What a screen that failed to draw shows instead: what happened, that nothing was lost, and two ways out. */
export function CrashNotice({ error }: { error: Error }) {
  const t = useT();
  return (
    <div className="page" role="alert" data-testid="crash-notice">
      <EmptyState
        title={t('app.crash.title')}
        icon={IconError}
        action={
          <>
            <Button variant="primary" onClick={() => window.location.reload()}>
              {t('app.crash.reload')}
            </Button>
            <Button variant="secondary" onClick={() => window.history.back()}>
              {t('app.crash.back')}
            </Button>
          </>
        }
      >
        <p>{t('app.crash.text')}</p>
        <p className="muted">
          <code>{error.message.slice(0, 200)}</code>
        </p>
      </EmptyState>
    </div>
  );
}
