// A bundler user's app: Vite follows the package's `new URL('./report-charts_bg.wasm',
// import.meta.url)` and copies the .wasm into the build, hashed.
import { render } from 'report-charts';

window.__vite = render('#board', { section: 'main-targets', chart: 'board', lang: 'zh' })
  .then((chart) => ({ rows: chart.info.rows.length }), (error) => ({ error: error.message }));
