import { useI18n } from '../../../i18n/useT';
import { useOutbox } from '../../../sync/useSync';
import type { CalendarModel } from './calendar-model';
import { personName } from './calendar-types';
import { reasonText } from './reason-text';

/** The server's refusals of this device's writes to missions and assignments, with their reason. */
export function CalendarRefused({ model }: { model: CalendarModel }) {
  const { t, locale } = useI18n();
  const outbox = useOutbox();
  if (model.refused.size === 0) return null;
  return (
    <section className="alert alert--error cal-refused" aria-labelledby="cal-refused-title" data-testid="cal-refused">
      <h3 id="cal-refused-title">{t('calendar.refused.title')}</h3>
      <ul>
        {[...model.refused.values()].map((r) => {
          const doc = r.doc as { title?: string; missionId?: string; userId?: string };
          const title = doc.title ?? (doc.missionId ? model.missionById.get(doc.missionId)?.title : undefined) ?? r.id;
          const what = r.collection === 'missions' ? t('calendar.refused.mission', { title }) : t('calendar.refused.assignment', { title, name: personName(model.usersById.get(doc.userId ?? '')) });
          return (
            <li key={`${r.collection}:${r.id}`} data-testid={`cal-refused-${r.collection}-${r.id}`} data-code={r.code}>
              {what} {reasonText(t, locale, r.code, r.message)}{' '}
              <button type="button" className="button button--ghost button--small" onClick={() => outbox?.dismiss(r.collection, r.id)}>
                {t('calendar.refused.dismiss')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
