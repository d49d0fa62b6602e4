import { useI18n } from '../../../i18n/useT';

/** The server's flags on a punch (clock skew, outside the area, repeated, future), as badges. */
export function PunchFlags({ flags }: { flags: readonly string[] }) {
  const { t } = useI18n();
  return (
    <>
      {flags.map((f) => (
        <span key={f} className="badge badge--rejected">
          {t(`timeclock.flags.${f}`)}
        </span>
      ))}
    </>
  );
}
