import { describe, expect, it } from 'vitest';
import { formatCount, formatDecimal, formatDelta, formatDuration, formatHours, formatInZone, formatLocalDate, formatMoney, formatNumber, formatPercent, formatWithZoneName } from '@coulisses/shared/i18n/format';

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

describe('numbers, money and percentages by language', () => {
  it('formats numbers with the decimal comma in French', () => {
    expect(formatNumber('fr', 5.5)).toBe('5,5');
    expect(formatNumber('en', 5.5)).toBe('5.5');
    expect(formatDecimal('fr', 9)).toBe('9,00');
    expect(formatDecimal('en', 9)).toBe('9.00');
    expect(plain(formatDecimal('fr', 1234.5))).toBe('1 234,50');
  });

  it('formats euro amounts with Intl (never "166,50 EUR")', () => {
    expect(plain(formatMoney('fr', 16650))).toBe('166,50 \u20ac');
    expect(formatMoney('en', 16650)).toBe('\u20ac166.50');
    expect(plain(formatMoney('fr', 123456))).toBe('1 234,56 \u20ac');
    expect(formatMoney('en', -500)).toBe('-\u20ac5.00');
  });

  it('formats percentages', () => {
    expect(plain(formatPercent('fr', 0.25))).toBe('25 %');
    expect(formatPercent('en', 0.25)).toBe('25%');
    expect(formatPercent('en', 0.125, 1)).toBe('12.5%');
  });
});

describe('durations', () => {
  it('writes hours and minutes, the same way in every screen', () => {
    expect(plain(formatDuration('fr', 330))).toBe('5 h 30');
    expect(plain(formatDuration('en', 330))).toBe('5h 30m');
    expect(plain(formatDuration('fr', 120))).toBe('2 h 00');
    expect(plain(formatDuration('fr', 45))).toBe('0 h 45');
    expect(plain(formatDuration('en', 125))).toBe('2h 05m');
    expect(plain(formatDuration('fr', null))).toBe('-');
    expect(plain(formatDuration('fr', -90))).toBe('\u22121 h 30');
  });

  it('writes fractional hours of the rules as hours and minutes, never "5.5 h"', () => {
    expect(plain(formatHours('fr', 5.5))).toBe('5 h 30');
    expect(plain(formatHours('en', 5.5))).toBe('5h 30m');
    expect(plain(formatHours('fr', 48))).toBe('48 h');
    expect(plain(formatHours('en', 48))).toBe('48h');
    expect(plain(formatHours('fr', 10.25))).toBe('10 h 15');
  });

  it('writes signed deltas with a sign, never as a range, and in words for screen readers', () => {
    const delta = (locale: 'fr' | 'en', minutes: number) => {
      const d = formatDelta(locale, minutes);
      return { ...d, text: plain(d.text), spoken: plain(d.spoken) };
    };
    expect(formatDelta('fr', 90).text).toBe('+1\u00a0h\u00a030');
    expect(delta('fr', 90)).toEqual({ text: '+1 h 30', spoken: '1 h 30 de plus que pr\u00e9vu', sign: 1 });
    expect(delta('fr', -90)).toEqual({ text: '\u22121 h 30', spoken: '1 h 30 de moins que pr\u00e9vu', sign: -1 });
    expect(delta('en', -90)).toEqual({ text: '\u22121h 30m', spoken: '1h 30m less than planned', sign: -1 });
    expect(delta('en', 0)).toEqual({ text: '0h 00m', spoken: 'as planned', sign: 0 });
  });
});

describe('instants in the organisation zone', () => {
  const iso = '2026-07-14T21:30:00.000Z';
  it('gives the date alone or a short date and time', () => {
    expect(formatInZone('fr', iso, 'Europe/Paris', 'date')).toBe('14 juil. 2026');
    expect(formatInZone('fr', iso, 'America/Montreal', 'date')).toBe('14 juil. 2026');
    expect(formatInZone('fr', '2026-07-14T23:30:00.000Z', 'Europe/Paris', 'date')).toBe('15 juil. 2026');
    expect(plain(formatInZone('en', iso, 'Europe/Paris', 'short'))).toBe('14/07/2026, 23:30');
  });

  it('names the zone where the organisation is unknown', () => {
    expect(formatWithZoneName('en', iso)).toMatch(/2026.*(UTC|GMT|[A-Z]{3,4})/);
  });
});
