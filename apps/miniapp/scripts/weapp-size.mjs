// What WeChat counts of a weapp build: the size of the main package (every uploaded file outside
// the subpackage roots) and of each subpackage, and which scripts bundle class-transformer's
// `@Type` decorator. Shared by scripts/check-weapp-size.mjs (the build gate) and the bench.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** WeChat refuses a main package or a subpackage above this. */
export const WEAPP_PACKAGE_LIMIT = 2 * 1024 * 1024;
/** Our own ceiling: growth past it is noticed long before a release is refused. */
export const WEAPP_PACKAGE_WARN = 1 * 1024 * 1024;
/** The name the main package has in `sizes`. */
export const MAIN_PACKAGE = '(main)';
// Source maps and licence notes are not uploaded to WeChat.
const NOT_UPLOADED = [/\.map$/, /\.LICENSE\.txt$/];
const TYPE_DECORATOR =
  /Reflect\.getMetadata\("design:type",[\w$]+,[\w$]+\);[\w$.]+\.addTypeMetadata\(/;

/** The default build directory, apps/miniapp/dist-weapp. */
export const DEFAULT_WEAPP_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'dist-weapp',
);

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/**
 * Measures a weapp build. `sizes` maps MAIN_PACKAGE and each subpackage root to the bytes
 * WeChat would count; `needsReflectMetadata` lists scripts that would throw as they load.
 * Throws when `root` holds no app.json (not built).
 */
export function measureWeapp(root = DEFAULT_WEAPP_DIR) {
  const appJsonPath = join(root, 'app.json');
  if (!existsSync(appJsonPath)) {
    throw new Error(`No ${appJsonPath}: run \`pnpm build:weapp\` first.`);
  }
  const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8'));
  const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((pkg) =>
    pkg.root.replace(/^\/+|\/+$/g, ''),
  );
  const sizes = new Map([[MAIN_PACKAGE, 0], ...subRoots.map((subRoot) => [subRoot, 0])]);
  const needsReflectMetadata = [];
  for (const file of walk(root)) {
    const rel = relative(root, file).split(sep).join('/');
    if (NOT_UPLOADED.some((pattern) => pattern.test(rel))) continue;
    if (rel.endsWith('.js') && TYPE_DECORATOR.test(readFileSync(file, 'utf8'))) {
      needsReflectMetadata.push(rel);
    }
    const owner = subRoots.find((subRoot) => rel === subRoot || rel.startsWith(`${subRoot}/`));
    const key = owner ?? MAIN_PACKAGE;
    sizes.set(key, sizes.get(key) + statSync(file).size);
  }
  return { sizes, needsReflectMetadata };
}
