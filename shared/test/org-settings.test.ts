import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_SETTINGS, timeRulesOf, withDefaults } from '../src/org/settings';

describe('organisation settings', () => {
  it('fills what is missing or invalid with the defaults, keeps the rest', () => {
    const s = withDefaults({ overlapPolicy: 'REFUSE', roundingMinutes: 'five', nightProfile: 'IDCC_2717', unknown: 1 });
    expect(s.overlapPolicy).toBe('REFUSE');
    expect(s.roundingMinutes).toBe(DEFAULT_ORG_SETTINGS.roundingMinutes);
    expect(s.nightProfile).toBe('IDCC_2717');
    expect(s).not.toHaveProperty('unknown');
    expect(withDefaults(null)).toEqual(DEFAULT_ORG_SETTINGS);
  });

  it.each([
    ['GENERAL', '21:00', '06:00', 0],
    ['LIVE_PERFORMANCE', '00:00', '07:00', 0],
    ['IDCC_2717', '00:00', '06:00', 25],
    ['CUSTOM', '22:00', '05:00', 10],
  ] as const)('night profile %s -> %s-%s +%i %%', (profile, start, end, pct) => {
    const rules = timeRulesOf(withDefaults({ nightProfile: profile, nightStart: '22:00', nightEnd: '05:00', nightPremiumPct: 10 }), 'Europe/Paris');
    expect([rules.nightStart, rules.nightEnd, rules.nightPremiumPct]).toEqual([start, end, pct]);
    expect(rules.zone).toBe('Europe/Paris');
  });
});
