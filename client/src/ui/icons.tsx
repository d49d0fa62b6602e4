import type { ReactNode, SVGProps } from 'react';

/**
 * The app's icons: inline SVG (no icon font, no request), 24x24 grid, 2 px strokes in currentColor.
 * Decorative by default (aria-hidden); pass `title` for an icon that carries meaning on its own.
 */
export interface IconProps extends Omit<SVGProps<SVGSVGElement>, 'children'> {
  /** Pixel size of the square (default 20). */
  size?: number;
  /** Accessible name; without it the icon is hidden from assistive technology. */
  title?: string;
}

export type IconComponent = ((props: IconProps) => ReactNode) & { displayName?: string };

function makeIcon(name: string, paths: ReactNode): IconComponent {
  const Icon = ({ size = 20, title, className, ...rest }: IconProps) => (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      focusable="false"
      className={['icon', className].filter(Boolean).join(' ')}
      role={title ? 'img' : undefined}
      aria-hidden={title ? undefined : true}
      aria-label={title}
      {...rest}
    >
      {paths}
    </svg>
  );
  Icon.displayName = `Icon${name}`;
  return Icon;
}

export const IconMenu = makeIcon('Menu', <path d="M4 6h16M4 12h16M4 18h16" />);
export const IconClose = makeIcon('Close', <path d="M6 6l12 12M18 6L6 18" />);
export const IconCheck = makeIcon('Check', <path d="M5 12.5l4.5 4.5L19 7.5" />);
export const IconChevronDown = makeIcon('ChevronDown', <path d="M6 9l6 6 6-6" />);
export const IconChevronUp = makeIcon('ChevronUp', <path d="M6 15l6-6 6 6" />);
export const IconChevronLeft = makeIcon('ChevronLeft', <path d="M15 6l-6 6 6 6" />);
export const IconChevronRight = makeIcon('ChevronRight', <path d="M9 6l6 6-6 6" />);
export const IconPlus = makeIcon('Plus', <path d="M12 5v14M5 12h14" />);
export const IconMinus = makeIcon('Minus', <path d="M5 12h14" />);
export const IconMoreVertical = makeIcon(
  'MoreVertical',
  <>
    <circle cx="12" cy="5" r="1.2" />
    <circle cx="12" cy="12" r="1.2" />
    <circle cx="12" cy="19" r="1.2" />
  </>,
);
export const IconMoreHorizontal = makeIcon(
  'MoreHorizontal',
  <>
    <circle cx="5" cy="12" r="1.2" />
    <circle cx="12" cy="12" r="1.2" />
    <circle cx="19" cy="12" r="1.2" />
  </>,
);
export const IconEdit = makeIcon('Edit', <path d="M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4" />);
export const IconTrash = makeIcon('Trash', <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />);
export const IconUndo = makeIcon('Undo', <path d="M9 14L4 9l5-5M4 9h10a6 6 0 010 12h-3" />);
export const IconSearch = makeIcon(
  'Search',
  <>
    <circle cx="11" cy="11" r="7" />
    <path d="M20 20l-3.5-3.5" />
  </>,
);
export const IconFilter = makeIcon('Filter', <path d="M4 5h16l-6 7v6l-4 2v-8L4 5z" />);
export const IconInfo = makeIcon(
  'Info',
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v6M12 7.5v.01" />
  </>,
);
export const IconSuccess = makeIcon(
  'Success',
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M8 12.5l3 3 5-6" />
  </>,
);
export const IconWarning = makeIcon('Warning', <path d="M12 3.5L2.5 20h19L12 3.5zM12 10v4.5M12 17.5v.01" />);
export const IconError = makeIcon(
  'Error',
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M9 9l6 6M15 9l-6 6" />
  </>,
);
export const IconUser = makeIcon(
  'User',
  <>
    <circle cx="12" cy="8" r="4" />
    <path d="M4 21a8 8 0 0116 0" />
  </>,
);
export const IconUsers = makeIcon(
  'Users',
  <>
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2.5 20a6.5 6.5 0 0113 0M16 4.5a3.5 3.5 0 010 7M18 14a6.5 6.5 0 013.5 6" />
  </>,
);
export const IconCalendar = makeIcon(
  'Calendar',
  <>
    <rect x="3.5" y="5" width="17" height="15.5" rx="2" />
    <path d="M3.5 10h17M8 3v4M16 3v4" />
  </>,
);
export const IconClock = makeIcon(
  'Clock',
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </>,
);
export const IconSettings = makeIcon(
  'Settings',
  <>
    <circle cx="12" cy="12" r="3" />
    <path d="M12 2.5v3M12 18.5v3M4.2 6.5l2.6 1.5M17.2 16l2.6 1.5M4.2 17.5l2.6-1.5M17.2 8l2.6-1.5" />
  </>,
);
export const IconSignOut = makeIcon('SignOut', <path d="M15 4h4a1 1 0 011 1v14a1 1 0 01-1 1h-4M10 16l-4-4 4-4M6 12h10" />);
export const IconGlobe = makeIcon(
  'Globe',
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z" />
  </>,
);
export const IconBuilding = makeIcon('Building', <path d="M4 21V5l8-2v18M12 8l8 2v11M3 21h18M7.5 8h1M7.5 12h1M7.5 16h1M15.5 13h1M15.5 17h1" />);
export const IconCloud = makeIcon('Cloud', <path d="M7 18h10a4 4 0 00.5-8 6 6 0 00-11.5 1.5A3.3 3.3 0 007 18z" />);
export const IconCloudOff = makeIcon('CloudOff', <path d="M3 3l18 18M9 6.3A6 6 0 0117.5 10a4 4 0 012.2 7M17 18H7a3.3 3.3 0 01-1-6.5" />);
export const IconSync = makeIcon('Sync', <path d="M20 11a8 8 0 00-14.5-4.5L4 8M4 4v4h4M4 13a8 8 0 0014.5 4.5L20 16M20 20v-4h-4" />);
export const IconUpload = makeIcon('Upload', <path d="M12 16V4M7 9l5-5 5 5M4 20h16" />);
export const IconDownload = makeIcon('Download', <path d="M12 4v12M7 11l5 5 5-5M4 20h16" />);
export const IconSun = makeIcon(
  'Sun',
  <>
    <circle cx="12" cy="12" r="4" />
    <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
  </>,
);
export const IconMoon = makeIcon('Moon', <path d="M20 14.5A8 8 0 019.5 4a8 8 0 1010.5 10.5z" />);
export const IconMonitor = makeIcon(
  'Monitor',
  <>
    <rect x="3" y="4" width="18" height="12" rx="2" />
    <path d="M8 20h8M12 16v4" />
  </>,
);
export const IconBox = makeIcon('Box', <path d="M3 7.5L12 3l9 4.5v9L12 21l-9-4.5v-9zM3 7.5L12 12l9-4.5M12 12v9" />);
export const IconInbox = makeIcon('Inbox', <path d="M3 13l3-8h12l3 8v6H3v-6zM3 13h5l1.5 2.5h5L16 13h5" />);
export const IconMapPin = makeIcon(
  'MapPin',
  <>
    <path d="M12 21s-7-6.2-7-11.5a7 7 0 0114 0C19 14.8 12 21 12 21z" />
    <circle cx="12" cy="9.5" r="2.5" />
  </>,
);
export const IconPhone = makeIcon('Phone', <path d="M5 3h4l2 5-2.5 1.5a11 11 0 006 6L16 13l5 2v4a2 2 0 01-2 2A16 16 0 013 5a2 2 0 012-2z" />);
export const IconMail = makeIcon(
  'Mail',
  <>
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <path d="M3.5 6.5L12 13l8.5-6.5" />
  </>,
);
export const IconExternal = makeIcon('External', <path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 01-1 1H5a1 1 0 01-1-1V7a1 1 0 011-1h5" />);
export const IconChart = makeIcon('Chart', <path d="M4 20V4M4 20h16M8 16v-5M12 16V8M16 16v-3" />);

/** Every icon by name, for the gallery. */
export const ICONS: Record<string, IconComponent> = {
  Menu: IconMenu,
  Close: IconClose,
  Check: IconCheck,
  ChevronDown: IconChevronDown,
  ChevronUp: IconChevronUp,
  ChevronLeft: IconChevronLeft,
  ChevronRight: IconChevronRight,
  Plus: IconPlus,
  Minus: IconMinus,
  MoreVertical: IconMoreVertical,
  MoreHorizontal: IconMoreHorizontal,
  Edit: IconEdit,
  Trash: IconTrash,
  Undo: IconUndo,
  Search: IconSearch,
  Filter: IconFilter,
  Info: IconInfo,
  Success: IconSuccess,
  Warning: IconWarning,
  Error: IconError,
  User: IconUser,
  Users: IconUsers,
  Calendar: IconCalendar,
  Clock: IconClock,
  Settings: IconSettings,
  SignOut: IconSignOut,
  Globe: IconGlobe,
  Building: IconBuilding,
  Cloud: IconCloud,
  CloudOff: IconCloudOff,
  Sync: IconSync,
  Upload: IconUpload,
  Download: IconDownload,
  Sun: IconSun,
  Moon: IconMoon,
  Monitor: IconMonitor,
  Inbox: IconInbox,
  MapPin: IconMapPin,
  Phone: IconPhone,
  Mail: IconMail,
  External: IconExternal,
  Chart: IconChart,
};
