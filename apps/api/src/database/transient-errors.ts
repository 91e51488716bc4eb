import { QueryFailedError } from 'typeorm';

/** MySQL/MariaDB: the transaction was chosen as a deadlock victim and rolled back. */
export const ER_LOCK_DEADLOCK = 1213;
/** MySQL/MariaDB: a lock wait timed out (innodb_lock_wait_timeout). */
export const ER_LOCK_WAIT_TIMEOUT = 1205;

/**
 * Thrown by work inside a transaction that found the rows it read changed under it (an
 * optimistic check failed); running the whole transaction again is the answer.
 */
export class TransientConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = TransientConflictError.name;
  }
}

/**
 * Errors after which running the whole transaction again may succeed and cannot double-apply
 * anything: the database rolled the work back (deadlock victim), or it never got its lock.
 */
export function isTransientTransactionError(error: unknown): boolean {
  if (error instanceof TransientConflictError) return true;
  const driverError =
    error instanceof QueryFailedError
      ? (error.driverError as { errno?: unknown; code?: unknown } | undefined)
      : (error as { errno?: unknown; code?: unknown } | null | undefined);
  if (typeof driverError !== 'object' || driverError === null) return false;
  return (
    driverError.errno === ER_LOCK_DEADLOCK ||
    driverError.errno === ER_LOCK_WAIT_TIMEOUT ||
    driverError.code === 'ER_LOCK_DEADLOCK' ||
    driverError.code === 'ER_LOCK_WAIT_TIMEOUT' ||
    driverError.code === 'SQLITE_BUSY'
  );
}
