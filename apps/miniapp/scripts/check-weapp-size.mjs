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
import { resolve } from 'node:path';
import {
  DEFAULT_WEAPP_DIR,
  measureWeapp,
  WEAPP_PACKAGE_LIMIT,
  WEAPP_PACKAGE_WARN,
} from './weapp-size.mjs';

let measured;
try {
  measured = measureWeapp(resolve(process.argv[2] ?? DEFAULT_WEAPP_DIR));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const { sizes, needsReflectMetadata } = measured;

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
let failed = false;
console.log(`${'package'.padEnd(32)}${'size'.padStart(12)}  status`);
for (const [name, bytes] of sizes) {
  let status = 'ok';
  if (bytes > WEAPP_PACKAGE_LIMIT) {
    status = 'OVER 2 MiB LIMIT';
    failed = true;
  } else if (bytes > WEAPP_PACKAGE_WARN) {
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
