import type { MissionDraft } from '@coulisses/shared';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../../i18n/useT';

/** The missions the wizard is about to create, in the organisation's zone. */
export function BatchPreview({ drafts, tz }: { drafts: MissionDraft[]; tz: string }) {
  const { t, locale } = useI18n();
  return (
    <div className="stack">
      <p data-testid="batch-preview-count" data-count={drafts.length}>
        <strong>{t('planBatch.previewCount', { count: drafts.length })}</strong>
      </p>
      <div className="table-wrap preview-table">
        <table className="table" data-testid="batch-preview-table">
          <thead>
            <tr>
              <th>{t('planMissions.title')}</th>
              <th>{t('planMissions.start')}</th>
              <th>{t('planMissions.end')}</th>
              <th>{t('planMissionForm.needs')}</th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((d, i) => (
              <tr key={i}>
                <td data-label={t('planMissions.title')}>{d.title}</td>
                <td data-label={t('planMissions.start')}>{formatInZone(locale, d.startAt, tz)}</td>
                <td data-label={t('planMissions.end')}>{formatInZone(locale, d.endAt, tz)}</td>
                <td data-label={t('planMissionForm.needs')}>{d.needs.map((n) => t('plan.need', { count: n.count, role: n.role })).join(', ') || '-'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
