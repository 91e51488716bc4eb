#!/usr/bin/env node
// `pnpm bench [--quick] [--only a,b]`: runs every scenario module under bench/scenarios in order,
// each beside its baseline in the same run, and writes the results:
//   full:    bench/results.json and bench/RESULTS.md
//   --quick: test-results/bench-quick.{json,md} (about a second per scenario; exits 1 on a crash,
//            never on a timing target)
//   --only:  test-results/bench-only.{json,md} (a partial run leaves the recorded results alone)
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serverVersion } from './lib/db.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const ORDER = [
  'auth',
  'checkin',
  'redemption',
  'nearest',
  'reports',
  'upload',
  'startup',
  'bundle-size',
];

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const onlyIndex = argv.indexOf('--only');
const only =
  onlyIndex >= 0 ? argv[onlyIndex + 1]?.split(',').map((name) => name.trim()) : undefined;

const runStarted = Date.now();
const log = (message) => process.stdout.write(`${message}\n`);
const tmpDir = mkdtempSync(join(tmpdir(), 'yizhan-bench-'));
const ctx = {
  quick,
  durationSec: quick ? 1 : 10,
  connections: 50,
  mysqlUrl: process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306',
  repoRoot: ROOT,
  log,
  tmpDir,
};

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  ramGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  mariadb: await serverVersion(ctx).catch((error) => `unreachable (${error.message})`),
  date: new Date().toISOString(),
  mode: quick ? 'quick' : 'full',
};
log(
  `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM, Node ${machine.node}, MariaDB ${machine.mariadb}`,
);

// `_name.mjs` files are scenarios' own helpers, not scenarios.
const files = readdirSync(join(BENCH, 'scenarios')).filter(
  (file) => file.endsWith('.mjs') && !file.startsWith('_'),
);
const rank = (file) => {
  const index = ORDER.indexOf(file.replace(/\.mjs$/, ''));
  return index < 0 ? ORDER.length : index;
};
files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

const rows = [];
const crashes = [];
for (const file of files) {
  const module = await import(pathToFileURL(join(BENCH, 'scenarios', file)).href);
  const name = module.name ?? file.replace(/\.mjs$/, '');
  if (only && !only.includes(name) && !only.includes(file.replace(/\.mjs$/, ''))) continue;
  log(`\n=== ${name}`);
  const started = Date.now();
  try {
    const result = await module.run(ctx);
    for (const row of result.rows) {
      // Timings are recorded, never judged, in quick mode.
      rows.push(quick ? { ...row, met: null } : row);
    }
    log(`=== ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    crashes.push(name);
    log(`=== ${name} CRASHED: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    rows.push({
      scenario: name,
      project: { label: 'crashed' },
      baseline: null,
      ratio: null,
      target: '',
      met: null,
      notes: `crashed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300),
    });
  }
}

const fmt = (value, digits = 0) =>
  value === undefined || value === null ? '' : Number(value).toFixed(digits);
const describe = (side) => {
  if (!side) return '—';
  const parts = [];
  if (side.rps !== undefined) parts.push(`${fmt(side.rps)} req/s`);
  if (side.p50 !== undefined) parts.push(`p50 ${fmt(side.p50, 1)} ms`);
  if (side.p99 !== undefined) parts.push(`p99 ${fmt(side.p99, 1)} ms`);
  if (side.ms !== undefined) parts.push(`${fmt(side.ms)} ms`);
  if (side.mb !== undefined) parts.push(`${fmt(side.mb, 1)} MB`);
  if (side.kb !== undefined) parts.push(`${fmt(side.kb)} KB`);
  return `${side.label}: ${parts.join(', ')}`;
};
const verdict = (met) => (met === true ? 'met' : met === false ? '**missed**' : '—');
const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');

const table = [
  '| scenario | project | baseline | ratio | target | result | notes |',
  '|---|---|---|---|---|---|---|',
  ...rows.map(
    (row) =>
      `| ${cell(row.scenario)} | ${cell(describe(row.project))} | ${cell(describe(row.baseline))} | ${row.ratio === null || row.ratio === undefined ? '' : row.ratio.toFixed(2)} | ${cell(row.target)} | ${verdict(row.met)} | ${cell(row.notes)} |`,
  ),
].join('\n');
const header = [
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGb} GB RAM; Node ${machine.node}; MariaDB ${machine.mariadb}.`,
  `Run: ${machine.date}, ${machine.mode} mode, ${ctx.durationSec} s per measurement, ${ctx.connections} connections.`,
].join('\n');

const output = {
  machine,
  durationSec: ctx.durationSec,
  connections: ctx.connections,
  rows,
  crashes,
};
if (quick || only) {
  // A partial or quick run never replaces the recorded full results.
  const dir = join(ROOT, 'test-results');
  const base = quick ? 'bench-quick' : 'bench-only';
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${base}.json`), `${JSON.stringify(output, null, 2)}\n`);
  writeFileSync(join(dir, `${base}.md`), `# Bench (${machine.mode})\n\n${header}\n\n${table}\n`);
  log(`\nwrote test-results/${base}.json and ${base}.md`);
} else {
  writeFileSync(join(BENCH, 'results.json'), `${JSON.stringify(output, null, 2)}\n`);
  const notesFile = join(BENCH, 'RESULTS.notes.md');
  const { readFileSync } = await import('node:fs');
  const notes = existsSync(notesFile) ? `\n${readFileSync(notesFile, 'utf8')}` : '';
  writeFileSync(
    join(BENCH, 'RESULTS.md'),
    `# Benchmark results\n\nWritten by \`pnpm bench\` (bench/run.mjs); ratio = project ÷ baseline in the same run.\n\n${header}\n\n${table}\n${notes}`,
  );
  log(`\nwrote bench/results.json and bench/RESULTS.md`);
}
log(`\n${table}`);
log(
  `\n${quick ? 'quick' : 'full'} run took ${((Date.now() - runStarted) / 1000).toFixed(1)} s` +
    (quick ? ' (big dataset: 5,000 stations and reports instead of 100,000)' : ''),
);
rmSync(tmpDir, { recursive: true, force: true });
if (crashes.length) {
  log(`\ncrashed: ${crashes.join(', ')}`);
  process.exit(1);
}
process.exit(0);
