// Shared Jest settings: SWC with decorator metadata (Nest DI), contracts from source.
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(ts|js)$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
      },
    ],
  },
  // Fastify 5's tree has ESM-only packages that Node 20.19+ loads with require(esm) but
  // Jest's module system cannot: compile just those to CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/)?(content-disposition|cookie)[@/])'],
  moduleNameMapper: {
    '^@yizhan/contracts$': path.resolve(__dirname, '../../packages/contracts/src/index.ts'),
  },
  // Decorators of entities and DTOs read metadata at import, as in main.ts.
  setupFiles: ['reflect-metadata'],
  testTimeout: 30_000,
};
