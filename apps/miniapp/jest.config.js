/**
 * Unit tests of the client's logic (services, i18n, utils) under Node, and of hooks and pages
 * under jsdom (`@jest-environment jsdom` per file), with typed Taro and NutUI fakes.
 */
// Every suite runs in the users' time zone, whatever the machine's, so local dates (the counter's
// "today", expiry dates) are tested as riders and merchants see them. Set here, before jest starts
// its workers, because a test file's process.env is a sandboxed copy.
process.env.TZ = 'Asia/Shanghai';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  // The contracts barrel evaluates class-transformer decorators, which need Reflect metadata in
  // Node (the bundles drop those DTO modules: the package is side-effect free).
  setupFiles: ['reflect-metadata'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  moduleNameMapper: {
    // Taro's real module needs a mini-program or browser runtime; the fake records calls.
    '^@tarojs/taro$': '<rootDir>/test/taro-fake.ts',
    // Page tests (jsdom) render Taro's components and our NutUI module as plain DOM.
    '^@tarojs/components$': '<rootDir>/test/taro-components-fake.tsx',
    '^(\\.\\./)+(components/)?nutui$': '<rootDir>/test/nutui-fake.tsx',
    '\\.(css|scss)$': '<rootDir>/test/style-stub.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  transform: {
    '^.+\\.(ts|tsx)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // gcoord ships CommonJS as its main entry; nothing else from node_modules needs a transform.
  transformIgnorePatterns: ['/node_modules/'],
};
