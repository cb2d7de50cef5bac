// Client-side sliding-window limiter: keeps a process under its share of the platform's
// per-key limit (GPD: 100 calls / 10 s), so the suite is throttled by itself, not by 429s.

export class RateLimiter {
  private readonly stamps: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly calls: number,
    readonly periodMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(calls > 0 && periodMs > 0)) throw new RangeError('RateLimiter needs calls > 0 and periodMs > 0');
  }

  /** Resolves when one more call fits in the window; callers are served in order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn;
    return turn;
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.now();
      while (this.stamps.length > 0 && this.stamps[0]! <= now - this.periodMs) this.stamps.shift();
      if (this.stamps.length < this.calls) {
        this.stamps.push(now);
        return;
      }
      // Wait exactly until the oldest call leaves the window.
      await new Promise((resolve) => setTimeout(resolve, this.stamps[0]! + this.periodMs - now));
    }
  }
}

/** The share of a per-key limit that one of `workers` processes may use. */
export function workerShare(limit: { calls: number; periodMs: number }, workers: number): RateLimiter {
  return new RateLimiter(Math.max(1, Math.floor(limit.calls / Math.max(1, workers))), limit.periodMs);
}
