import { yearToDatePeriods } from './aggregate';
import { lastPeriods, periodEndOf, periodKey, periodStartOf, previousPeriod, type KpiFrequency } from './periods';

/**
 * Period arithmetic shared by the tiles of one call: the periods of a window depend only on the day and the
 * frequency, not on the KPI, so 500 weekly KPIs compute their year-to-date weeks once (the same functions, cached).
 */
export class PeriodCache {
  private readonly memo = new Map<string, unknown>();
  private get<T>(key: string, make: () => T): T {
    let v = this.memo.get(key) as T | undefined;
    if (v === undefined) this.memo.set(key, (v = make()));
    return v;
  }
  start(date: string, f: KpiFrequency): string {
    return this.get(`s|${date}|${f}`, () => periodStartOf(date, f));
  }
  previous(date: string, f: KpiFrequency): string {
    return this.get(`p|${date}|${f}`, () => previousPeriod(date, f));
  }
  last(date: string, f: KpiFrequency, n: number): string[] {
    return this.get(`l|${date}|${f}|${n}`, () => lastPeriods(date, f, n));
  }
  ytd(date: string, f: KpiFrequency): string[] {
    return this.get(`y|${date}|${f}`, () => yearToDatePeriods(date, f));
  }
  period(start: string, f: KpiFrequency): { start: string; end: string; key: string } {
    return this.get(`e|${start}|${f}`, () => ({ start, end: periodEndOf(start, f), key: periodKey(start, f) }));
  }
}
