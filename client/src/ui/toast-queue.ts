import type { Tone } from './tones';

/** What a screen asks for: useToast().show({ message, tone, undo }). */
export interface ToastOptions {
  message: string;
  tone?: Tone;
  /** One action button (e.g. "Open"). Choosing it runs onAction and closes the toast. */
  action?: ToastAction;
  /** Shortcut for an action labelled "Undo" (the provider adds the label). Wins over `action`. */
  undo?: () => void;
  /** Milliseconds on screen; null keeps it until closed. Default 5 s, 8 s with an action. */
  duration?: number | null;
  /** Showing a toast with the id of one on screen replaces it (e.g. "3 changes saved" counting up). */
  id?: string;
  /** Stable hook for e2e tests, put on the toast element. */
  testId?: string;
}

export interface ToastAction {
  label: string;
  onAction: () => void;
}

export interface ToastItem {
  id: string;
  message: string;
  tone: Tone;
  action: ToastAction | null;
  duration: number | null;
  testId?: string;
}

export const DEFAULT_DURATION = 5000;
export const ACTION_DURATION = 8000;
export const MAX_VISIBLE = 3;

interface Timer {
  handle: unknown;
  startedAt: number;
  remaining: number;
}

export interface QueueClock {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realClock: QueueClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The toasts of the app: at most MAX_VISIBLE on screen, the others wait their turn (their time starts when they
 * show). A toast's time pauses while it is hovered or focused (pause/resume) and continues with what was left.
 * React reads it with useSyncExternalStore (subscribe, visible).
 */
export class ToastQueue {
  private items: ToastItem[] = [];
  private snapshot: readonly ToastItem[] = [];
  private readonly timers = new Map<string, Timer>();
  private readonly paused = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private seq = 0;

  constructor(
    private readonly clock: QueueClock = realClock,
    private readonly max = MAX_VISIBLE,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The toasts on screen, oldest first (a stable array between changes). */
  visible = (): readonly ToastItem[] => this.snapshot;

  /** Every toast, on screen or waiting. */
  all(): readonly ToastItem[] {
    return this.items;
  }

  show(options: ToastOptions, undoLabel = 'Undo'): string {
    const id = options.id ?? `toast-${(this.seq += 1)}`;
    const action = options.undo ? { label: undoLabel, onAction: options.undo } : (options.action ?? null);
    const duration = options.duration === undefined ? (action ? ACTION_DURATION : DEFAULT_DURATION) : options.duration;
    const item: ToastItem = { id, message: options.message, tone: options.tone ?? 'neutral', action, duration, testId: options.testId };
    const at = this.items.findIndex((t) => t.id === id);
    if (at >= 0) {
      this.stopTimer(id);
      this.paused.delete(id);
      this.items = this.items.map((t, i) => (i === at ? item : t));
    } else {
      this.items = [...this.items, item];
    }
    this.sync();
    return id;
  }

  dismiss(id: string): void {
    if (!this.items.some((t) => t.id === id)) return;
    this.stopTimer(id);
    this.paused.delete(id);
    this.items = this.items.filter((t) => t.id !== id);
    this.sync();
  }

  /** Runs the toast's action, then closes it. */
  act(id: string): void {
    const item = this.items.find((t) => t.id === id);
    if (!item) return;
    this.dismiss(id);
    item.action?.onAction();
  }

  /** Stops the toast's clock (pointer over it, focus inside it). */
  pause(id: string): void {
    const timer = this.timers.get(id);
    if (!timer) return;
    this.clock.clearTimeout(timer.handle);
    this.timers.delete(id);
    this.paused.set(id, Math.max(0, timer.remaining - (this.clock.now() - timer.startedAt)));
  }

  /** Restarts the toast's clock with the time it had left. */
  resume(id: string): void {
    const remaining = this.paused.get(id);
    if (remaining === undefined) return;
    this.paused.delete(id);
    this.startTimer(id, remaining);
  }

  clear(): void {
    for (const id of [...this.timers.keys()]) this.stopTimer(id);
    this.paused.clear();
    this.items = [];
    this.sync();
  }

  private sync(): void {
    const visible = this.items.slice(0, this.max);
    for (const item of visible) {
      if (item.duration !== null && !this.timers.has(item.id) && !this.paused.has(item.id)) this.startTimer(item.id, item.duration);
    }
    const changed = visible.length !== this.snapshot.length || visible.some((t, i) => t !== this.snapshot[i]);
    if (!changed) return;
    this.snapshot = visible;
    for (const listener of [...this.listeners]) listener();
  }

  private startTimer(id: string, ms: number): void {
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(id);
      this.dismiss(id);
    }, ms);
    this.timers.set(id, { handle, startedAt: this.clock.now(), remaining: ms });
  }

  private stopTimer(id: string): void {
    const timer = this.timers.get(id);
    if (timer) this.clock.clearTimeout(timer.handle);
    this.timers.delete(id);
  }
}
