import { ValueTransformer } from 'typeorm';

/**
 * DECIMAL columns come back as strings from mysql2 (to keep precision) and as numbers from
 * SQLite; coordinates fit a double comfortably, so both become numbers in entities.
 */
export const decimalToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/**
 * UUID ids as 36-character strings. VARCHAR rather than CHAR because TypeORM's SQLite driver
 * rejects CHAR; on InnoDB a fixed-length-content VARCHAR(36) costs one length byte more.
 */
export const UUID_COLUMN = { type: 'varchar', length: 36 } as const;
