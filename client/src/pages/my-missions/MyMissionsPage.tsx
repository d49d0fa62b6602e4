import { NavLink, Route, Routes } from 'react-router';
import { useT } from '../../i18n/useT';
import { LoadingScreen } from '../../ui/LoadingScreen';
import '../planning/missions/missions.css';
import { MyAvailability } from './MyAvailability';
import { MyMissionList } from './MyMissionList';
import './my-missions.css';
import { useMyUser } from '../../data/org/useMyUser';
import { CalendarFeedPanel } from '../../components/CalendarFeedPanel';

/** My missions (every role, phone first): my invitations and answers, and my availability. Works offline. */
export function MyMissionsPage() {
  const t = useT();
  const { user, loading } = useMyUser();
  let body;
  if (loading) body = <LoadingScreen />;
  else if (!user)
    body = (
      <p className="alert alert--warning" data-testid="my-no-user">
        {t('myMissions.noUser')}
      </p>
    );
  else
    body = (
      <Routes>
        <Route
          index
          element={
            <>
              <MyMissionList user={user} />
              <div className="card stack">
                <CalendarFeedPanel />
              </div>
            </>
          }
        />
        <Route path="availability" element={<MyAvailability user={user} />} />
      </Routes>
    );
  return (
    <section className="page stack my-missions page-room" aria-labelledby="title-myMissions">
      <h1 id="title-myMissions" data-testid="page-myMissions">
        {t('nav.myMissions')}
      </h1>
      <nav className="subnav my-tabs" aria-label={t('myMissions.tabs')}>
        <NavLink to="/my-missions" end data-testid="my-tab-missions" className={({ isActive }) => (isActive ? 'active' : undefined)}>
          {t('myMissions.tabMissions')}
        </NavLink>
        <NavLink to="/my-missions/availability" data-testid="my-tab-availability" className={({ isActive }) => (isActive ? 'active' : undefined)}>
          {t('myMissions.tabAvailability')}
        </NavLink>
      </nav>
      {body}
    </section>
  );
}
