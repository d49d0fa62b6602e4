import { Link } from 'react-router';
import { useT } from '../i18n/useT';

/** The logo and name, a link to the landing page; `compact` keeps the mark only on narrow phones. */
export function Brand({ compact = false }: { compact?: boolean }) {
  const t = useT();
  return (
    <Link to="/" className={compact ? 'brand brand--compact' : 'brand'} aria-label={t('appHeader.home')}>
      <img className="brand__logo" src="/icons/icon-192.png" alt="" width={32} height={32} />
      <span className="brand__name" data-testid="app-name">
        {t('app.name')}
      </span>
    </Link>
  );
}
