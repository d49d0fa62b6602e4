import { NavLink } from 'react-router';
import { sectionsFor } from '@coulisses/shared';
import { useSession } from '../auth/useSession';
import { useT } from '../i18n/useT';
import { useIsWide } from '../ui/useMediaQuery';
import { BottomNav, type NavTab } from './BottomNav';
import { DESIGN_PATH, canSeeDesign } from './routing';

/** The sections the current role may open: a row under the header on wide screens, a bottom tab bar on phones. */
export function MainNav() {
  const t = useT();
  const { me } = useSession();
  const wide = useIsWide();
  const tabs: NavTab[] = sectionsFor(me?.role).map((section) => ({ id: section.id, path: section.path, label: t(`nav.${section.id}`) }));
  if (canSeeDesign(me?.role, import.meta.env.DEV)) tabs.push({ id: 'design', path: DESIGN_PATH, label: t('design.nav') });
  if (!wide) return <BottomNav tabs={tabs.map((tab) => ({ ...tab, label: t(`nav.short.${tab.id}`) }))} />;
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul className="main-nav__list">
        {tabs.map((tab) => (
          <li key={tab.id}>
            <NavLink to={tab.path} className="main-nav__link" data-testid={`nav-${tab.id}`}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
