import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isTransientTransactionError } from './transient-errors';

/** The handle repositories take to join a caller's transaction. */
export type TxManager = EntityManager;

export type IsolationLevel =
  'READ UNCOMMITTED' | 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

export interface RetryOptions {
  /** Tries in all, the first included (default 5). */
  attempts?: number;
  /** Upper bound of the first backoff; each retry doubles it, with full jitter (default 10 ms). */
  baseDelayMs?: number;
  /** Isolation on MySQL/MariaDB (SQLite transactions are serializable anyway). */
  isolation?: IsolationLevel;
}

const DEFAULT_ATTEMPTS = 5;
const DEFAULT_BASE_DELAY_MS = 10;
const MAX_DELAY_MS = 250;

/**
 * Runs work in one database transaction. Services use this instead of TypeORM so the rule
 * "these writes happen together" stays in the service while queries stay in repositories.
 * `DataSource.transaction` releases its connection in a `finally`, whatever the work throws.
 *
 * SQLite has one connection per process (TypeORM's better-sqlite3 driver): two transactions
 * interleaving on it would nest `BEGIN`s, so on SQLite transactions queue one after another.
 */
@Injectable()
export class Transactions {
  private sqliteTail: Promise<unknown> = Promise.resolve();
  private retried = 0;

  constructor(private readonly dataSource: DataSource) {}

  /** Transactions run again after a deadlock or lock timeout since start (for tests and logs). */
  get retriedAttempts(): number {
    return this.retried;
  }

  get isMysql(): boolean {
    return this.dataSource.options.type === 'mysql' || this.dataSource.options.type === 'mariadb';
  }

  /**
   * Every transaction retries a deadlock or lock timeout: concurrent transactions that update
   * then insert in one index range (two users granting a consent) take gap locks and can
   * deadlock on InnoDB though neither is wrong.
   */
  run<T>(work: (manager: TxManager) => Promise<T>): Promise<T> {
    return this.runWithRetry((manager) => work(manager));
  }

  /**
   * Runs `work` in a transaction and, when the database rolls it back as a deadlock victim or
   * a lock wait times out (MySQL 1213 / 1205), runs the whole of it again: bounded tries with
   * jittered exponential backoff. `work` must therefore do all its reads and writes through
   * the manager it is given (`attempt` counts from 1).
   */
  async runWithRetry<T>(
    work: (manager: TxManager, attempt: number) => Promise<T>,
    options: RetryOptions = {},
  ): Promise<T> {
    const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
    const baseDelay = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.serialized(() =>
          options.isolation && this.isMysql
            ? this.dataSource.transaction(options.isolation, (manager) => work(manager, attempt))
            : this.dataSource.transaction((manager) => work(manager, attempt)),
        );
      } catch (error) {
        if (attempt >= attempts || !isTransientTransactionError(error)) throw error;
        this.retried += 1;
        const ceiling = Math.min(MAX_DELAY_MS, baseDelay * 2 ** (attempt - 1));
        await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
      }
    }
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    if (this.isMysql) return task();
    const result = this.sqliteTail.then(task, task);
    this.sqliteTail = result.catch(() => undefined);
    return result;
  }
}
