#!/usr/bin/env node
// `pnpm test`: every check the project has, in the order a failure is cheapest to find.
// Stops at the first failing step and ends with one summary line ("Summary: N passed, N failed").
// YIZHAN_TEST_STEPS=lint,api-sqlite runs only the named steps (for local iteration).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'test-results');

const jest = (name, pkg, script = 'test') => ({
  name,
  command: 'pnpm',
  args: [
    '--filter',
    pkg,
    'run',
    script,
    '--ci',
    '--json',
    `--outputFile=${join(RESULTS, `jest-${name}.json`)}`,
  ],
  jestReport: join(RESULTS, `jest-${name}.json`),
});
const run = (name, ...argv) => ({ name, command: argv[0], args: argv.slice(1) });

const STEPS = [
  run('lint', 'pnpm', 'lint'),
  run('format', 'pnpm', 'format:check'),
  run('typecheck', 'pnpm', 'typecheck'),
  jest('contracts', '@yizhan/contracts'),
  jest('api-sqlite', '@yizhan/api'),
  jest('api-mariadb', '@yizhan/api', 'test:mysql'),
  jest('miniapp', '@yizhan/miniapp'),
  jest('console', '@yizhan/console'),
  run('build', 'pnpm', 'build'),
  run('weapp-size', 'pnpm', '--filter', '@yizhan/miniapp', 'check:size'),
  // Every benchmark scenario for about a second, so the scripts cannot rot: fails when one
  // crashes, never on a timing (output in test-results/bench-quick.{json,md}).
  run('bench-quick', 'pnpm', 'bench', '--quick'),
  jest('e2e', '@yizhan/tests'),
];

const only = process.env.YIZHAN_TEST_STEPS?.split(',').map((name) => name.trim());
const selected = only ? STEPS.filter((step) => only.includes(step.name)) : STEPS;

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

let passed = 0;
let failed = 0;
const rows = [];
for (const step of selected) {
  process.stdout.write(`\n=== ${step.name}: ${step.command} ${step.args.join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync(step.command, step.args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  let detail = ok ? 'ok' : `exit ${result.status ?? result.signal}`;
  if (step.jestReport && existsSync(step.jestReport)) {
    const report = JSON.parse(readFileSync(step.jestReport, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    detail += ` (${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped)`;
    if (report.numTotalTests === 0) {
      failed += 1;
      detail += ' — no test ran';
    }
  } else if (ok) {
    passed += 1;
  } else {
    failed += 1;
  }
  rows.push(`${ok ? 'PASS' : 'FAIL'}  ${step.name.padEnd(12)} ${seconds.padStart(6)}s  ${detail}`);
  if (!ok) break;
}

process.stdout.write(`\n${rows.join('\n')}\n`);
const skippedSteps = selected.length - rows.length;
if (skippedSteps > 0)
  process.stdout.write(`(${skippedSteps} later step(s) not run after the failure)\n`);
process.stdout.write(`Summary: ${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && rows.every((row) => row.startsWith('PASS')) ? 0 : 1);
