import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ExportFormat } from '@coulisses/shared/analytics/export-seal';
import { errorText } from '../api/error-text';
import { useSession } from '../auth/useSession';
import { useI18n } from '../i18n/useT';
import { Button } from '../ui/Button';
import { IconDownload } from '../ui/icons';
import { Menu } from '../ui/Menu';
import { Sheet } from '../ui/Sheet';
import { useToast } from '../ui/toast-context';
import type { LocalExport } from './local-register';
import { listExports, pendingExports } from './local-register';
import type { ExportContext } from './meta';
import { downloadBytes, exportView, signPendingExports } from './signing';
import type { ExportView } from './view';
import './exports.css';

export interface ExportMenuProps {
  /** Builds the view to export from the page's current state (called when the user picks a format). */
  buildView: () => ExportView;
  /** data-testid of the menu trigger (default `export-menu`). */
  testId?: string;
}

const FORMATS: readonly ExportFormat[] = ['csv', 'png', 'pdf'];

/**
 * The export menu of a view (issue 13): CSV, PNG or PDF, signed by the server at once, or made offline, marked
 * unsigned and signed when the device is back online (then the signed copy can be downloaded again).
 */
export function ExportMenu({ buildView, testId = 'export-menu' }: ExportMenuProps) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const toast = useToast();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<LocalExport | null>(null);
  const [pending, setPending] = useState(0);
  const [recent, setRecent] = useState<LocalExport[] | null>(null);
  const accountId = me?.account.id ?? null;
  const orgId = me?.activeOrg?.id ?? null;

  const refreshPending = useCallback(async () => {
    if (!accountId || !orgId) return;
    setPending((await pendingExports(accountId, orgId)).length);
  }, [accountId, orgId]);

  const signPending = useCallback(async () => {
    if (!accountId || !orgId) return;
    const signed = await signPendingExports(accountId, orgId);
    for (const rec of signed) {
      setLast((cur) => (cur?.id === rec.id || !cur ? rec : cur));
      toast.show({ message: t('exportsMenu.signed', { file: rec.fileName }), tone: 'success', testId: 'export-signed-toast', action: { label: t('exportsMenu.downloadSigned'), onAction: () => downloadBytes(rec.bytes, rec.fileName, rec.format) } });
    }
    await refreshPending();
  }, [accountId, orgId, refreshPending, t, toast]);

  // On mount and whenever the device comes back online: sign what was exported offline.
  useEffect(() => {
    const onOnline = () => void signPending();
    const first = window.setTimeout(onOnline, 0);
    window.addEventListener('online', onOnline);
    return () => {
      window.clearTimeout(first);
      window.removeEventListener('online', onOnline);
    };
  }, [signPending]);

  const openRecent = async () => {
    if (accountId) setRecent((await listExports(accountId)).filter((e) => e.orgId === orgId));
  };

  const run = async (format: ExportFormat) => {
    if (!me || !me.activeOrg || busy) return;
    setBusy(true);
    try {
      const ctx: ExportContext = { accountId: me.account.id, userName: me.account.name, orgId: me.activeOrg.id, timezone: me.activeOrg.timezone || 'Europe/Paris', locale };
      const rec = await exportView(buildView(), format, ctx);
      downloadBytes(rec.bytes, rec.fileName, rec.format);
      setLast(rec);
      toast.show({ message: t(rec.status === 'signed' ? 'exportsMenu.signed' : 'exportsMenu.unsigned', { file: rec.fileName }), tone: rec.status === 'signed' ? 'success' : 'warning', testId: 'export-toast' });
      await refreshPending();
    } catch (err) {
      toast.show({ message: `${t('exportsMenu.failed')} ${errorText(locale, err)}`, tone: 'danger', testId: 'export-error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-menu">
      <Menu
        label={t('exportsMenu.label')}
        testId={testId}
        align="end"
        items={[
          ...FORMATS.map((f) => ({ id: f, label: t(`exportsMenu.${f}`), icon: IconDownload, disabled: busy, onSelect: () => void run(f), testId: `export-${f}` })),
          { type: 'separator' as const, id: 'sep' },
          { id: 'recent', label: t('exportsMenu.recent'), onSelect: () => void openRecent(), testId: 'export-recent' },
          { id: 'verify', label: t('exportsMenu.verify'), onSelect: () => void navigate('/verify'), testId: 'export-verify' },
        ]}
      />
      <p className="export-menu__status" role="status" data-testid="export-status" data-state={last?.status ?? 'none'}>
        {last ? t(last.status === 'signed' ? 'exportsMenu.signed' : 'exportsMenu.unsigned', { file: last.fileName }) : ''}
        {pending > 0 ? <span data-testid="export-pending"> {t('exportsMenu.pending', { count: pending })}</span> : null}
      </p>
      {last?.status === 'signed' ? (
        <Button size="sm" variant="ghost" data-testid="export-download-signed" onClick={() => downloadBytes(last.bytes, last.fileName, last.format)}>
          {t('exportsMenu.downloadSigned')}
        </Button>
      ) : null}
      <Sheet open={recent !== null} onClose={() => setRecent(null)} title={t('exportsMenu.recent')} testId="export-recent-sheet">
        {recent && recent.length === 0 ? <p>{t('exportsMenu.noneYet')}</p> : null}
        <ul className="export-menu__list">
          {(recent ?? []).map((rec) => (
            <li key={rec.id} data-testid="export-recent-item" data-state={rec.status}>
              <span>
                {rec.fileName}
                <br />
                <small>{t(rec.status === 'signed' ? 'exportsMenu.stateSigned' : 'exportsMenu.stateUnsigned')}</small>
              </span>
              <Button size="sm" variant="secondary" onClick={() => downloadBytes(rec.bytes, rec.fileName, rec.format)}>
                {t('exportsMenu.download')}
              </Button>
            </li>
          ))}
        </ul>
      </Sheet>
    </div>
  );
}
