import { NavLink, Route, Routes } from 'react-router';
import { useT } from '../../../i18n/useT';
import { BatchWizard } from './batch/BatchWizard';
import { MissionDetail } from './detail/MissionDetail';
import { MissionList } from './list/MissionList';
import { MissionEditor } from './MissionEditor';
import { TemplatesPage } from './templates/TemplatesPage';
import { WeekCopy } from './week/WeekCopy';
import './missions.css';

const SUB = [
  { id: 'list', to: '/planning/missions', end: true },
  { id: 'new', to: '/planning/missions/new', end: false },
  { id: 'batch', to: '/planning/missions/batch', end: false },
  { id: 'week', to: '/planning/missions/week', end: false },
  { id: 'templates', to: '/planning/missions/templates', end: false },
] as const;

/** Missions: list and bulk actions, the form, the batch wizard, week duplication and templates. All offline. */
export function MissionsPage() {
  const t = useT();
  return (
    <div className="stack page-room" data-testid="planning-missions">
      <nav className="subnav" aria-label={t('planMissions.subnav')} data-testid="missions-subnav">
        {SUB.map((s) => (
          <NavLink key={s.id} to={s.to} end={s.end} data-testid={`missions-sub-${s.id}`} className={({ isActive }) => (isActive ? 'active' : undefined)}>
            {t(`planMissions.sub.${s.id}`)}
          </NavLink>
        ))}
      </nav>
      <Routes>
        <Route index element={<MissionList />} />
        <Route path="new" element={<MissionEditor mode="create" />} />
        <Route path="batch" element={<BatchWizard />} />
        <Route path="week" element={<WeekCopy />} />
        <Route path="templates" element={<TemplatesPage />} />
        <Route path=":id" element={<MissionDetail />} />
        <Route path=":id/edit" element={<MissionEditor mode="edit" />} />
      </Routes>
    </div>
  );
}
