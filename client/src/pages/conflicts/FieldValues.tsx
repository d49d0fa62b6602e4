import { useT } from '../../i18n/useT';
import type { FieldRow } from './conflict-view';
import { fieldLabel, formatFieldValue, type FormatContext } from './field-format';

function Value({ entity, field, value, ctx }: { entity: string; field: string; value: unknown; ctx: FormatContext }) {
  const t = useT();
  const text = formatFieldValue(entity, field, value, ctx);
  return text === null ? <span className="muted">{t('conflicts.emptyValue')}</span> : <span className="break">{text}</span>;
}

/**
 * Field by field, in words: the value kept and the value discarded (a conflict), the refused values only, or
 * the author's discarded value then the value kept (the author's notice). Fields are named by their labels and
 * values formatted for people (see field-format.ts); the raw field name is only in data-field.
 */
export function FieldValues({ entity, rows, ctx, mode = 'conflict' }: { entity: string; rows: FieldRow[]; ctx: FormatContext; mode?: 'conflict' | 'refused' | 'mine' }) {
  const t = useT();
  if (rows.length === 0) return <p className="muted">{t('conflicts.noFields')}</p>;
  const columns: { key: 'kept' | 'discarded'; label: string; className: string }[] =
    mode === 'conflict'
      ? [
          { key: 'kept', label: t('conflicts.kept'), className: 'field-values__kept' },
          { key: 'discarded', label: t('conflicts.discarded'), className: 'field-values__discarded' },
        ]
      : mode === 'refused'
        ? [{ key: 'discarded', label: t('sync.refused.values'), className: 'field-values__discarded' }]
        : [
            { key: 'discarded', label: t('sync.discarded.yours'), className: 'field-values__mine' },
            { key: 'kept', label: t('sync.discarded.kept'), className: 'field-values__kept' },
          ];
  return (
    <div className="table-wrap">
      <table className={`table field-values field-values--${mode}`}>
        <thead>
          <tr>
            <th scope="col">{t('conflicts.field')}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} data-field={row.field}>
              <th scope="row" className="field-values__field" data-label={t('conflicts.field')}>
                {fieldLabel(ctx.locale, entity, row.field)}
              </th>
              {columns.map((c) => (
                <td key={c.key} data-label={c.label} className={c.className}>
                  <Value entity={entity} field={row.field} value={row[c.key]} ctx={ctx} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
