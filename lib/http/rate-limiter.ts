// Client-side sliding-window limiter: keeps a process under its share of the platform's
// per-key limit (GPD: 100 calls / 10 s), so the suite is throttled by itself, not by 429s.

/** Hands out permission for one call at a time; told to hold back when the platform answers 429. */
export interface Limiter {
  acquire(): Promise<void>;
  /** No call for `ms` from now (the platform's Retry-After). */
  backOff(ms: number): void | Promise<void>;
}

export class RateLimiter implements Limiter {
  private readonly stamps: number[] = [];
  private queue: Promise<void> = Promise.resolve();
  private pausedUntil = 0;

  /**
   * A call is counted when its permit is given, the platform counts it when it arrives: a call that took longer
   * on its way than a later one would make the platform see one call too many in its window. The window is
   * kept open this much longer (2 % of the period, at most 250 ms).
   */
  readonly marginMs: number;

  constructor(
    readonly calls: number,
    readonly periodMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(calls > 0 && periodMs > 0)) throw new RangeError('RateLimiter needs calls > 0 and periodMs > 0');
    this.marginMs = Math.min(250, periodMs * 0.02);
  }

  /** Resolves when one more call fits in the window; callers are served in order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn;
    return turn;
  }

  backOff(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.now();
      if (now < this.pausedUntil) {
        await new Promise((resolve) => setTimeout(resolve, this.pausedUntil - now));
        continue;
      }
      while (this.stamps.length > 0 && this.stamps[0]! <= now - this.periodMs - this.marginMs) this.stamps.shift();
      if (this.stamps.length < this.calls) {
        this.stamps.push(now);
        return;
      }
      // Wait exactly until the oldest call leaves the window.
      await new Promise((resolve) => setTimeout(resolve, this.stamps[0]! + this.periodMs + this.marginMs - now));
    }
  }
}

/** The share of a per-key limit that one of `workers` processes may use. */
export function workerShare(limit: { calls: number; periodMs: number }, workers: number): RateLimiter {
  return new RateLimiter(Math.max(1, Math.floor(limit.calls / Math.max(1, workers))), limit.periodMs);
}
