import { useT } from '../i18n/useT';

export function Brand() {
  const t = useT();
  return (
    <span className="brand">
      <img className="brand__logo" src="/icons/icon-192.png" alt="" width={32} height={32} />
      <span className="brand__name" data-testid="app-name">
        {t('app.name')}
      </span>
    </span>
  );
}
