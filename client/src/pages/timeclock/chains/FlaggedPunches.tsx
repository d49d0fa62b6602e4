import type { SyncDoc } from '@coulisses/shared';
import { useMemo, useState } from 'react';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../i18n/useT';
import { useCollectionQuery } from '../../../sync/useCollectionQuery';
import { useOrgContext } from '../../../data/org/useOrgContext';
import { FLAGGED_DAYS, shownFlags, skewMinutes } from './chain-view';
import { enumLabel } from '../../../i18n/enum-label';

type PunchDoc = SyncDoc & { id: string; userId: string | null; at: string; deviceId: string | null; flags?: string[]; clockSkewMs?: number | null; payload: Record<string, unknown> };
type PersonDoc = { id: string; firstName?: string; lastName?: string };

/** The punches of the last 7 days the server flagged, from the local (synced) field events: readable offline. */
export function FlaggedPunches() {
  const { t, locale } = useI18n();
  const { tz } = useOrgContext();
  const [since] = useState(() => new Date(Date.now() - FLAGGED_DAYS * 86_400_000).toISOString());
  const { docs, loading } = useCollectionQuery<PunchDoc>('field_events', { selector: { kind: 'PUNCH', at: { $gte: since } } });
  const { docs: people } = useCollectionQuery<PersonDoc>('users');
  const names = useMemo(() => new Map(people.map((p) => [p.id, `${p.firstName ?? ''} ${p.lastName ?? ''}`.trim()])), [people]);
  const flagged = useMemo(
    () => docs.filter((d) => shownFlags(d.flags).length > 0).sort((a, b) => b.at.localeCompare(a.at)),
    [docs],
  );
  return (
    <section className="stack" aria-labelledby="integrity-flagged-title" data-testid="integrity-flagged">
      <h2 id="integrity-flagged-title">{t('integrity.flaggedTitle', { days: FLAGGED_DAYS })}</h2>
      {loading ? (
        <p className="muted">{t('app.loading')}</p>
      ) : flagged.length === 0 ? (
        <p className="muted" data-testid="integrity-flagged-empty">
          {t('integrity.flaggedEmpty')}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('integrity.colPerson')}</th>
                <th scope="col">{t('integrity.colTime')}</th>
                <th scope="col">{t('integrity.colPunch')}</th>
                <th scope="col">{t('integrity.colFlags')}</th>
                <th scope="col">{t('integrity.colSkew')}</th>
              </tr>
            </thead>
            <tbody>
              {flagged.map((p) => {
                const skew = skewMinutes(p.clockSkewMs);
                return (
                  <tr key={p.id} data-testid="integrity-flagged-row">
                    <td>{(p.userId && names.get(p.userId)) || t('integrity.unknownPerson')}</td>
                    <td>{formatInZone(locale, p.at, tz)}</td>
                    <td>{enumLabel(t, 'punchType', String(p.payload?.punchType ?? ''))}</td>
                    <td>
                      {shownFlags(p.flags).map((f) => (
                        <span key={f} className="badge badge--rejected" data-flag={f}>
                          {enumLabel(t, 'punchFlag', f)}
                        </span>
                      ))}
                    </td>
                    <td>{skew === null ? '-' : skew === 0 ? t('integrity.skewNone') : t(skew > 0 ? 'integrity.skewBehind' : 'integrity.skewAhead', { minutes: Math.abs(skew) })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
