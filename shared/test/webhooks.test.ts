import { describe, expect, it } from 'vitest';
import { parseSignatureHeader, renderWebhookBody, webhookData, webhookEventsOf, type WebhookEvent } from '../src/integrations/webhooks';

const mission = (f: Record<string, unknown> = {}) => ({ id: 'm1', title: 'Montage', status: 'DRAFT', startAt: '2026-03-02T08:00:00.000Z', endAt: '2026-03-02T16:00:00.000Z', venueId: null, _deleted: false, ...f });

describe('webhookEventsOf', () => {
  const cases: [string, string, Record<string, unknown> | undefined, Record<string, unknown>, string[]][] = [
    ['draft mission created', 'missions', undefined, mission(), []],
    ['mission created published', 'missions', undefined, mission({ status: 'PUBLISHED' }), ['mission.published']],
    ['draft -> published', 'missions', mission(), mission({ status: 'PUBLISHED' }), ['mission.published']],
    ['published, times moved', 'missions', mission({ status: 'PUBLISHED' }), mission({ status: 'PUBLISHED', startAt: '2026-03-02T09:00:00.000Z' }), ['mission.changed']],
    ['published, venue changed', 'missions', mission({ status: 'PUBLISHED' }), mission({ status: 'PUBLISHED', venueId: 'v1' }), ['mission.changed']],
    ['published, nothing changed', 'missions', mission({ status: 'PUBLISHED' }), mission({ status: 'PUBLISHED' }), []],
    ['draft, times moved', 'missions', mission(), mission({ startAt: '2026-03-02T09:00:00.000Z' }), []],
    ['published -> cancelled', 'missions', mission({ status: 'PUBLISHED' }), mission({ status: 'CANCELLED' }), ['mission.cancelled']],
    ['published deleted', 'missions', mission({ status: 'PUBLISHED' }), mission({ status: 'PUBLISHED', _deleted: true }), ['mission.cancelled']],
    ['draft deleted', 'missions', mission(), mission({ _deleted: true }), []],
    ['cancelled stays cancelled', 'missions', mission({ status: 'CANCELLED' }), mission({ status: 'CANCELLED', title: 'x' }), []],
    ['invited -> accepted', 'assignments', { status: 'INVITED' }, { status: 'ACCEPTED' }, ['assignment.answered']],
    ['invited -> declined', 'assignments', { status: 'INVITED' }, { status: 'DECLINED' }, ['assignment.answered']],
    ['accepted, note changed', 'assignments', { status: 'ACCEPTED' }, { status: 'ACCEPTED', note: 'x' }, []],
    ['invited', 'assignments', undefined, { status: 'INVITED' }, []],
    ['timesheet validated', 'timesheets', { status: 'CONFIRMED' }, { status: 'VALIDATED' }, ['timesheet.validated']],
    ['timesheet still validated', 'timesheets', { status: 'VALIDATED' }, { status: 'VALIDATED', managerComment: 'x' }, []],
    ['flagged punch', 'field_events', undefined, { kind: 'PUNCH', flags: ['CLOCK_SKEW'] }, ['punch.flagged']],
    ['clean punch', 'field_events', undefined, { kind: 'PUNCH', flags: [] }, []],
    ['flagged comment', 'field_events', undefined, { kind: 'COMMENT', flags: ['FUTURE'] }, []],
    ['kpi turns red', 'kpi_values', { status: 'ORANGE' }, { status: 'RED' }, ['kpi.red']],
    ['kpi created red', 'kpi_values', undefined, { status: 'RED' }, ['kpi.red']],
    ['kpi stays red', 'kpi_values', { status: 'RED' }, { status: 'RED', value: 1 }, []],
    ['other entity', 'reference', undefined, { status: 'RED' }, []],
  ];
  it.each(cases)('%s', (_name, entity, before, after, expected) => {
    expect(webhookEventsOf(entity, before, after)).toEqual(expected);
  });

  it('data keeps the fields a receiver needs, not the whole document', () => {
    expect(webhookData('missions', mission({ notes: 'secret notes' }))).toEqual({ entity: 'missions', id: 'm1', title: 'Montage', status: 'DRAFT', startAt: '2026-03-02T08:00:00.000Z', endAt: '2026-03-02T16:00:00.000Z', venueId: null });
  });
});

describe('renderWebhookBody', () => {
  const event: WebhookEvent = { id: 'e1', type: 'mission.published', createdAt: '2026-03-01T10:00:00.000Z', orgId: 'o1', data: webhookData('missions', mission({ title: 'Montage <scene>' })) };
  const ctx = { locale: 'fr' as const, timeZone: 'Europe/Paris', orgName: 'Grand & Plateau', telegramChatId: '-100123' };
  it.each([
    ['json', (b: Record<string, unknown>) => expect(Object.keys(b)).toEqual(['id', 'type', 'createdAt', 'orgId', 'data'])],
    ['slack', (b: Record<string, unknown>) => {
      expect(b.text).toContain('Mission publi');
      expect(b.text).toContain('Montage <scene>');
      expect((b.blocks as { type: string }[]).map((x) => x.type)).toEqual(['section', 'context']);
      expect(JSON.stringify(b.blocks)).toContain('&lt;scene&gt;');
    }],
    ['telegram', (b: Record<string, unknown>) => {
      expect(b.chat_id).toBe('-100123');
      expect(b.parse_mode).toBe('HTML');
      expect(b.text).toContain('<b>Grand &amp; Plateau</b>');
      expect(b.text).toContain('Montage &lt;scene&gt;');
    }],
  ] as const)('%s', (format, check) => {
    check(JSON.parse(renderWebhookBody(format, event, ctx)) as Record<string, unknown>);
  });
  it('English texts', () => {
    const b = JSON.parse(renderWebhookBody('slack', event, { ...ctx, locale: 'en' })) as { text: string };
    expect(b.text).toMatch(/^Mission published: Montage <scene> \(/);
  });
});

describe('parseSignatureHeader', () => {
  const hex = 'a'.repeat(64);
  it.each([
    [`t=1700000000,v1=${hex}`, { t: 1700000000, v1: [hex] }],
    [`v1=${hex}, t=12`, { t: 12, v1: [hex] }],
    ['t=12', null],
    [`t=abc,v1=${hex}`, null],
    ['', null],
  ])('%s', (header, expected) => {
    expect(parseSignatureHeader(header)).toEqual(expected);
  });
});
