import { describe, expect, it } from 'vitest';
import { formatCount, formatInZone, formatLocalDate } from '../src/i18n/format';

const plain = (s: string) => s.replace(/\s/g, ' ');

describe('formatInZone', () => {
  const iso = '2026-07-14T21:30:00.000Z';

  it("shows an instant in the organisation's zone", () => {
    expect(plain(formatInZone('fr', iso, 'Europe/Paris', 'time'))).toBe('23:30');
    expect(plain(formatInZone('fr', iso, 'America/Montreal', 'time'))).toBe('17:30');
  });

  it('falls back to Europe/Paris for a missing or unknown zone', () => {
    expect(plain(formatInZone('fr', iso, null, 'time'))).toBe('23:30');
    expect(plain(formatInZone('fr', iso, 'Mars/Olympus', 'time'))).toBe('23:30');
  });

  it('gives the date with the time, and leaves non-dates alone', () => {
    expect(plain(formatInZone('fr', iso, 'Europe/Paris'))).toMatch(/14 juil\. 2026.*23:30/);
    expect(formatInZone('en', 'soon', 'Europe/Paris')).toBe('soon');
  });
});

describe('formatLocalDate', () => {
  it('shows a calendar date without shifting it by a zone', () => {
    expect(formatLocalDate('fr', '2026-01-01')).toBe('1 janv. 2026');
    expect(formatLocalDate('en', '2026-12-31')).toBe('31 Dec 2026');
    expect(formatLocalDate('fr', '31/12/2026')).toBe('31/12/2026');
  });
});

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(plain(formatCount('fr', 50000))).toBe('50 000');
    expect(formatCount('en', 50000)).toBe('50,000');
  });
});
