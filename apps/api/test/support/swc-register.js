// Runs the API's TypeScript sources in a plain `node` process (for tests that spawn the API
// without a build): compiles .ts files with SWC on require, and resolves @yizhan/contracts to
// its sources the way Jest's moduleNameMapper does. Usage: node -r ./test/support/swc-register.js
'use strict';
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

const CONTRACTS_ENTRY = path.resolve(__dirname, '../../../../packages/contracts/src/index.ts');

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveFilename(request, ...rest) {
  if (request === '@yizhan/contracts') return CONTRACTS_ENTRY;
  return originalResolve.call(this, request, ...rest);
};

Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    sourceMaps: 'inline',
    module: { type: 'commonjs' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
  });
  module._compile(code, filename);
};
