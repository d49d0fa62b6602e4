import { NavLink, Navigate, Route, Routes } from 'react-router';
import { useT } from '../../i18n/useT';
import { AvailabilityApprovalsPage } from './availability/AvailabilityApprovalsPage';
import { CalendarPage } from './calendar/CalendarPage';
import { PlanningConflictsPage } from './conflicts/PlanningConflictsPage';
import { MissionsPage } from './missions/MissionsPage';
import { PeoplePage } from './people/PeoplePage';
import { ProjectsPage } from './projects/ProjectsPage';
import '../../app/section-page.css';

/** The planning area's tabs; each lives in its own folder. */
export const PLANNING_TABS = [
  { id: 'calendar', path: 'calendar' },
  { id: 'projects', path: 'projects' },
  { id: 'missions', path: 'missions' },
  { id: 'people', path: 'people' },
  { id: 'availability', path: 'availability' },
  { id: 'conflicts', path: 'conflicts' },
] as const;

/** Planning (ADMIN, MANAGER): calendar, projects, missions, people, availability approvals, planning conflicts. */
export function PlanningPage() {
  const t = useT();
  return (
    <section className="page stack section-page planning page--wide" aria-labelledby="title-planning">
      <div className="section-head">
        <h1 id="title-planning" data-testid="page-planning">
          {t('nav.planning')}
        </h1>
        <nav className="section-tabs" aria-label={t('planningTabs.label')}>
          {PLANNING_TABS.map((tab) => (
            <NavLink key={tab.id} to={`/planning/${tab.path}`} data-testid={`planning-tab-${tab.id}`} className={({ isActive }) => (isActive ? 'active' : undefined)}>
              {t(`planningTabs.${tab.id}`)}
            </NavLink>
          ))}
        </nav>
      </div>
      <Routes>
        <Route index element={<Navigate to="calendar" replace />} />
        <Route path="calendar/*" element={<CalendarPage />} />
        <Route path="projects/*" element={<ProjectsPage />} />
        <Route path="missions/*" element={<MissionsPage />} />
        <Route path="people/*" element={<PeoplePage />} />
        <Route path="availability/*" element={<AvailabilityApprovalsPage />} />
        <Route path="conflicts/*" element={<PlanningConflictsPage />} />
      </Routes>
    </section>
  );
}
