import { NavLink } from 'react-router';
import { sectionsFor } from '@coulisses/shared';
import { useSession } from '../auth/useSession';
import { useT } from '../i18n/useT';
import { DESIGN_PATH, canSeeDesign } from './routing';

/** The sections the current role may open. */
export function MainNav() {
  const t = useT();
  const { me } = useSession();
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul className="main-nav__list">
        {sectionsFor(me?.role).map((section) => (
          <li key={section.id}>
            <NavLink to={section.path} className="main-nav__link" data-testid={`nav-${section.id}`}>
              {t(`nav.${section.id}`)}
            </NavLink>
          </li>
        ))}
        {canSeeDesign(me?.role, import.meta.env.DEV) && (
          <li>
            <NavLink to={DESIGN_PATH} className="main-nav__link" data-testid="nav-design">
              {t('design.nav')}
            </NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
