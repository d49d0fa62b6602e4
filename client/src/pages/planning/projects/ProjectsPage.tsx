import { Route, Routes } from 'react-router';
import { useT } from '../../../i18n/useT';
import { ProjectDetail } from './ProjectDetail';
import { ProjectForm } from './ProjectForm';
import { ProjectList } from './ProjectList';
import '../missions/missions.css';
import './projects.css';

function ProjectsHome() {
  const t = useT();
  return (
    <>
      <p className="lead">{t('planProjects.intro')}</p>
      <div className="card">
        <ProjectForm />
      </div>
      <div className="card">
        <h2>{t('projects.title')}</h2>
        <ProjectList />
      </div>
    </>
  );
}

/** Projects: created and edited offline, synced; a project's detail lists its missions and their staffing. */
export function ProjectsPage() {
  return (
    <div className="stack page-room" data-testid="planning-projects">
      <Routes>
        <Route index element={<ProjectsHome />} />
        <Route path=":id" element={<ProjectDetail />} />
      </Routes>
    </div>
  );
}
