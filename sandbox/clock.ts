// The sandbox's notion of "now": real time plus a controllable offset, so tests and the control API
// can move time forward (scheduled transitions, expiry) without waiting. Always UTC.

/** The instants the clock may be moved to: what GPD's 4-digit-year dates can write, from the epoch. */
export const CLOCK_MIN_MS = Date.UTC(1970, 0, 1);
export const CLOCK_MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Whether the clock may be moved to this instant. */
export const isRepresentable = (ms: number) => Number.isFinite(ms) && ms >= CLOCK_MIN_MS && ms <= CLOCK_MAX_MS;

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

  /** Moves the clock to the given instant; time keeps flowing from there. Out of range: RangeError, no change. */
  set(instant: Date | number): void {
    const target = typeof instant === 'number' ? instant : instant.getTime();
    if (!isRepresentable(target)) throw new RangeError('instant outside the range the clock can represent');
    this.#offsetMs = target - this.source();
  }

  /** Moves the clock by `ms`; a move outside the representable range is a RangeError and changes nothing. */
  advance(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError('invalid duration');
    if (!isRepresentable(this.millis() + ms)) throw new RangeError('instant outside the range the clock can represent');
    this.#offsetMs += ms;
  }
}
