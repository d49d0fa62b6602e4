import type { DashboardIncidents } from '@coulisses/shared/analytics/dashboard-types';
import { useI18n } from '../../i18n/useT';
import { Table } from '../../ui';

/** Equipment incidents of the period by venue and category (open and closed). */
export function IncidentsByVenue({ incidents, venueName, categoryName }: { incidents: DashboardIncidents; venueName: (id: string | null) => string; categoryName: (c: string | null) => string }) {
  const { t } = useI18n();
  return (
    <section data-testid="analytics-incidents">
      <Table
        caption={t('analyticsPage.incidents.title')}
        rows={incidents.byVenueCategory}
        rowKey={(r) => `${r.venueId ?? '-'}|${r.category ?? '-'}`}
        rowTestId={() => 'analytics-incident-row'}
        dense
        empty={<p className="an-muted">{t('analyticsPage.incidents.none')}</p>}
        columns={[
          { key: 'venue', header: t('analyticsPage.incidents.venue'), primary: true, render: (r) => venueName(r.venueId) },
          { key: 'category', header: t('analyticsPage.incidents.category'), render: (r) => categoryName(r.category) },
          { key: 'open', header: t('analyticsPage.incidents.open'), align: 'end', render: (r) => r.open },
          { key: 'closed', header: t('analyticsPage.incidents.closed'), align: 'end', render: (r) => r.closed },
          { key: 'total', header: t('analyticsPage.incidents.total'), align: 'end', render: (r) => r.total },
        ]}
      />
    </section>
  );
}
