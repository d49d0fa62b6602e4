import { describe, expect, it } from 'vitest';
import { RateProfileDataSchema, rateProfilesOf, resolveRate, type RateProfile, type RateProfileData, type RateQuery } from '../src/payroll/rates';

const profile = (id: string, appliesTo: RateProfileData['appliesTo'], extra: Partial<RateProfileData> & { archived?: boolean } = {}): RateProfile => {
  const { archived = false, ...data } = extra;
  return { id, name: id, archived, data: { mode: 'HOURLY', amountCents: 2000, appliesTo, ...data } };
};

const ORG = profile('org', { kind: 'ORG', id: null });
const ROLE = profile('role', { kind: 'ROLE', id: 'R\u00e9gisseur' });
const USER = profile('user', { kind: 'USER', id: 'ana' });
const MISSION = profile('mission', { kind: 'MISSION', id: 'm1' }, { mode: 'CACHET', amountCents: 15000 });
const ALL = [ORG, ROLE, USER, MISSION];

describe('RateProfileDataSchema', () => {
  it.each<[string, unknown, boolean]>([
    ['an hourly rate for the organisation', { mode: 'HOURLY', amountCents: 1850, appliesTo: { kind: 'ORG', id: null } }, true],
    ['a cachet for a role, for intermittents', { mode: 'CACHET', amountCents: 15000, appliesTo: { kind: 'ROLE', id: 'Regisseur' }, contractType: 'INTERMITTENT' }, true],
    ['a flat rate for a mission', { mode: 'FLAT', amountCents: 0, appliesTo: { kind: 'MISSION', id: 'm1' } }, true],
    ['an unknown mode', { mode: 'DAILY', amountCents: 100, appliesTo: { kind: 'ORG', id: null } }, false],
    ['a negative amount', { mode: 'HOURLY', amountCents: -1, appliesTo: { kind: 'ORG', id: null } }, false],
    ['an amount that is not whole cents', { mode: 'HOURLY', amountCents: 12.5, appliesTo: { kind: 'ORG', id: null } }, false],
    ['a USER rate without its id', { mode: 'HOURLY', amountCents: 100, appliesTo: { kind: 'USER', id: null } }, false],
    ['an ORG rate with an id', { mode: 'HOURLY', amountCents: 100, appliesTo: { kind: 'ORG', id: 'x' } }, false],
    ['an unknown contract type', { mode: 'HOURLY', amountCents: 100, appliesTo: { kind: 'ORG', id: null }, contractType: 'STAGE' }, false],
    ['an unknown field', { mode: 'HOURLY', amountCents: 100, appliesTo: { kind: 'ORG', id: null }, tax: 20 }, false],
  ])('%s', (_name, data, ok) => {
    expect(RateProfileDataSchema.safeParse(data).success).toBe(ok);
  });
});

describe('resolveRate', () => {
  it.each<[string, RateQuery, RateProfile[], string | null]>([
    ['MISSION beats everything', { userId: 'ana', missionId: 'm1', role: 'Regisseur' }, ALL, 'mission'],
    ['USER beats ROLE and ORG', { userId: 'ana', missionId: 'm2', role: 'Regisseur' }, ALL, 'user'],
    ['ROLE beats ORG (accents and case do not matter)', { userId: 'bob', missionId: 'm2', role: ' regisseur ' }, ALL, 'role'],
    ['ORG when nothing else applies', { userId: 'bob', missionId: 'm2', role: 'Cintrier' }, ALL, 'org'],
    ['ORG without mission nor role', { userId: 'bob' }, ALL, 'org'],
    ['null when no profile applies', { userId: 'bob', missionId: 'm2' }, [USER, MISSION], null],
    ['an archived profile is ignored', { userId: 'ana', missionId: 'm1' }, [ORG, USER, profile('old', { kind: 'MISSION', id: 'm1' }, { archived: true })], 'user'],
    ['only archived profiles: null', { userId: 'ana' }, [profile('old', { kind: 'ORG', id: null }, { archived: true })], null],
    ['a profile for another contract is skipped', { userId: 'ana', contractType: 'CDI' }, [ORG, profile('intermittent', { kind: 'USER', id: 'ana' }, { contractType: 'INTERMITTENT' })], 'org'],
    ['a profile for the same contract beats an unrestricted one', { userId: 'ana', contractType: 'INTERMITTENT' }, [USER, profile('intermittent', { kind: 'USER', id: 'ana' }, { contractType: 'INTERMITTENT' })], 'intermittent'],
    ['two profiles on one level: the smallest id', { userId: 'bob' }, [profile('org-b', { kind: 'ORG', id: null }), profile('org-a', { kind: 'ORG', id: null })], 'org-a'],
  ])('%s', (_name, query, profiles, expected) => {
    expect(resolveRate(query, profiles)?.id ?? null).toBe(expected);
  });

  it('reads rate profiles from reference documents, leaving out other kinds and invalid data', () => {
    const docs = [
      { id: 'r1', kind: 'rate_profile', name: 'Base', archived: false, data: { mode: 'HOURLY', amountCents: 1850, appliesTo: { kind: 'ORG', id: null } } },
      { id: 'r2', kind: 'rate_profile', name: 'Broken', archived: false, data: { mode: 'HOURLY' } },
      { id: 'v1', kind: 'venue', name: 'Salle', archived: false, data: {} },
    ];
    expect(rateProfilesOf(docs).map((p) => p.id)).toEqual(['r1']);
  });
});
