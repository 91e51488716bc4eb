// Checks the weapp build against WeChat's package limits: the main package (every file outside
// the subpackage roots) and each subpackage must stay under 2 MiB. Warns above 1 MiB so growth
// is noticed long before a release is refused. Usage: node scripts/check-weapp-size.mjs [dir]
//
// It also fails when class-transformer's `@Type` decorator is bundled: it calls
// `Reflect.getMetadata` when a contract DTO class using it is defined, i.e. as soon as a page
// imports any value from that DTO's module. The client ships no reflect-metadata (the unit tests
// load it, so they cannot see this) and the page would throw as it loads; import only types from
// those modules. (class-transformer's other getMetadata call, for implicit conversion, runs only
// when asked for and is not matched.)
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIMIT = 2 * 1024 * 1024;
const WARN = 1 * 1024 * 1024;
// Source maps and licence notes are not uploaded to WeChat.
const NOT_UPLOADED = [/\.map$/, /\.LICENSE\.txt$/];

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(process.argv[2] ?? join(here, '..', 'dist-weapp'));
const appJsonPath = join(root, 'app.json');
if (!existsSync(appJsonPath)) {
  console.error(`No ${appJsonPath}: run \`pnpm build:weapp\` first.`);
  process.exit(1);
}

const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8'));
const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((pkg) =>
  pkg.root.replace(/^\/+|\/+$/g, ''),
);

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

const sizes = new Map([['(main)', 0], ...subRoots.map((subRoot) => [subRoot, 0])]);
const TYPE_DECORATOR =
  /Reflect\.getMetadata\("design:type",[\w$]+,[\w$]+\);[\w$.]+\.addTypeMetadata\(/;
const needsReflectMetadata = [];
for (const file of walk(root)) {
  const rel = relative(root, file).split(sep).join('/');
  if (NOT_UPLOADED.some((pattern) => pattern.test(rel))) continue;
  if (rel.endsWith('.js') && TYPE_DECORATOR.test(readFileSync(file, 'utf8'))) {
    needsReflectMetadata.push(rel);
  }
  const owner = subRoots.find((subRoot) => rel === subRoot || rel.startsWith(`${subRoot}/`));
  const key = owner ?? '(main)';
  sizes.set(key, sizes.get(key) + statSync(file).size);
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
let failed = false;
console.log(`${'package'.padEnd(32)}${'size'.padStart(12)}  status`);
for (const [name, bytes] of sizes) {
  let status = 'ok';
  if (bytes > LIMIT) {
    status = 'OVER 2 MiB LIMIT';
    failed = true;
  } else if (bytes > WARN) {
    status = 'warning: over 1 MiB';
  }
  console.log(`${name.padEnd(32)}${kib(bytes).padStart(12)}  ${status}`);
}
const total = [...sizes.values()].reduce((sum, bytes) => sum + bytes, 0);
console.log(`${'total'.padEnd(32)}${kib(total).padStart(12)}`);
if (needsReflectMetadata.length > 0) {
  failed = true;
  console.error(
    `\nThese scripts define a contract DTO class with @Type, which needs reflect-metadata (the ` +
      `client has none; import only types from its module):\n  ${needsReflectMetadata.join('\n  ')}`,
  );
}
process.exit(failed ? 1 : 0);
