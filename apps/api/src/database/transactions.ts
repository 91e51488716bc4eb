import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** The handle repositories take to join a caller's transaction. */
export type TxManager = EntityManager;

/**
 * Runs work in one database transaction. Services use this instead of TypeORM so the rule
 * "these writes happen together" stays in the service while queries stay in repositories.
 */
@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (manager: TxManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
