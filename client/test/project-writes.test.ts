import { UUID_PATTERN, projects } from '@coulisses/shared';
import { describe, expect, it } from 'vitest';
import { PROJECT_STATUSES, archivePatch, cleanName, newProject, projectDates, renamePatch } from '../src/pages/planning/projects/project-writes';

const now = new Date('2026-11-21T09:15:00.000Z');

describe('project writes', () => {
  it('trims names and refuses empty ones', () => {
    expect(cleanName('  Tourn\u00e9e  ')).toBe('Tourn\u00e9e');
    expect(cleanName('   ')).toBeNull();
    expect(cleanName('x'.repeat(250))).toHaveLength(200);
  });

  it('creates a project the registry schema accepts, stamped now', () => {
    const p = newProject('Festival', 'ACTIVE', now);
    expect(p).toEqual({ id: p.id, updatedAt: '2026-11-21T09:15:00.000Z', name: 'Festival', status: 'ACTIVE', venueIds: [], startDate: null, endDate: null, managerUserIds: [] });
    expect(p.id).toMatch(UUID_PATTERN);
    expect(p.id[14]).toBe('7');
    expect(projects.schema.safeParse(p).success).toBe(true);
  });

  it('refuses what the server would refuse', () => {
    expect(() => newProject('', 'DRAFT', now)).toThrow();
  });

  it('stamps every change with now', () => {
    expect(renamePatch('Nouveau', now)).toEqual({ name: 'Nouveau', updatedAt: '2026-11-21T09:15:00.000Z' });
    expect(archivePatch(now)).toEqual({ status: 'ARCHIVED', updatedAt: '2026-11-21T09:15:00.000Z' });
  });

  it('offers the statuses of the registry', () => {
    expect(PROJECT_STATUSES).toEqual(['DRAFT', 'ACTIVE', 'ARCHIVED']);
  });

  it('describes the dates that are set', () => {
    expect(projectDates({ startDate: null, endDate: null })).toEqual({ kind: 'none' });
    expect(projectDates({ startDate: '2026-01-01', endDate: null })).toEqual({ kind: 'from', start: '2026-01-01' });
    expect(projectDates({ startDate: null, endDate: '2026-02-01' })).toEqual({ kind: 'until', end: '2026-02-01' });
    expect(projectDates({ startDate: '2026-01-01', endDate: '2026-02-01' })).toEqual({ kind: 'range', start: '2026-01-01', end: '2026-02-01' });
  });
});
