/**
 * The phone tab bar holds at most `max` places: every tab when they fit, else the first `max - 1` and a "more"
 * menu with the rest. Which overflowed tab is current shows on the "more" button.
 */
export function splitTabs<T>(tabs: readonly T[], max = 5): { bar: T[]; more: T[] } {
  if (tabs.length <= max) return { bar: [...tabs], more: [] };
  const keep = Math.max(1, max - 1);
  return { bar: tabs.slice(0, keep), more: tabs.slice(keep) };
}

/** Whether `pathname` is inside the section at `path` (the section itself or any of its sub-pages). */
export function isInSection(pathname: string, path: string): boolean {
  return pathname === path || pathname.startsWith(`${path}/`);
}
