import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Transactions } from './transactions';
import { isTransientTransactionError, TransientConflictError } from './transient-errors';

/** A DataSource stand-in whose `transaction` runs the work with a dummy manager and counts calls. */
function fakeDataSource(type: 'mysql' | 'better-sqlite3') {
  const calls: Array<string | undefined> = [];
  const manager = {} as EntityManager;
  const dataSource = {
    options: { type },
    transaction: jest.fn(
      async (
        isolationOrWork: string | ((m: EntityManager) => Promise<unknown>),
        maybeWork?: (m: EntityManager) => Promise<unknown>,
      ) => {
        const work = typeof isolationOrWork === 'function' ? isolationOrWork : maybeWork;
        calls.push(typeof isolationOrWork === 'string' ? isolationOrWork : undefined);
        return (work as (m: EntityManager) => Promise<unknown>)(manager);
      },
    ),
  };
  return { dataSource: dataSource as unknown as DataSource, calls };
}

const deadlock = () =>
  new QueryFailedError(
    'UPDATE …',
    [],
    Object.assign(new Error('Deadlock found'), { errno: 1213, code: 'ER_LOCK_DEADLOCK' }),
  );

describe(Transactions.name, () => {
  it('runs the whole transaction again after a deadlock and counts the retry', async () => {
    const { dataSource, calls } = fakeDataSource('mysql');
    const transactions = new Transactions(dataSource);
    const attempts: number[] = [];

    const result = await transactions.runWithRetry(
      async (_manager, attempt) => {
        attempts.push(attempt);
        if (attempt < 3) throw deadlock();
        return 'done';
      },
      { baseDelayMs: 1, isolation: 'READ COMMITTED' },
    );

    expect(result).toBe('done');
    expect(attempts).toEqual([1, 2, 3]);
    expect(calls).toEqual(['READ COMMITTED', 'READ COMMITTED', 'READ COMMITTED']);
    expect(transactions.retriedAttempts).toBe(2);
  });

  it('gives up after the bounded number of tries with the last error', async () => {
    const { dataSource } = fakeDataSource('mysql');
    const transactions = new Transactions(dataSource);
    let tries = 0;

    const run = transactions.runWithRetry(
      async () => {
        tries += 1;
        throw deadlock();
      },
      { attempts: 4, baseDelayMs: 1 },
    );

    await expect(run).rejects.toBeInstanceOf(QueryFailedError);
    expect(tries).toBe(4);
  });

  it('never retries an ordinary failure', async () => {
    const { dataSource } = fakeDataSource('mysql');
    const transactions = new Transactions(dataSource);
    let tries = 0;

    const run = transactions.runWithRetry(async () => {
      tries += 1;
      throw new Error('not enough points');
    });

    await expect(run).rejects.toThrow('not enough points');
    expect(tries).toBe(1);
  });

  it('queues transactions on SQLite (one connection) instead of interleaving them', async () => {
    const { dataSource } = fakeDataSource('better-sqlite3');
    const transactions = new Transactions(dataSource);
    const events: string[] = [];
    const slow = (name: string) =>
      transactions.run(async () => {
        events.push(`${name} begin`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push(`${name} end`);
      });

    await Promise.all([slow('a'), slow('b'), transactions.run(async () => events.push('c'))]);

    expect(events).toEqual(['a begin', 'a end', 'b begin', 'b end', 'c']);
  });
});

describe(isTransientTransactionError.name, () => {
  it.each([
    [deadlock(), true],
    [new QueryFailedError('…', [], Object.assign(new Error('timeout'), { errno: 1205 })), true],
    [new TransientConflictError('lot changed'), true],
    [new QueryFailedError('…', [], Object.assign(new Error('dup'), { errno: 1062 })), false],
    [new Error('anything'), false],
    [null, false],
  ])('classifies %p as %p', (error, expected) => {
    expect(isTransientTransactionError(error)).toBe(expected);
  });
});
