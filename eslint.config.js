// eslint 9 flat config (dev-only): `make lint`, part of `make test`.
import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    // Built, installed or generated, not written here.
    ignores: ['dist/', 'target/', 'pkg/', 'node_modules/', 'tests/e2e/out/', '.ci/floor/target/'],
  },
  js.configs.recommended,
  {
    // The loader: ES modules that tools/build.mjs bundles into one classic script for browsers.
    files: ['src/loader/**/*.js'],
    languageOptions: {
      ecmaVersion: 2020, // the bundle's esbuild target
      sourceType: 'module',
      globals: { ...globals.browser, REPORT_CHARTS_VERSION: 'readonly', REPORT_CHARTS_WASM_INTEGRITY: 'readonly' }, // defined by the build
    },
  },
  {
    // The gallery, the builder and the test pages: classic scripts beside dist/report-charts.js.
    // A www/ script names what it takes from other scripts in a /* global */ comment.
    files: ['www/**/*.js', 'tests/e2e/pages/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { ...globals.browser },
    },
  },
  {
    // The npm test's scratch page: an ES module that imports the installed package.
    files: ['tests/npm/scratch/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: { ...globals.browser },
    },
  },
  {
    // Test pages drive the loader's one global; the bench pages also read data.js's BenchData.
    files: ['tests/e2e/pages/**/*.js'],
    languageOptions: {
      globals: { ReportCharts: 'readonly', BenchData: 'readonly' },
    },
  },
  {
    files: ['tools/**/*.mjs', 'tests/**/*.mjs', 'eslint.config.js'],
    languageOptions: {
      sourceType: 'module',
      globals: { ...globals.node },
    },
  },
  {
    // The end-to-end scripts also hold the functions they run in the page (page.evaluate and
    // WebDriver's execute), where the browser's globals and the loader's ReportCharts are.
    files: ['tests/e2e/**/*.mjs', 'tests/npm/*.mjs'],
    languageOptions: {
      globals: { ...globals.node, ...globals.browser, ReportCharts: 'readonly' },
    },
  },
];
