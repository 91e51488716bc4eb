/**
 * Unit and page tests of the console under jsdom, in the users' time zone. Pages render with the
 * real antd and react-query; the API is a fake `fetch` (src/test/fake-api.ts).
 */
process.env.TZ = 'Asia/Shanghai';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: '<rootDir>/src/test/jsdom-environment.cjs',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  setupFiles: ['reflect-metadata'],
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
  moduleNameMapper: {
    '\\.(css|less|scss)$': '<rootDir>/src/test/style-stub.ts',
  },
  transform: {
    '^.+\\.(ts|tsx|js|mjs)$': [
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
  // Packages that ship only ES modules go through the same transform (under pnpm a file is
  // reached as node_modules/.pnpm/<pkg>@<version>/node_modules/<pkg>/…: both parts are matched).
  // @ant-design/icons' CommonJS build requires @ant-design/colors/es/*.
  transformIgnorePatterns: [
    '/node_modules/(?!(\\.pnpm/[^/]+/node_modules/)?(react-leaflet|@react-leaflet/[^/]+|@ant-design/colors)/)',
  ],
  // antd's forms render slowly under jsdom (a full editor takes 10–20 s on a loaded 2-core machine).
  testTimeout: 60_000,
  // antd's motion and rc-util timers outlive a suite; without this a finished run can keep the
  // process (and CI) waiting forever. Tests still await everything they assert on.
  forceExit: true,
};
