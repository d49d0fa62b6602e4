import { useT } from '../../i18n/useT';
import { valueText, type FieldRow } from './conflict-view';

function Value({ value }: { value: unknown }) {
  const t = useT();
  const text = valueText(value);
  return text === null ? <span className="muted">{t('conflicts.emptyValue')}</span> : <span className="break">{text}</span>;
}

/** Field by field, the value kept and the value discarded (or only the refused values). */
export function FieldValues({ rows, showKept = true }: { rows: FieldRow[]; showKept?: boolean }) {
  const t = useT();
  if (rows.length === 0) return <p className="muted">{t('conflicts.noFields')}</p>;
  return (
    <div className="table-wrap">
      <table className="table field-values">
        <thead>
          <tr>
            <th scope="col">{t('conflicts.field')}</th>
            {showKept && <th scope="col">{t('conflicts.kept')}</th>}
            <th scope="col">{showKept ? t('conflicts.discarded') : t('sync.refused.values')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} data-field={row.field}>
              <td data-label={t('conflicts.field')}>
                <code>{row.field}</code>
              </td>
              {showKept && (
                <td data-label={t('conflicts.kept')} className="field-values__kept">
                  <Value value={row.kept} />
                </td>
              )}
              <td data-label={showKept ? t('conflicts.discarded') : t('sync.refused.values')} className="field-values__discarded">
                <Value value={row.discarded} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
