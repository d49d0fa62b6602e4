import { NavLink, useLocation, useNavigate } from 'react-router';
import { useT } from '../i18n/useT';
import { cx } from '../ui/cx';
import { IconMoreHorizontal } from '../ui/icons';
import { Menu } from '../ui/Menu';
import { isInSection, splitTabs } from './bottom-tabs';
import { SECTION_ICONS } from './section-icons';

export interface NavTab {
  id: keyof typeof SECTION_ICONS;
  path: string;
  label: string;
}

/**
 * The phones' tab bar, fixed at the bottom (thumb reach, safe-area inset): the role's sections as icons and short
 * labels, 44 px+ targets, the current one marked (aria-current); more than five go to a "more" menu.
 */
export function BottomNav({ tabs }: { tabs: NavTab[] }) {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { bar, more } = splitTabs(tabs);
  const moreActive = more.some((tab) => isInSection(pathname, tab.path));
  return (
    <nav className="bottom-nav" aria-label={t('nav.label')} data-testid="bottom-nav">
      <ul className="bottom-nav__list">
        {bar.map((tab) => {
          const Icon = SECTION_ICONS[tab.id];
          return (
            <li key={tab.id} className="bottom-nav__item">
              <NavLink to={tab.path} className="bottom-nav__link" data-testid={`nav-${tab.id}`}>
                <Icon size={22} />
                <span className="bottom-nav__label">{tab.label}</span>
              </NavLink>
            </li>
          );
        })}
        {more.length > 0 && (
          <li className="bottom-nav__item">
            <Menu
              label={t('nav.more')}
              align="end"
              className="bottom-nav__more"
              menuTestId="nav-more-menu"
              items={more.map((tab) => ({ id: tab.id, label: tab.label, icon: SECTION_ICONS[tab.id], testId: `nav-${tab.id}`, onSelect: () => void navigate(tab.path) }))}
              renderTrigger={(props) => (
                <button {...props} type="button" className={cx('bottom-nav__link', moreActive && 'active')} data-testid="nav-more">
                  <IconMoreHorizontal size={22} />
                  <span className="bottom-nav__label">{t('nav.more')}</span>
                </button>
              )}
            />
          </li>
        )}
      </ul>
    </nav>
  );
}
