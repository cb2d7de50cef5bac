// Long work on an upload runs in slices: after `budgetMs` of work the caller yields to the event
// loop (setImmediate, so pending I/O of other clients is served first) and goes on.
import { setImmediate as nextTurn } from 'node:timers/promises';

export const SLICE_BUDGET_MS = 10;

export class Slicer {
  #since = performance.now();
  constructor(private readonly budgetMs = SLICE_BUDGET_MS) {}

  /** Whether the current slice has used its budget (cheap: call it per item). */
  due(): boolean {
    return performance.now() - this.#since >= this.budgetMs;
  }

  /** Yields to the event loop and starts a new slice. */
  async yield(): Promise<void> {
    await nextTurn();
    this.#since = performance.now();
  }

  /** Yields only when the slice is due. */
  async tick(): Promise<void> {
    if (this.due()) await this.yield();
  }
}
