import { useT } from '../../i18n/useT';
import '../../app/section-page.css';

/** Analytics and the direction dashboard (issue 13): indicators, heatmap, comparisons, exports. */
export function AnalyticsPage() {
  const t = useT();
  return (
    <section className="page stack section-page page--wide" aria-labelledby="title-analytics">
      <div className="section-head">
        <h1 id="title-analytics" data-testid="page-analytics">
          {t('analyticsPage.title')}
        </h1>
      </div>
    </section>
  );
}
