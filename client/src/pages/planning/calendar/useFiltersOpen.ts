import { useCallback, useState } from 'react';

const KEY = 'coulisses.calendar.filtersOpen';

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

/** Whether the calendar's filter bar is open: closed by default, remembered on this device (localStorage). */
export function useFiltersOpen(): [boolean, () => void] {
  const [open, setOpen] = useState(read);
  const toggle = useCallback(() => {
    setOpen((was) => {
      const next = !was;
      try {
        localStorage.setItem(KEY, next ? '1' : '0');
      } catch {
        // Private mode or storage full: the bar still toggles, it is just not remembered.
      }
      return next;
    });
  }, []);
  return [open, toggle];
}
