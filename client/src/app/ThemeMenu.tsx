import { useT } from '../i18n/useT';
import { IconButton } from '../ui/IconButton';
import { IconMonitor, IconMoon, IconSun } from '../ui/icons';
import { Menu } from '../ui/Menu';
import { THEMES, useTheme } from '../ui/theme';

const ICONS = { system: IconMonitor, light: IconSun, dark: IconMoon } as const;

/** Light, dark or the device's choice (the wide header; phones have it in the account menu). */
export function ThemeMenu({ onDark = true }: { onDark?: boolean }) {
  const t = useT();
  const [theme, setTheme] = useTheme();
  return (
    <Menu
      label={t('appHeader.theme')}
      align="end"
      menuTestId="theme-menu"
      items={THEMES.map((name) => ({
        id: name,
        label: t(`appHeader.themes.${name}`),
        checked: theme === name,
        testId: `theme-${name}`,
        onSelect: () => setTheme(name),
      }))}
      renderTrigger={(props) => (
        <IconButton {...props} icon={ICONS[theme]} onDark={onDark} label={t('appHeader.themeCurrent', { theme: t(`appHeader.themes.${theme}`) })} data-testid="theme-button" />
      )}
    />
  );
}
