// The sandbox's notion of "now": real time plus a controllable offset, so tests and the control API
// can move time forward (scheduled transitions, expiry) without waiting. Always UTC.
export class Clock {
  #offsetMs = 0;

  /** `source` is the underlying time in epoch milliseconds; tests may pass a frozen one. */
  constructor(private readonly source: () => number = Date.now) {}

  now(): Date {
    return new Date(this.millis());
  }

  millis(): number {
    return this.source() + this.#offsetMs;
  }

  /** Moves the clock to the given instant; time keeps flowing from there. */
  set(instant: Date | number): void {
    const target = typeof instant === 'number' ? instant : instant.getTime();
    if (!Number.isFinite(target)) throw new RangeError('invalid instant');
    this.#offsetMs = target - this.source();
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError('invalid duration');
    this.#offsetMs += ms;
  }
}
