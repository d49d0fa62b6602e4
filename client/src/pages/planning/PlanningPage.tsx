import { useT } from '../../i18n/useT';
import { ProjectForm } from './ProjectForm';
import { ProjectList } from './ProjectList';
import './projects.css';

/** Planning (ADMIN, MANAGER): for now the projects, created and edited offline, synced for real. */
export function PlanningPage() {
  const t = useT();
  return (
    <section className="page stack" aria-labelledby="title-planning">
      <h1 id="title-planning" data-testid="page-planning">
        {t('nav.planning')}
      </h1>
      <p className="lead">{t('projects.intro')}</p>
      <div className="card">
        <ProjectForm />
      </div>
      <div className="card">
        <h2>{t('projects.title')}</h2>
        <ProjectList />
      </div>
    </section>
  );
}
