import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../../../i18n/useT';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { QrCode } from './QrCode';
import './pins.css';

/** One printable badge: who, for which organisation, and the QR secret just issued for them. */
export interface Badge {
  userId: string;
  name: string;
  code: string;
}

/** One badge: a card with the organisation's colour as its top band, the name, the QR code, the code as text. */
function BadgeCard({ badge, orgName, accent, withTestIds }: { badge: Badge; orgName: string; accent: string | null; withTestIds: boolean }) {
  const { t } = useI18n();
  const id = (name: string) => (withTestIds ? name : undefined);
  return (
    <article className="qr-badge" data-testid={id('badge')} data-user-id={badge.userId} style={accent ? { borderTopColor: accent } : undefined}>
      <p className="qr-badge__org">{orgName}</p>
      <p className="qr-badge__name">{badge.name}</p>
      <QrCode value={badge.code} label={t('kiosk.badge.qrLabel', { name: badge.name })} className="qr-badge__qr" testId={id('badge-qr')} />
      <p className="qr-badge__code" data-testid={id('badge-code')}>
        {badge.code}
      </p>
      <p className="qr-badge__hint">{t('kiosk.badge.hint')}</p>
    </article>
  );
}

/**
 * Badges in a dialog with Print and Close. Printing prints a copy of the badges put at the end of <body> (the
 * print stylesheet in pins.css hides everything else, the dialog included): two 86 mm cards a row on A4.
 * The accent colour is the organisation's (its settings), else the brand.
 */
export function BadgeSheet({ badges, orgName, accent, onClose }: { badges: Badge[]; orgName: string; accent: string | null; onClose: () => void }) {
  const { t } = useI18n();

  // While open, the print stylesheet prints the badges alone.
  useEffect(() => {
    document.documentElement.classList.add('printing-badges');
    return () => document.documentElement.classList.remove('printing-badges');
  }, []);

  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={t('kiosk.badge.title', { count: badges.length })}
      description={t('kiosk.badge.once')}
      testId="badge-sheet"
      className="qr-badge-dialog"
      footer={
        <>
          <Button variant="ghost" data-testid="badge-close" onClick={onClose}>
            {t('kiosk.badge.close')}
          </Button>
          <Button variant="primary" data-testid="badge-print" data-autofocus="" onClick={() => window.print()}>
            {t('kiosk.badge.print')}
          </Button>
        </>
      }
    >
      <div className="qr-badge-sheet">
        {badges.map((b) => (
          <BadgeCard key={b.userId} badge={b} orgName={orgName} accent={accent} withTestIds />
        ))}
      </div>
      {createPortal(
        <div className="qr-badge-print" data-testid="badge-print-sheet">
          {badges.map((b) => (
            <BadgeCard key={b.userId} badge={b} orgName={orgName} accent={accent} withTestIds={false} />
          ))}
        </div>,
        document.body,
      )}
    </Dialog>
  );
}
