import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/useT';
import { ProjectDatesText } from './ProjectDates';
import { PROJECT_NAME_MAX, cleanName, type ProjectDoc } from './project-writes';
import type { ProjectActions } from './useProjectActions';
import { enumLabel } from '../../../i18n/enum-label';
import { RowMenu } from '../missions/ui/RowMenu';

/** One project: name, status and dates; inline rename and archive. */
export function ProjectRow({ project, actions, refused }: { project: ProjectDoc; actions: ProjectActions | null; refused: boolean }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(project.name);
  const [error, setError] = useState<string | null>(null);
  const id = project.id;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const name = cleanName(draft);
    if (!name) {
      setError(t('projects.nameRequired'));
      return;
    }
    try {
      if (name !== project.name) await actions?.rename(id, name);
      setEditing(false);
      setError(null);
    } catch (caught) {
      setError(t('projects.saveFailed', { reason: caught instanceof Error ? caught.message : String(caught) }));
    }
  };

  const archive = async () => {
    try {
      await actions?.archive(id);
    } catch (caught) {
      setError(t('projects.saveFailed', { reason: caught instanceof Error ? caught.message : String(caught) }));
    }
  };

  return (
    <li className="list__item project-row" data-testid={`project-row-${id}`} data-status={project.status}>
      {editing ? (
        <form className="project-row__rename" onSubmit={save}>
          <input
            className="field__input"
            aria-label={t('projects.newName')}
            data-testid={`project-rename-input-${id}`}
            value={draft}
            maxLength={PROJECT_NAME_MAX}
            onChange={(event) => setDraft(event.target.value)}
            autoFocus
          />
          <button type="submit" className="button button--primary button--small" data-testid={`project-rename-save-${id}`}>
            {t('projects.save')}
          </button>
          <button type="button" className="button button--ghost button--small" onClick={() => setEditing(false)}>
            {t('projects.cancel')}
          </button>
        </form>
      ) : (
        <div className="list__main">
          <Link className="break project-row__title" data-testid={`project-title-${id}`} to={`/planning/projects/${id}`}>
            {project.name}
            {project.code && <span className="muted"> ({project.code})</span>}
          </Link>
          <span className="muted">
            <span className={`badge badge--project-${project.status.toLowerCase()}`}>{enumLabel(t, 'projectStatus', project.status)}</span>{' '}
            <ProjectDatesText project={project} />
          </span>
          {refused && (
            <span className="badge badge--rejected" data-testid={`project-refused-${id}`}>
              {t('projects.refused')}
            </span>
          )}
        </div>
      )}
      {!editing && (
        <div className="project-row__actions">
          <button
            type="button"
            className="button button--secondary button--small"
            data-testid={`project-rename-${id}`}
            aria-label={t('projects.renameLabel', { name: project.name })}
            disabled={!actions}
            onClick={() => {
              setDraft(project.name);
              setEditing(true);
            }}
          >
            {t('projects.rename')}
          </button>
          {project.status !== 'ARCHIVED' && (
            <RowMenu
              name={project.name}
              testId={`project-menu-${id}`}
              actions={[
                {
                  id: 'archive',
                  label: t('projects.archive'),
                  disabled: !actions,
                  testId: `project-archive-${id}`,
                  confirm: { title: t('planActions.archiveTitle'), body: t('planActions.archiveBody', { name: project.name }) },
                  onSelect: () => void archive(),
                },
              ]}
            />
          )}
        </div>
      )}
      {error && (
        <p className="alert alert--error project-row__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
