import { describe, expect, it } from 'vitest';
import { daysOverdue, isOpenAction, isOverdue, type KpiActionStatus } from '../src/kpi/actions';

// Expected values: docs/decisions/kpi-rules.md, section 8 (Actions).
describe('isOverdue: open and due before today (org zone)', () => {
  it.each<[KpiActionStatus, string | null, string, boolean, number]>([
    ['OPEN', '2026-12-04', '2026-12-05', true, 1],
    ['IN_PROGRESS', '2026-12-04', '2026-12-05', true, 1],
    ['OPEN', '2026-12-04', '2026-12-04', false, 0],
    ['OPEN', '2026-12-04', '2026-12-03', false, 0],
    ['DONE', '2026-12-04', '2026-12-05', false, 0],
    ['CANCELLED', '2026-12-04', '2026-12-05', false, 0],
    ['OPEN', null, '2026-12-05', false, 0],
    ['OPEN', '2026-11-25', '2026-12-05', true, 10],
    ['IN_PROGRESS', '2025-12-31', '2026-01-01', true, 1],
  ])('%s due %s on %s: %s (%d days)', (status, dueDate, today, overdue, days) => {
    expect(isOverdue({ status, dueDate }, today)).toBe(overdue);
    expect(daysOverdue({ status, dueDate }, today)).toBe(days);
  });

  it.each<[KpiActionStatus, boolean]>([
    ['OPEN', true],
    ['IN_PROGRESS', true],
    ['DONE', false],
    ['CANCELLED', false],
  ])('%s is open: %s', (status, open) => {
    expect(isOpenAction({ status })).toBe(open);
  });
});
