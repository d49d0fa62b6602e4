import { useEffect, useState } from 'react';
import { ApiError, NETWORK_ERROR } from '../../../api/api-error';
import { errorText } from '../../../api/error-text';
import { formatInZone } from '@coulisses/shared/i18n/format';
import { useI18n } from '../../../i18n/useT';
import { useOrgContext } from '../../../data/org/useOrgContext';
import { deviceLabelParts, statusBadgeClass, type DeviceChain } from './chain-view';
import { fetchChains } from './chains-api';
import { FlaggedPunches } from './FlaggedPunches';

type State = { kind: 'loading' } | { kind: 'ready'; devices: DeviceChain[] } | { kind: 'offline' } | { kind: 'error'; message: string };

/**
 * Punch integrity (planners): each device's chain as the server holds it (OK, GAP, ALTERED, BROKEN), and the
 * punches the server flagged in the last 7 days. The chain report is a server view; the flagged list is local.
 */
export function ChainsTab() {
  const { t, locale } = useI18n();
  const { tz } = useOrgContext();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const [round, setRound] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    fetchChains(abort.signal).then(
      (devices) => setState({ kind: 'ready', devices }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        const offline = (error instanceof ApiError && error.code === NETWORK_ERROR) || globalThis.navigator?.onLine === false;
        setState(offline ? { kind: 'offline' } : { kind: 'error', message: errorText(locale, error) });
      },
    );
    return () => abort.abort();
  }, [locale, round]);

  const refresh = () => {
    setState({ kind: 'loading' });
    setRound((r) => r + 1);
  };

  const label = (d: DeviceChain) => {
    const parts = deviceLabelParts(d);
    return parts.key === 'kiosk' ? parts.name : t(`integrity.${parts.key}`, { id: parts.name });
  };

  return (
    <div className="stack" data-testid="ChainsTab">
      <section className="stack" aria-labelledby="integrity-chains-title">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', alignItems: 'center', justifyContent: 'space-between' }}>
          <h2 id="integrity-chains-title">{t('integrity.chainsTitle')}</h2>
          <button type="button" className="button button--secondary button--small" onClick={refresh} disabled={state.kind === 'loading'} data-testid="integrity-refresh">
            {t('integrity.refresh')}
          </button>
        </div>
        <p className="muted">{t('integrity.chainsIntro')}</p>
        {state.kind === 'loading' && <p className="muted">{t('app.loading')}</p>}
        {state.kind === 'offline' && (
          <p className="alert alert--warning" role="status" data-testid="integrity-offline">
            {t('integrity.offline')}
          </p>
        )}
        {state.kind === 'error' && (
          <p className="alert alert--error" role="alert">
            {state.message}
          </p>
        )}
        {state.kind === 'ready' && state.devices.length === 0 && (
          <p className="muted" data-testid="integrity-no-devices">
            {t('integrity.noDevices')}
          </p>
        )}
        {state.kind === 'ready' && state.devices.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('integrity.colDevice')}</th>
                  <th scope="col">{t('integrity.colPunches')}</th>
                  <th scope="col">{t('integrity.colLastSeq')}</th>
                  <th scope="col">{t('integrity.colLastReceived')}</th>
                  <th scope="col">{t('integrity.colStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {state.devices.map((d) => (
                  <tr key={d.deviceId} data-testid="integrity-device" data-device-id={d.deviceId} data-status={d.status}>
                    <td title={d.deviceId}>{label(d)}</td>
                    <td>{d.count}</td>
                    <td>{d.lastSeq ?? '-'}</td>
                    <td>{d.lastReceivedAt ? formatInZone(locale, d.lastReceivedAt, tz) : '-'}</td>
                    <td>
                      <span className={statusBadgeClass(d.status)} data-testid="integrity-status">
                        {t(`integrity.status.${d.status}`)}
                      </span>
                      {d.missingSeqs.length > 0 && <div className="muted">{t('integrity.missingSeqs', { seqs: d.missingSeqs.join(', ') })}</div>}
                      {d.alteredIds.length > 0 && <div className="muted">{t('integrity.alteredIds', { ids: d.alteredIds.join(', ') })}</div>}
                      {d.brokenLinkIds.length > 0 && <div className="muted">{t('integrity.brokenIds', { ids: d.brokenLinkIds.join(', ') })}</div>}
                      {d.duplicateSeqs.length > 0 && <div className="muted">{t('integrity.duplicateSeqs', { seqs: d.duplicateSeqs.join(', ') })}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <FlaggedPunches />
    </div>
  );
}
