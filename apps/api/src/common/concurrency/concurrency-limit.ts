/** Thrown by `ConcurrencyLimit.run` when the queue is full: the caller should try later. */
export class QueueFullError extends Error {
  constructor() {
    super('Too much work is already waiting');
    this.name = 'QueueFullError';
  }
}

/**
 * Runs at most `max` pieces of work at once; others wait in arrival order, at most
 * `maxWaiting` of them (a bound on what waiting work holds in memory).
 */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly max: number,
    readonly maxWaiting: number,
  ) {
    if (!Number.isInteger(max) || max < 1) throw new Error('max must be a positive integer');
  }

  /** Work running now, and work waiting for a slot. */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.max) {
      this.active += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxWaiting) return Promise.reject(new QueueFullError());
    // The releasing run hands its slot straight over, so `active` stays as it is.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}
