// `pnpm test:mysql`: the same integration suites on MariaDB/MySQL (TEST_MYSQL_URL, default
// mysql://root@127.0.0.1:3306); each suite creates and drops its own database. The
// `*.mysql-spec.ts` suites run here only: concurrency on real parallel connections.
const base = require('./jest.base.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.int-spec.ts', '**/*.mysql-spec.ts'],
  setupFiles: [...base.setupFiles, '<rootDir>/test/support/use-mysql.ts'],
};
