import { useT } from '../../../i18n/useT';
import { ProjectForm } from './ProjectForm';
import { ProjectList } from './ProjectList';
import './projects.css';

/** Projects: created and edited offline, synced. */
export function ProjectsPage() {
  const t = useT();
  return (
    <div className="stack" data-testid="planning-projects">
      <p className="lead">{t('projects.intro')}</p>
      <div className="card">
        <ProjectForm />
      </div>
      <div className="card">
        <h2>{t('projects.title')}</h2>
        <ProjectList />
      </div>
    </div>
  );
}
