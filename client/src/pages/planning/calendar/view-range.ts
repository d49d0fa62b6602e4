import { addDays, localDate, mondayOf, startOfLocalDay } from '@coulisses/shared';
import type { CalendarView, TimelineSpan } from './calendar-url';

/** The local days a view shows and the instants they cover, [from, to). */
export interface ViewRange {
  view: CalendarView;
  /** The date the user navigated to. */
  date: string;
  days: string[];
  from: number;
  to: number;
}

function daysFrom(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(first, i));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The days of a month grid: whole weeks, Monday to Sunday, around the month of `date`. */
export function monthGridDays(date: string): string[] {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const first = `${date.slice(0, 8)}01`;
  const last = `${date.slice(0, 8)}${String(daysInMonth(y, m)).padStart(2, '0')}`;
  const start = mondayOf(first);
  const end = addDays(mondayOf(last), 6);
  const count = Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
  return daysFrom(start, count);
}

export function viewDays(view: CalendarView, date: string, span: TimelineSpan = 'week'): string[] {
  if (view === 'day' || (view === 'timeline' && span === 'day')) return [date];
  if (view === 'month') return monthGridDays(date);
  return daysFrom(mondayOf(date), 7);
}

/** The range of a view in the organisation's zone: from the first local midnight to the one after the last day. */
export function viewRange(view: CalendarView, date: string, tz: string, span: TimelineSpan = 'week'): ViewRange {
  const days = viewDays(view, date, span);
  return { view, date, days, from: startOfLocalDay(days[0]!, tz), to: startOfLocalDay(addDays(days[days.length - 1]!, 1), tz) };
}

/** The date the previous or next page of a view goes to (a month keeps its day, clamped to the month's end). */
export function stepDate(view: CalendarView, date: string, dir: -1 | 1, span: TimelineSpan = 'week'): string {
  if (view === 'day' || (view === 'timeline' && span === 'day')) return addDays(date, dir);
  if (view === 'month') {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const index = y * 12 + (m - 1) + dir;
    const ny = Math.floor(index / 12);
    const nm = (index % 12) + 1;
    const day = Math.min(d, daysInMonth(ny, nm));
    return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return addDays(date, 7 * dir);
}

/** Today in the organisation's zone. */
export function todayIn(tz: string, now: number = Date.now()): string {
  return localDate(now, tz);
}
