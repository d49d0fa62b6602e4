import { describe, expect, it } from 'vitest';
import { slugWithSuffix, slugify } from '../src/org/slug';
import { invitationState, sameEmail } from '../src/pages/invite/invitation-status';
import { needsTwoFactor } from '../src/auth/two-factor';

describe('slugify', () => {
  it('makes URL-safe slugs without accents', () => {
    expect(slugify('Th\u00e9\u00e2tre du Soleil !')).toBe('theatre-du-soleil');
    expect(slugify('  --  ')).toBe('org');
    expect(slugify('a'.repeat(80))).toHaveLength(40);
  });

  it('adds a short suffix on demand', () => {
    expect(slugWithSuffix('Les Tr\u00e9teaux', () => 0.5)).toMatch(/^les-treteaux-[0-9a-z]{4}$/);
  });
});

describe('invitationState', () => {
  it('shows one clear state', () => {
    expect(invitationState({ status: 'pending', expired: false })).toBe('pending');
    expect(invitationState({ status: 'pending', expired: true })).toBe('expired');
    expect(invitationState({ status: 'canceled', expired: false })).toBe('revoked');
    expect(invitationState({ status: 'accepted', expired: true })).toBe('accepted');
    expect(invitationState({ status: 'rejected', expired: false })).toBe('rejected');
  });

  it('compares e-mails loosely', () => {
    expect(sameEmail(' Ada@Example.test', 'ada@example.test ')).toBe(true);
    expect(sameEmail('ada@example.test', 'bob@example.test')).toBe(false);
  });
});

describe('needsTwoFactor', () => {
  it("spots better-auth's twoFactorRedirect answer", () => {
    expect(needsTwoFactor({ twoFactorRedirect: true, twoFactorMethods: ['totp'] })).toBe(true);
    expect(needsTwoFactor({ token: 'x', user: {} })).toBe(false);
    expect(needsTwoFactor(null)).toBe(false);
  });
});
