import { NavLink, Navigate, Route, Routes } from 'react-router';
import { useT } from '../../i18n/useT';
import { useOrgContext } from '../../data/org/useOrgContext';
import { ChainsTab } from './chains/ChainsTab';
import { KiosksTab } from './kiosks/KiosksTab';
import { MyPinTab } from './pins/MyPinTab';
import { PinsTab } from './pins/PinsTab';
import { PayrollTab } from './payroll/PayrollTab';
import { PunchTab } from './punch/PunchTab';
import { MyTimesheetsTab } from './timesheets/MyTimesheetsTab';
import { TimesheetsTab } from './timesheets/TimesheetsTab';

interface Tab {
  path: string;
  label: string;
  testId: string;
  element: React.ReactNode;
}

/** Time clock: every member punches and sees their timesheets; planners also validate, pay, enrol kiosks. */
export function TimeclockPage() {
  const t = useT();
  const { isPlanner: planner } = useOrgContext();
  const tabs: Tab[] = [
    { path: 'punch', label: t('timeclock.tabPunch'), testId: 'tc-tab-punch', element: <PunchTab /> },
    { path: 'mine', label: t('timeclock.tabMyTimesheets'), testId: 'tc-tab-mine', element: <MyTimesheetsTab /> },
    { path: 'pin', label: t('kiosk.tabMyPin'), testId: 'tc-tab-pin', element: <MyPinTab /> },
    ...(planner
      ? [
          { path: 'timesheets', label: t('timeclock.tabTimesheets'), testId: 'tc-tab-timesheets', element: <TimesheetsTab /> },
          { path: 'payroll', label: t('timeclock.tabPayroll'), testId: 'tc-tab-payroll', element: <PayrollTab /> },
          { path: 'kiosks', label: t('kiosk.tabKiosks'), testId: 'tc-tab-kiosks', element: <KiosksTab /> },
          { path: 'pins', label: t('kiosk.tabPins'), testId: 'tc-tab-pins', element: <PinsTab /> },
          { path: 'chains', label: t('integrity.tabChains'), testId: 'tc-tab-chains', element: <ChainsTab /> },
        ]
      : []),
  ];
  return (
    <section className="page stack page-room" aria-labelledby="title-timeclock">
      <h1 id="title-timeclock" data-testid="page-timeclock">
        {t('nav.timeclock')}
      </h1>
      <nav className="subnav" aria-label={t('timeclock.tabs')}>
        {tabs.map((tab) => (
          <NavLink key={tab.path} to={`/timeclock/${tab.path}`} data-testid={tab.testId} className={({ isActive }) => (isActive ? 'active' : undefined)}>
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Routes>
        <Route index element={<Navigate to="punch" replace />} />
        {tabs.map((tab) => (
          <Route key={tab.path} path={tab.path} element={tab.element} />
        ))}
      </Routes>
    </section>
  );
}
