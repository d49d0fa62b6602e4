import { parseTemplateData } from '@coulisses/shared/planning/templates';
import { useT } from '../../../../i18n/useT';
import { useReference } from '../../../../data/queries';
import { useLocalWrites } from '../../../../data/useLocalWrites';
import { ApplyTemplateForm } from './ApplyTemplateForm';
import { enumLabel } from '../../../../i18n/enum-label';

/** Mission templates (saved from a mission's detail) and their application to a team. */
export function TemplatesPage() {
  const t = useT();
  const templates = useReference('mission_template').docs.filter((x) => !x.archived);
  const writes = useLocalWrites();
  return (
    <div className="card stack" data-testid="templates-page">
      <h2>{t('planTemplates.title')}</h2>
      <p className="hint">{t('planTemplates.intro')}</p>
      {templates.length === 0 && <p className="muted">{t('planTemplates.empty')}</p>}
      <ul className="list" data-testid="template-list">
        {templates.map((x) => {
          const data = parseTemplateData(x.data);
          return (
            <li key={x.id} className="list__item" data-testid={`template-row-${x.id}`}>
              <div className="list__main">
                <strong className="break">{x.name}</strong>
                <span className="muted">
                  {data ? `${data.title} - ${enumLabel(t, 'missionType', data.type)} - ${data.ranges.map((r) => `${r.from}-${r.to}`).join(', ')}` : t('planTemplates.unreadable')}
                </span>
              </div>
              <button type="button" className="button button--ghost button--small" data-testid={`template-delete-${x.id}`} disabled={!writes} onClick={() => void writes?.patch('reference', x.id, { archived: true })}>
                {t('planTemplates.delete')}
              </button>
            </li>
          );
        })}
      </ul>
      <ApplyTemplateForm templates={templates} />
    </div>
  );
}
