import { describe, expect, it } from 'vitest';
import { conflictFields, diffFields, labelOr, refusedValues } from '../src/pages/conflicts/conflict-view';

describe('conflict view', () => {
  it('lists the discarded fields of a merge', () => {
    const rows = conflictFields({ outcome: 'MERGED', local: null, remote: null, fields: [{ field: 'name', kept: 'B', discarded: 'A' }] });
    expect(rows).toEqual([{ field: 'name', kept: 'B', discarded: 'A' }]);
  });

  it('splits a whole-document entry into its differing fields', () => {
    const rows = conflictFields({
      outcome: 'REJECTED',
      local: null,
      remote: null,
      fields: [{ field: '*', kept: { id: 'e1', updatedAt: 'x', kind: 'PUNCH', at: '10:00' }, discarded: { id: 'e1', updatedAt: 'y', kind: 'PUNCH', at: '11:00' } }],
    });
    expect(rows).toEqual([{ field: 'at', kept: '10:00', discarded: '11:00' }]);
  });

  it("shows a refused write as the writer's values against the server's", () => {
    const rows = conflictFields({
      outcome: 'REJECTED',
      fields: [],
      local: { id: 'p1', updatedAt: '2', name: 'Nouveau', status: 'ACTIVE' },
      remote: { id: 'p1', updatedAt: '1', name: 'Ancien', status: 'ACTIVE' },
    });
    expect(rows).toEqual([{ field: 'name', kept: 'Ancien', discarded: 'Nouveau' }]);
  });

  it('shows a refused creation against nothing', () => {
    expect(diffFields(null, { id: 'p1', name: 'X', venueIds: [] })).toEqual([
      { field: 'name', kept: null, discarded: 'X' },
      { field: 'venueIds', kept: null, discarded: [] },
    ]);
  });

  it('lists the refused values without ids and stamps', () => {
    expect(refusedValues({ id: 'p1', updatedAt: 'x', _deleted: false, status: 'DRAFT', name: 'N' })).toEqual([
      { field: 'name', kept: null, discarded: 'N' },
      { field: 'status', kept: null, discarded: 'DRAFT' },
    ]);
  });

  it('labels from the catalogue, else the raw name', () => {
    expect(labelOr('fr', 'conflicts.entities.projects', 'projects')).toBe('Projets');
    expect(labelOr('en', 'conflicts.rules.field-merge', 'field-merge')).toBe('Field-by-field merge');
    expect(labelOr('fr', 'conflicts.entities.unknown_thing', 'unknown_thing')).toBe('unknown_thing');
  });
});
