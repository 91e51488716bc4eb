import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/** The API the H5 dev server forwards to (`pnpm dev:h5`); the built H5 calls its own origin. */
const DEV_API_TARGET = process.env.YIZHAN_DEV_API ?? 'http://127.0.0.1:3000';

// API origin baked into the bundle (see .env.example). A value in .env.<mode> overrides the
// shell's; the default '' makes H5 call its own origin. It is always defined, so the bundle never
// reads an undefined `process.env` at run time.
const API_BASE = process.env.TARO_APP_API_BASE ?? '';
if (process.env.TARO_ENV === 'weapp' && API_BASE === '') {
  // eslint-disable-next-line no-console
  console.warn(
    '[yizhan] TARO_APP_API_BASE is empty: a weapp build needs an absolute https API origin.',
  );
}

// One output folder per platform, so `build:weapp` and `build:h5` never overwrite each other.
// `dev:h5` cleans its output on start, so it gets its own folder and leaves the production
// H5 build in place (WeChat devtools watch dist-weapp, so dev:weapp keeps that one).
const platform = process.env.TARO_ENV ?? 'weapp';
const outputRoot =
  platform === 'h5' && process.env.NODE_ENV === 'development' ? 'dist-h5-dev' : `dist-${platform}`;

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'yizhan-miniapp',
    date: '2026-11-23',
    // Our styles are drawn on a 750 px design; NutUI's own styles on 375 px (NutUI's Taro guide).
    designWidth(input?: string | number | { file?: string }) {
      if (typeof input === 'object' && input.file?.replace(/\\+/g, '/').includes('@nutui')) {
        return 375;
      }
      return 750;
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    env: { TARO_APP_API_BASE: JSON.stringify(API_BASE) },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
      },
      // Style imports are per component, so their order across pages cannot conflict in practice.
      miniCssExtractPluginOption: { ignoreOrder: true },
      // Modules used only by one subpackage move into it, keeping the main package small.
      optimizeMainPackage: { enable: true },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing: the build is plain static files and needs no server-side rewrites.
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
      },
      // Taro splits only initial chunks on H5, so every lazily loaded page chunk carried its own
      // copy of NutUI and our components (~50 KB JS + 30 KB CSS each); let async chunks share.
      webpackChain(chain) {
        chain.optimization.merge({ splitChunks: { chunks: 'all' } });
        // Taro's H5 runtime with React already exceeds webpack's 244 KiB hint; we track the real
        // first-page weight (gzip) in the report instead of a permanent warning.
        chain.performance.hints(false);
      },
      devServer: {
        port: 10086,
        proxy: [
          {
            context: ['/api', '/health', '/ready'],
            target: DEV_API_TARGET,
            changeOrigin: true,
          },
        ],
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
