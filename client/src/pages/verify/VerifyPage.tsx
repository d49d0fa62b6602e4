import { useT } from '../../i18n/useT';

/** Public page: drop an exported file and see who exported it and when, or that it was altered (issue 13). */
export function VerifyPage() {
  const t = useT();
  return (
    <section className="page stack" aria-labelledby="title-verify">
      <h1 id="title-verify" data-testid="page-verify">
        {t('exportsPage.title')}
      </h1>
    </section>
  );
}
