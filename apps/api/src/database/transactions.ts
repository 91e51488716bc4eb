import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/** The handle repositories take to join a caller's transaction. */
export type TxManager = EntityManager;

/** Runs of one transaction when InnoDB keeps choosing it as a deadlock victim. */
const DEADLOCK_ATTEMPTS = 5;

/** InnoDB rolled the transaction back to break a deadlock ("try restarting transaction"). */
export function isDeadlock(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: unknown; errno?: unknown } | undefined;
  return driverError?.code === 'ER_LOCK_DEADLOCK' || driverError?.errno === 1213;
}

/**
 * Runs work in one database transaction. Services use this instead of TypeORM so the rule
 * "these writes happen together" stays in the service while queries stay in repositories.
 *
 * Concurrency differs per database, and is handled here once:
 * - MySQL/MariaDB: concurrent transactions that update then insert in the same index range
 *   (two users granting a consent) take gap locks and can deadlock though neither is wrong;
 *   InnoDB rolls one back, and it is run again after a short random pause.
 * - SQLite: TypeORM's better-sqlite3 driver uses one connection for everything, where a
 *   second BEGIN fails ("cannot start a transaction within a transaction"), so transactions
 *   run one after another. `work` must not open another transaction: it would wait for itself.
 */
@Injectable()
export class Transactions {
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (manager: TxManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type === 'better-sqlite3') {
      const result = this.sqliteQueue.then(() => this.dataSource.transaction(work));
      this.sqliteQueue = result.catch(() => undefined);
      return result;
    }
    return this.retryingDeadlocks(work);
  }

  private async retryingDeadlocks<T>(work: (manager: TxManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(error)) throw error;
        // A short random pause, so the same transactions do not collide again at once.
        await sleep(randomInt(1, 20) * attempt);
      }
    }
  }
}
