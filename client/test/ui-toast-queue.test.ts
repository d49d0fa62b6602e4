import { describe, expect, it, vi } from 'vitest';
import { ACTION_DURATION, DEFAULT_DURATION, ToastQueue, type QueueClock } from '../src/ui/toast-queue';

/** A clock the test moves by hand. */
function fakeClock() {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: QueueClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      seq += 1;
      timers.set(seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout: (handle) => {
      timers.delete(handle as number);
    },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = end;
  };
  return { clock, advance, pending: () => timers.size };
}

const ids = (q: ToastQueue) => q.visible().map((t) => t.id);

describe('ToastQueue', () => {
  it('shows a toast and closes it after its duration (5 s, 8 s with an action)', () => {
    const { clock, advance } = fakeClock();
    const q = new ToastQueue(clock);
    q.show({ message: 'Saved', id: 'a' });
    q.show({ message: 'Removed', id: 'b', undo: () => undefined });
    expect(ids(q)).toEqual(['a', 'b']);
    advance(DEFAULT_DURATION - 1);
    expect(ids(q)).toEqual(['a', 'b']);
    advance(1);
    expect(ids(q)).toEqual(['b']);
    advance(ACTION_DURATION - DEFAULT_DURATION);
    expect(ids(q)).toEqual([]);
  });

  it('labels the undo action with the given text and runs it once, closing the toast', () => {
    const { clock } = fakeClock();
    const q = new ToastQueue(clock);
    const undo = vi.fn();
    const id = q.show({ message: 'Removed', undo }, 'Annuler');
    expect(q.visible()[0]?.action?.label).toBe('Annuler');
    q.act(id);
    q.act(id);
    expect(undo).toHaveBeenCalledTimes(1);
    expect(ids(q)).toEqual([]);
  });

  it('keeps a toast while it is hovered or focused, then gives it the time it had left', () => {
    const { clock, advance } = fakeClock();
    const q = new ToastQueue(clock);
    q.show({ message: 'Saved', id: 'a' });
    advance(3000);
    q.pause('a');
    advance(60_000);
    expect(ids(q)).toEqual(['a']);
    q.resume('a');
    advance(1999);
    expect(ids(q)).toEqual(['a']);
    advance(1);
    expect(ids(q)).toEqual([]);
  });

  it('never closes a toast whose duration is null', () => {
    const { clock, advance, pending } = fakeClock();
    const q = new ToastQueue(clock);
    q.show({ message: 'Sticky', id: 's', duration: null });
    expect(pending()).toBe(0);
    advance(3_600_000);
    expect(ids(q)).toEqual(['s']);
    q.dismiss('s');
    expect(ids(q)).toEqual([]);
  });

  it('shows at most three; the next one shows (and starts its time) when one closes', () => {
    const { clock, advance } = fakeClock();
    const q = new ToastQueue(clock, 3);
    for (const id of ['a', 'b', 'c', 'd']) q.show({ message: id, id, duration: null });
    q.show({ message: 'e', id: 'e' });
    expect(ids(q)).toEqual(['a', 'b', 'c']);
    expect(q.all().map((t) => t.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    q.dismiss('b');
    expect(ids(q)).toEqual(['a', 'c', 'd']);
    q.dismiss('a');
    expect(ids(q)).toEqual(['c', 'd', 'e']);
    // e's five seconds start now, not when it was asked for.
    advance(DEFAULT_DURATION - 1);
    expect(ids(q)).toContain('e');
    advance(1);
    expect(ids(q)).toEqual(['c', 'd']);
  });

  it('replaces a toast shown again with the same id, restarting its time', () => {
    const { clock, advance } = fakeClock();
    const q = new ToastQueue(clock);
    q.show({ message: '1 change saved', id: 'saved' });
    advance(4000);
    q.show({ message: '2 changes saved', id: 'saved' });
    expect(q.visible().map((t) => t.message)).toEqual(['2 changes saved']);
    advance(4000);
    expect(ids(q)).toEqual(['saved']);
    advance(1000);
    expect(ids(q)).toEqual([]);
  });

  it('notifies subscribers on change only, with a stable snapshot in between', () => {
    const { clock } = fakeClock();
    const q = new ToastQueue(clock);
    const listener = vi.fn();
    const unsubscribe = q.subscribe(listener);
    const before = q.visible();
    expect(q.visible()).toBe(before);
    q.show({ message: 'x', id: 'x' });
    expect(listener).toHaveBeenCalledTimes(1);
    const after = q.visible();
    expect(q.visible()).toBe(after);
    q.pause('x');
    q.resume('x');
    expect(listener).toHaveBeenCalledTimes(1);
    q.dismiss('nope');
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    q.dismiss('x');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('uses the tone given, neutral otherwise, and makes unique ids', () => {
    const { clock } = fakeClock();
    const q = new ToastQueue(clock);
    const a = q.show({ message: 'a' });
    const b = q.show({ message: 'b', tone: 'danger' });
    expect(a).not.toBe(b);
    expect(q.visible().map((t) => t.tone)).toEqual(['neutral', 'danger']);
  });

  it('clear() removes everything and stops the timers', () => {
    const { clock, pending } = fakeClock();
    const q = new ToastQueue(clock);
    q.show({ message: 'a' });
    q.show({ message: 'b' });
    q.clear();
    expect(ids(q)).toEqual([]);
    expect(pending()).toBe(0);
  });
});
