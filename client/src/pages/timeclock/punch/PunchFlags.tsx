import { useI18n } from '../../../i18n/useT';
import { enumLabel } from '../../../i18n/enum-label';

/** The server's flags on a punch (clock skew, outside the area, repeated, future), as badges. */
export function PunchFlags({ flags }: { flags: readonly string[] }) {
  const { t } = useI18n();
  return (
    <>
      {flags.map((f) => (
        <span key={f} className="badge badge--rejected">
          {enumLabel(t, 'punchFlag', f)}
        </span>
      ))}
    </>
  );
}
