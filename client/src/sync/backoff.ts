/** Exponential backoff with jitter: 1 s, 2 s, 4 s ... up to `max`; `wake()` ends the current wait (back online). */
export class Backoff {
  private attempt = 0;
  private wakers = new Set<() => void>();
  constructor(private readonly base = 1000, private readonly max = 60_000) {}

  reset(): void {
    this.attempt = 0;
  }

  delay(): number {
    const d = Math.min(this.max, this.base * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 16);
    return Math.round(d * (0.75 + Math.random() * 0.5));
  }

  wait(): Promise<void> {
    const ms = this.delay();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  wake(): void {
    this.reset();
    for (const w of [...this.wakers]) w();
  }
}
