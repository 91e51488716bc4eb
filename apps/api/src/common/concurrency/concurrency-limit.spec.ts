import { ConcurrencyLimit, QueueFullError } from './concurrency-limit';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe(ConcurrencyLimit.name, () => {
  it('runs at most max at once and starts the waiting ones in arrival order', async () => {
    const limit = new ConcurrencyLimit(2, 10);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    let running = 0;
    let peak = 0;
    const runs = gates.map((gate, index) =>
      limit.run(async () => {
        started.push(index);
        running += 1;
        peak = Math.max(peak, running);
        await gate.promise;
        running -= 1;
        return index;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limit.load).toEqual({ active: 2, waiting: 2 });

    gates[1].resolve();
    gates[0].resolve();
    gates[2].resolve();
    gates[3].resolve();
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(peak).toBe(2);
    expect(limit.load).toEqual({ active: 0, waiting: 0 });
  });

  it('frees the slot of work that throws', async () => {
    const limit = new ConcurrencyLimit(1, 1);

    await expect(limit.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit.run(() => Promise.resolve('next'))).resolves.toBe('next');
    expect(limit.load).toEqual({ active: 0, waiting: 0 });
  });

  it('refuses work beyond the waiting bound instead of queueing it', async () => {
    const limit = new ConcurrencyLimit(1, 1);
    const gate = deferred();
    const first = limit.run(() => gate.promise);
    const second = limit.run(() => Promise.resolve());

    await expect(limit.run(() => Promise.resolve())).rejects.toBeInstanceOf(QueueFullError);
    gate.resolve();
    await expect(Promise.all([first, second])).resolves.toBeDefined();
  });
});
