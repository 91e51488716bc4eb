// Shared Jest settings: SWC with decorator metadata (Nest DI), contracts from source.
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
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
  moduleNameMapper: {
    '^@yizhan/contracts$': path.resolve(__dirname, '../../packages/contracts/src/index.ts'),
  },
  // Decorators of entities and DTOs read metadata at import, as in main.ts.
  setupFiles: ['reflect-metadata'],
  testTimeout: 30_000,
};
