// examples/canvas.rs, the crate's wasm app (the library API, no `widget` feature), run as its
// doc comment says: built for wasm32, bound by the wasm-bindgen CLI, loaded as an ES module. It
// must paint its board crisp at the screen's density, name and describe it, and follow a resize.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, test, assert, assertEqual } from './harness.mjs';

const OUT = path.join(ROOT, 'target/npm-test/canvas-example'); // served at /npm-test/

export default function ({ server, browser }) {
  test('the crate\'s canvas example draws its board crisp, named and described, and redraws on resize', async () => {
    execFileSync('cargo', ['build', '-q', '--example', 'canvas', '--target', 'wasm32-unknown-unknown'], { cwd: ROOT, stdio: 'inherit' });
    mkdirSync(OUT, { recursive: true });
    execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', OUT, path.join(ROOT, 'target/wasm32-unknown-unknown/debug/examples/canvas.wasm')], { stdio: 'inherit' });
    writeFileSync(path.join(OUT, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>canvas example</title>' +
      '<link rel="icon" href="/favicon.svg"><script type="module" src="main.js"></script></head><body></body></html>\n');
    writeFileSync(path.join(OUT, 'main.js'), "import init from './canvas.js';\ninit().then(() => { document.title = 'drawn'; }, (e) => { document.title = 'failed: ' + e; });\n");
    const context = await browser.newContext({ viewport: { width: 800, height: 700 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
    await page.goto(server.url + 'npm-test/canvas-example/index.html');
    await page.waitForFunction(() => document.title !== 'canvas example', null, { timeout: 30000 });
    const facts = () => page.evaluate(() => {
      const canvas = document.querySelector('canvas');
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) painted++;
      const described = document.getElementById(canvas.getAttribute('aria-describedby'));
      return { title: document.title, backing: canvas.width, css: canvas.getBoundingClientRect().width, painted,
        role: canvas.getAttribute('role'), label: canvas.getAttribute('aria-label'), summary: described && described.textContent };
    });
    const first = await facts();
    assertEqual(first.title, 'drawn', 'init');
    assertEqual(first.css, 720, 'CSS width: the window, up to 720 px');
    assertEqual(first.backing, 1440, 'backing store at devicePixelRatio 2');
    assert(first.painted > 10000, `${first.painted} px painted`);
    assertEqual(first.role, 'img', 'role');
    assertEqual(first.label, 'Main expected targets for 2024', 'named by its title');
    assert(/^\d+ indicators: /.test(first.summary), 'described by its summary: ' + first.summary);
    await page.setViewportSize({ width: 480, height: 700 });
    await page.waitForFunction(() => document.querySelector('canvas').getBoundingClientRect().width === 480, null, { timeout: 5000 });
    const resized = await facts();
    assertEqual(resized.backing, 960, 'redrawn at the new width');
    assertEqual(problems.length, 0, problems.join('\n'));
    console.log(`     figures: ${first.css} CSS px on ${first.backing} device px, ${first.painted} painted; after a resize ${resized.css} on ${resized.backing}`);
    await context.close();
  });
}
