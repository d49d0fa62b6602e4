import { describe, expect, it } from 'vitest';
import { missions, assignments } from '../src/entities/planning';
import { applyTemplate, parseTemplateData, templateFromMission } from '../src/planning/templates';

const P = 'Europe/Paris';
const NOW = '2026-11-21T09:00:00.000Z';
const ids = () => {
  let n = 0;
  return () => `0190a000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
};

describe('mission templates', () => {
  const template = templateFromMission(
    { title: 'Accueil public', type: 'SPECTACLE', startAt: '2026-07-10T17:30:00.000Z', endAt: '2026-07-10T22:00:00.000Z', needs: [{ role: 'Placeur', count: 4, skills: ['s1'] }] },
    P,
  );

  it('saves a mission as local times, role needs and type', () => {
    expect(template).toEqual({ title: 'Accueil public', type: 'SPECTACLE', ranges: [{ from: '19:30', to: '00:00' }], roles: [{ role: 'Placeur', count: 4, skills: ['s1'] }] });
    expect(parseTemplateData(template)).toEqual(template);
    expect(parseTemplateData({ title: 'x' })).toBeNull();
  });

  it('applied to a team over dates: one mission per date and range, every member invited to each', () => {
    const out = applyTemplate({ template, dates: ['2026-12-05', '2026-12-04'], teamId: 'team', memberIds: ['u1', 'u2'], projectId: 'p', venueId: 'v', publish: true, tz: P }, ids(), NOW);
    expect(out.missions).toHaveLength(2);
    // Winter time: 19:30 Paris is 18:30 UTC; 00:00 ends the next day.
    expect(out.missions[0]).toMatchObject({ title: 'Accueil public', startAt: '2026-12-04T18:30:00.000Z', endAt: '2026-12-04T23:00:00.000Z', status: 'PUBLISHED', teamId: 'team', projectId: 'p', venueId: 'v', updatedAt: NOW });
    expect(out.assignments).toHaveLength(4);
    expect(out.assignments.map((a) => [a.missionId, a.userId])).toEqual([
      [out.missions[0]!.id, 'u1'],
      [out.missions[0]!.id, 'u2'],
      [out.missions[1]!.id, 'u1'],
      [out.missions[1]!.id, 'u2'],
    ]);
    for (const m of out.missions) expect(missions.schema.safeParse(m).success).toBe(true);
    for (const a of out.assignments) {
      expect(a).toMatchObject({ status: 'INVITED', statusChangedAt: NOW, statusChangedBy: 'MANAGER', updatedAt: NOW });
      expect(assignments.schema.safeParse(a).success).toBe(true);
    }
  });

  it('leaves out the members the caller skips (a refused overlap) and reports them', () => {
    const out = applyTemplate(
      { template, dates: ['2026-12-04'], teamId: null, memberIds: ['u1', 'u2'], projectId: null, venueId: null, publish: false, tz: P, skip: (userId) => userId === 'u2' },
      ids(),
      NOW,
    );
    expect(out.missions[0]!.status).toBe('DRAFT');
    expect(out.assignments.map((a) => a.userId)).toEqual(['u1']);
    expect(out.skipped).toEqual([{ userId: 'u2', missionId: out.missions[0]!.id }]);
  });
});
