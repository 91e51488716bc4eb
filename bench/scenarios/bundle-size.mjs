// Client bundle sizes, from the existing builds (`pnpm --filter @yizhan/miniapp build`):
// - the weapp main package and its largest subpackage against WeChat's 2 MiB limit, counted
//   exactly as the build gate counts them (apps/miniapp/scripts/weapp-size.mjs);
// - the H5 first page (the 驿站 tab): the JS and CSS a headless Chromium loads, gzipped.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { measureH5FirstPage } from './_h5.mjs';

export const name = 'bundle-size';

const TARGET_KB = 1024;
const H5_TARGET_KB = 300;

async function weappRows(ctx) {
  const scripts = join(ctx.repoRoot, 'apps', 'miniapp', 'scripts');
  const { measureWeapp, MAIN_PACKAGE, WEAPP_PACKAGE_LIMIT } = await import(
    pathToFileURL(join(scripts, 'weapp-size.mjs')).href
  );
  const { sizes, needsReflectMetadata } = measureWeapp(
    join(ctx.repoRoot, 'apps/miniapp/dist-weapp'),
  );
  const limitKb = WEAPP_PACKAGE_LIMIT / 1024;
  const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

  const subpackages = [...sizes].filter(([pkg]) => pkg !== MAIN_PACKAGE);
  const [largestName, largestBytes] = subpackages.reduce(
    (best, entry) => (entry[1] > best[1] ? entry : best),
    ['(none)', 0],
  );
  const row = (scenario, label, bytes, notes) => ({
    scenario,
    project: { label, kb: kb(bytes) },
    baseline: { label: "WeChat's package limit (2 MiB)", kb: limitKb },
    ratio: Math.round((bytes / WEAPP_PACKAGE_LIMIT) * 1000) / 1000,
    target: `≤ ${TARGET_KB} KiB`,
    met: bytes <= TARGET_KB * 1024,
    notes,
  });
  const total = [...sizes.values()].reduce((sum, bytes) => sum + bytes, 0);
  ctx.log(
    `weapp: main ${kb(sizes.get(MAIN_PACKAGE))} KiB, largest subpackage ${largestName} ` +
      `${kb(largestBytes)} KiB, total ${kb(total)} KiB`,
  );
  return [
    row(
      'weapp main package',
      'main package',
      sizes.get(MAIN_PACKAGE),
      `total of all packages ${kb(total)} KiB` +
        (needsReflectMetadata.length > 0
          ? `; needs reflect-metadata: ${needsReflectMetadata.join(', ')}`
          : ''),
    ),
    row(
      'weapp largest subpackage',
      `subpackage ${largestName}`,
      largestBytes,
      `${subpackages.length} subpackages: ` +
        subpackages.map(([pkg, bytes]) => `${pkg} ${kb(bytes)}`).join(', '),
    ),
  ];
}

async function h5Rows(ctx) {
  const { beforeConsent, firstPage } = await measureH5FirstPage(ctx);
  const sum = (assets, key, type) =>
    assets.filter((asset) => !type || asset.type === type).reduce((n, a) => n + a[key], 0);
  const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;
  const gzip = sum(firstPage, 'gzip');
  const largest = [...firstPage]
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, 4)
    .map((asset) => `${asset.url} ${kb(asset.gzip)}`)
    .join(', ');
  ctx.log(
    `h5: first page ${firstPage.length} files, ${kb(gzip)} KiB gzip ` +
      `(${kb(sum(firstPage, 'bytes'))} KiB raw); before consent ${kb(sum(beforeConsent, 'gzip'))} KiB`,
  );
  return [
    {
      scenario: 'H5 first page (驿站 tab) JS + CSS, gzip',
      project: {
        label: `${firstPage.length} files loaded until the station list shows`,
        kb: kb(gzip),
      },
      baseline: null,
      ratio: null,
      target: `≤ ${H5_TARGET_KB} KiB`,
      met: gzip <= H5_TARGET_KB * 1024,
      notes:
        `JS ${kb(sum(firstPage, 'gzip', 'js'))} KiB + CSS ${kb(sum(firstPage, 'gzip', 'css'))} KiB ` +
        `gzip (level 9), ${kb(sum(firstPage, 'bytes'))} KiB raw; ${kb(sum(beforeConsent, 'gzip'))} ` +
        `KiB before the consent sheet's 同意 (${beforeConsent.length} files); largest: ${largest}`,
    },
  ];
}

export async function run(ctx) {
  return { rows: [...(await weappRows(ctx)), ...(await h5Rows(ctx))] };
}
