import { describe, expect, it } from 'vitest';
import { ESSENTIAL_KINDS, MESSAGE_KINDS, renderMessage, type MessageKind } from '../src/notifications/messages';
import { LOCALES } from '../src/i18n/index';

const VARS = {
  inviter: 'Ana', role: 'TECH', expiresAt: '12/12/2026', mission: 'Montage', date: '24/03/2026', when: '24/03 08:00-12:00',
  venue: 'Zenith', hours: '7 h 30', kpi: 'Taux de remplissage', period: 'mars 2026', action: 'Former les regisseurs',
};

describe('message catalogue', () => {
  const cases = MESSAGE_KINDS.flatMap((kind) => LOCALES.map((locale) => [kind, locale] as const));
  it.each(cases)('%s in %s: subject, text and HTML with every placeholder filled and the link', (kind, locale) => {
    const m = renderMessage({ kind, locale, name: 'Lea', org: 'Festival', vars: VARS, actionUrl: 'https://crew.example/x?token=a&b=1', unsubscribeUrl: ESSENTIAL_KINDS.has(kind) ? null : 'https://crew.example/unsubscribe?t=1' });
    for (const part of [m.subject, m.text, m.html]) {
      expect(part).not.toMatch(/\{[a-zA-Z]+\}/);
      expect(part).not.toContain('mail.');
    }
    expect(m.text).toContain('https://crew.example/x?token=a&b=1');
    expect(m.html).toContain('href="https://crew.example/x?token=a&amp;b=1"');
    expect(m.html).toContain(`lang="${locale}"`);
    expect(m.subject).not.toMatch(/[\r\n]/);
  });

  it('French is the default language and English texts differ', () => {
    const fr = renderMessage({ kind: 'password-reset', locale: 'fr', actionUrl: 'https://a.example/r' });
    const en = renderMessage({ kind: 'password-reset', locale: 'en', actionUrl: 'https://a.example/r' });
    expect(fr.subject).toMatch(/mot de passe/);
    expect(en.subject).toMatch(/password/);
  });

  const hostile: [string, Partial<Record<string, string>>, (m: ReturnType<typeof renderMessage>) => void][] = [
    ['HTML in a name is escaped', { mission: '<script>alert(1)</script>' }, (m) => expect(m.html).not.toContain('<script>')],
    ['a line break in a subject value cannot add a header', { mission: 'x\r\nBcc: evil@example.com' }, (m) => expect(m.subject).not.toMatch(/[\r\n]/)],
    ['NUL characters are removed', { mission: 'a\u0000b' }, (m) => expect(m.text).not.toContain('\u0000')],
  ];
  it.each(hostile)('%s', (_name, vars, check) => {
    check(renderMessage({ kind: 'mission-changed' as MessageKind, locale: 'fr', vars: { ...VARS, ...vars } as Record<string, string>, actionUrl: 'https://a.example/' }));
  });

  it('refuses a link that is not http(s)', () => {
    expect(() => renderMessage({ kind: 'mission-changed', locale: 'en', vars: VARS, actionUrl: 'javascript:alert(1)' })).toThrow();
  });

  it('a mission invitation has its decline link', () => {
    const m = renderMessage({ kind: 'mission-invitation', locale: 'en', vars: VARS, actionUrl: 'https://a.example/m/t', secondaryUrl: 'https://a.example/m/t?answer=decline' });
    expect(m.text).toContain('Decline: https://a.example/m/t?answer=decline');
  });
});
