import type { ReactNode } from 'react';

/**
 * The kiosk's icons that ui/icons.tsx does not have, drawn the same way (24x24, 2 px strokes in currentColor),
 * sized by the font (1em) so they scale with the kiosk's text. Decorative: the button says it in words.
 */
function kioskIcon(paths: ReactNode) {
  return function KioskIcon({ className }: { className?: string }) {
    return (
      <svg
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        focusable="false"
        aria-hidden="true"
        className={className ? `icon ${className}` : 'icon'}
      >
        {paths}
      </svg>
    );
  };
}

export const IconClockIn = kioskIcon(<path d="M10 16l4-4-4-4M14 12H3M13 4h6a1 1 0 011 1v14a1 1 0 01-1 1h-6" />);
export const IconClockOut = kioskIcon(<path d="M15 16l4-4-4-4M19 12H8M11 4H5a1 1 0 00-1 1v14a1 1 0 001 1h6" />);
export const IconBreak = kioskIcon(<path d="M4 9h13v5a5 5 0 01-5 5H9a5 5 0 01-5-5V9zM17 10h1.5a2.5 2.5 0 010 5H17M8 3v3M12 3v3" />);
export const IconResume = kioskIcon(<path d="M8 5.5v13l10.5-6.5L8 5.5z" />);
export const IconBackspace = kioskIcon(<path d="M21 5H9l-6 7 6 7h12a1 1 0 001-1V6a1 1 0 00-1-1zM17 9.5l-5 5M12 9.5l5 5" />);
export const IconQr = kioskIcon(
  <path d="M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 14h2M14 18h2v2M18 18h2v2h-2" />,
);
export const IconFullscreen = kioskIcon(<path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" />);
export const IconRepeat = kioskIcon(<path d="M12 3a9 9 0 100 18 9 9 0 000-18zM12 7.5V12l3 2" />);
