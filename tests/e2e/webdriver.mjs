// The WebDriver side of the end-to-end tests, shared by the engines playwright-core cannot drive:
// Firefox ESR through geckodriver (firefox.mjs) and WebKitGTK through WebKitWebDriver (webkit.mjs).
// A minimal client of the W3C protocol (sessions, script, shadow roots, computed roles and labels,
// key actions) and the checks every such engine runs. Each check runs in the page and returns
// facts; the check asserts them here, so both engines are held to the same facts.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { test, assert, assertEqual } from './harness.mjs';


const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts a WebDriver server (`command` with `args(port)`) and waits for its /status. A missing
 * binary or one that exits before answering fails with `hint`: a test run never skips an engine.
 */
export async function startDriver(command, args, { env = process.env, hint = '' } = {}) {
  const port = await freePort();
  const driver = spawn(command, args(port), { stdio: ['ignore', 'ignore', 'pipe'], env });
  let failure = null;
  let stderr = '';
  driver.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-2000); });
  driver.on('error', (error) => { failure = `${command}: ${error.code === 'ENOENT' ? 'not found' : error.message}. ${hint}`; });
  driver.on('exit', (code, signal) => { failure = failure || `${command} exited (${signal || code}) before answering: ${stderr.trim()} ${hint}`; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150 && !failure; i++) {
    try {
      const status = await fetch(base + '/status');
      if (status.ok) return { base, stop: () => driver.kill() };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  driver.kill();
  throw new Error(failure || `${command} did not answer on ${base} within 15 s. ${hint}`);
}

async function call(base, method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
}

/** A session with `capabilities`: open a URL, run an async function in the page, read the tree. */
export async function session(base, capabilities, { width, height } = {}) {
  const created = await call(base, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } });
  const id = created.sessionId;
  const at = (path) => `/session/${id}${path}`;
  await call(base, 'POST', at('/timeouts'), { script: 60000 });
  if (width && height) await call(base, 'POST', at('/window/rect'), { width, height });
  const perform = async (actions) => {
    await call(base, 'POST', at('/actions'), { actions });
    await call(base, 'DELETE', at('/actions'));
  };
  const find = (css) => call(base, 'POST', at('/element'), { using: 'css selector', value: css }).then((el) => el[ELEMENT]);
  return {
    capabilities: created.capabilities,
    open: (url) => call(base, 'POST', at('/url'), { url }),
    /** Runs `fn(...args)` (may be async) in the page and returns its JSON result. */
    evaluate: (fn, ...args) => call(base, 'POST', at('/execute/async'), {
      script: `const done = arguments[arguments.length - 1];
        Promise.resolve((${fn.toString()}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
          .then((v) => done({ ok: v }), (e) => done({ error: e && e.stack ? (String(e.stack).includes(String(e.message)) ? '' : e.name + ': ' + e.message + '\\n') + e.stack : String(e) }));`,
      args,
    }).then((r) => { if (r.error) throw new Error(r.error); return r.ok; }),
    close: () => call(base, 'DELETE', at('')),
    /** Scripts run in the page's `index`th frame from now on; `null`: the top page again. */
    frame: (index) => call(base, 'POST', at('/frame'), { id: index }),
    /** An element's WebDriver id: `css` inside the shadow root of the element `host` matches. */
    inShadow: async (host, css) => {
      const root = await call(base, 'GET', at(`/element/${await find(host)}/shadow`));
      const found = await call(base, 'POST', at(`/shadow/${Object.values(root)[0]}/element`), { using: 'css selector', value: css });
      return found[ELEMENT];
    },
    /** What the browser's accessibility tree says of an element: WebDriver's computed role and label. */
    computed: async (element) => ({
      role: await call(base, 'GET', at(`/element/${element}/computedrole`)),
      label: await call(base, 'GET', at(`/element/${element}/computedlabel`)),
    }),
    /** Real key presses (WebDriver actions) to whatever has focus: `keys` are characters or KEYS. */
    press: (...keys) => perform([{ type: 'key', id: 'keyboard', actions: keys.flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]) }]),
    /** A tap (pointer type `touch`, or `mouse`) at viewport CSS px (x, y). */
    tap: (x, y, pointerType = 'touch') => perform([{ type: 'pointer', id: 'finger', parameters: { pointerType }, actions: [
      { type: 'pointerMove', x, y, origin: 'viewport' }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }]),
  };
}

/** WebDriver's code points for the keys the listbox handles. */
export const KEYS = { Tab: '\uE004', Enter: '\uE007', Escape: '\uE00C', End: '\uE010', Home: '\uE011', ArrowUp: '\uE013', ArrowDown: '\uE015' };

// In-page helpers, passed as source to the checks.
export async function canvasFacts(selector) {
  const host = document.querySelector(selector);
  host.scrollIntoView();
  const start = Date.now();
  while (!(host.shadowRoot && host.shadowRoot.querySelector('canvas[aria-label]'))) {
    if (Date.now() - start > 15000) throw new Error('no chart in ' + selector);
    await new Promise((r) => setTimeout(r, 50));
  }
  const canvas = host.shadowRoot.querySelector('canvas');
  const rect = canvas.getBoundingClientRect();
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) painted++;
  return { backingWidth: canvas.width, backingHeight: canvas.height, cssWidth: rect.width, cssHeight: rect.height, dpr: devicePixelRatio, painted, total: canvas.width * canvas.height, error: host.getAttribute('data-error') };
}

/**
 * Registers the checks every WebDriver engine runs, named `${engine}: …` and with figures
 * `(${Engine})` (its display name). `browser()` gives the session (started after registration).
 */
export function webdriverChecks({ engine, Engine, browser: current, server }) {
  const check = (name, fn) => test(`${engine}: ${name}`, () => fn(current()));

  check('hostile page, three embed routes paint crisp; no globals, CSP violations or console errors from us', async (browser) => {
    await browser.open(server.url + 'e2e/embed/hostile.html');
    for (const host of ['#by-attribute', '#by-element', '#by-api']) {
      const facts = await browser.evaluate(canvasFacts, host);
      assertEqual(facts.error, null, `${host} data-error`);
      assert(facts.painted > facts.total / 100, `${host}: ${facts.painted} of ${facts.total} pixels painted`);
      assertEqual(facts.backingWidth, Math.round(facts.cssWidth * facts.dpr), `${host}: backing width = CSS × DPR`);
    }
    const page = await browser.evaluate(() => ({
      added: Object.keys(window).filter((k) => !window.__recorded.baseline.includes(k)),
      csp: window.__recorded.csp,
      errors: window.__recorded.errors,
    }));
    const ours = page.added.filter((k) => !['$', 'jQuery', '__recorded'].includes(k) && !/^jQuery\d+$/.test(k));
    assertEqual(JSON.stringify(ours), JSON.stringify(['ReportCharts']), 'globals added');
    assertEqual(page.csp.filter((v) => !v.includes('/vendor/')).length, 0, 'CSP violations: ' + page.csp.join(', '));
    const unexpected = page.errors.filter((e) => !e.includes('fixed-asset-investment-grwth'));
    assertEqual(unexpected.length, 0, 'console errors: ' + unexpected.join('\n'));
  });

  check('every bad input reports its exact error while good charts stay painted', async (browser) => {
    await browser.open(server.url + 'e2e/hardening/bad-inputs.html');
    const result = await browser.evaluate(async () => {
      while (!window.BAD_OPTIONS || !document.getElementById('bad-' + (window.BAD_ATTRIBUTES.length + window.BAD_ELEMENTS.length + window.BAD_OPTIONS.length - 1))) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const cases = window.BAD_ATTRIBUTES.concat(window.BAD_ELEMENTS, window.BAD_OPTIONS);
      const wrong = [];
      for (let i = 0; i < cases.length; i++) {
        const el = document.getElementById('bad-' + i);
        el.scrollIntoView();
        const start = Date.now();
        while (!el.hasAttribute('data-error') && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 30));
        if (el.getAttribute('data-error') !== 'report-charts: ' + cases[i][2]) wrong.push(cases[i][0] + ': ' + el.getAttribute('data-error'));
      }
      return { count: cases.length, wrong };
    });
    assertEqual(result.wrong.length, 0, result.wrong.join('\n'));
    const good = await browser.evaluate(canvasFacts, '#good-1');
    assert(good.painted > good.total / 100 && good.error === null, 'good chart painted');
    console.log(`     figures: ${result.count} bad inputs checked in ${Engine}`);
  });

  check('script payloads stay text under Trusted Types CSP; nothing runs', async (browser) => {
    await browser.open(server.url + 'e2e/hardening/xss.html');
    const found = await browser.evaluate(async () => {
      while (document.body.getAttribute('data-ready') !== 'yes') await new Promise((r) => setTimeout(r, 50));
      const board = document.querySelector('#board').shadowRoot;
      return {
        pwned: window.__pwned === undefined ? null : window.__pwned,
        elements: board.querySelectorAll('img, script').length,
        table: board.querySelector('table').textContent.includes('地区生产总值增长' + window.PAYLOAD),
        errors: window.__recorded.errors,
      };
    });
    assertEqual(found.pwned, null, 'window.__pwned');
    assertEqual(found.elements, 0, 'elements created from data');
    assert(found.table, 'payload shown as text in the table');
    assertEqual(found.errors.length, 0, found.errors.join('\n'));
  });

  check('a trapped instance recovers; 1000 render/destroy cycles do not grow wasm memory or the DOM', async (browser) => {
    await browser.open(server.url + 'e2e/embed/many.html?n=1');
    await browser.evaluate(canvasFacts, '#c0');
    const result = await browser.evaluate(async () => {
      const before = ReportCharts.diagnostics().instances;
      let trapped = null;
      try { ReportCharts.__trapForTests(); } catch (e) { trapped = e.constructor.name; }
      await ReportCharts.ready;
      const host = document.querySelector('#c0');
      const cycle = async (n) => {
        for (let i = 0; i < n; i++) (await ReportCharts.render(host, { section: 'main-targets', chart: i % 2 ? 'board' : 'dumbbell' })).destroy();
      };
      await cycle(100);
      const nodes = () => document.getElementsByTagName('*').length + host.shadowRoot.querySelectorAll('*').length;
      const start = { wasm: ReportCharts.diagnostics().memoryBytes, nodes: nodes() };
      await cycle(1000);
      const end = { wasm: ReportCharts.diagnostics().memoryBytes, nodes: nodes() };
      return { trapped, instances: ReportCharts.diagnostics().instances - before, start, end };
    });
    assertEqual(result.trapped, 'RuntimeError', 'the trap');
    assertEqual(result.instances, 1, 'one fresh instance');
    assertEqual(result.end.wasm, result.start.wasm, 'wasm memory bytes');
    assertEqual(result.end.nodes, result.start.nodes, 'DOM nodes');
    console.log(`     figures (${Engine}): wasm memory ${result.start.wasm} → ${result.end.wasm} bytes, DOM ${result.start.nodes} → ${result.end.nodes} nodes over 1000 cycles`);
  });

  check('a toolbar after the draw: ×1.5 zoom redraws crisp, black on yellow recolours, ×3 text scales, text spacing and the root filter reach the chart', async (browser) => {
    await browser.open(server.url + 'e2e/toolbar/toolbar.html');
    await browser.evaluate(canvasFacts, '#board');
    const result = await browser.evaluate(async () => {
      const host = document.querySelector('#board');
      const root = host.shadowRoot;
      const canvas = root.querySelector('canvas');
      const chart = ReportCharts.chartFor(host);
      const until = async (ok) => {
        const start = Date.now();
        while (!ok() && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 50));
        return ok();
      };
      const corner = () => Array.from(canvas.getContext('2d').getImageData(0, 0, 1, 1).data.slice(0, 3)).join(',');
      const out = {};
      /* global Toolbar */
      Toolbar.zoom(1.5);
      out.crisp = await until(() => canvas.width === Math.round(canvas.getBoundingClientRect().width * devicePixelRatio));
      out.zoom = [canvas.width, canvas.getBoundingClientRect().width];
      Toolbar.zoom(1);
      await until(() => canvas.width === Math.round(canvas.getBoundingClientRect().width * devicePixelRatio));
      Toolbar.colours('#000000', '#ffff00');
      out.yellow = await until(() => corner() === '255,255,0');
      out.theme = chart.theme;
      out.rc = getComputedStyle(root.querySelector('.rc')).backgroundColor;
      Toolbar.colours(null);
      out.light = await until(() => corner() === '255,255,255');
      Toolbar.text(3);
      out.scaled = await until(() => chart.info.canvas.textScale === 3);
      out.font = getComputedStyle(root.querySelector('.rc')).fontSize;
      out.width = [canvas.getBoundingClientRect().width, host.clientWidth];
      Toolbar.resetText();
      await until(() => chart.info.canvas.textScale === 1);
      await Toolbar.spacing();
      out.letter = [getComputedStyle(host).letterSpacing, getComputedStyle(root.querySelector('button')).letterSpacing];
      Toolbar.invert(true);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      chart.focusAt(0);
      out.filter = getComputedStyle(root.querySelector('[role=tooltip]')).filter;
      return out;
    });
    assert(result.crisp, `zoom: backing ${result.zoom[0]} for ${result.zoom[1]} CSS px drawn`);
    assert(result.yellow && result.theme === 'host', `black on yellow: ${result.theme}`);
    assertEqual(result.rc, 'rgb(255, 255, 0)', 'the DOM text takes the ground');
    assert(result.light, 'back to light');
    assert(result.scaled, 'text scale 3');
    assertEqual(result.font, '42px', 'DOM text 14 px × 3');
    assertEqual(result.width[0], result.width[1], 'the canvas still fills the host');
    assert(result.letter[0] !== 'normal' && result.letter[1] === result.letter[0], `letter spacing reaches the buttons: ${result.letter}`);
    assertEqual(result.filter, 'invert(1)', 'tooltip filter');
    console.log(`     figures (${Engine}): zoom backing ${result.zoom[0]} px for ${result.zoom[1]} CSS px drawn; letter-spacing ${result.letter[1]}`);
  });

  check('the stage is a listbox named by the chart and its count; its options by their place in words and the row', async (browser) => {
    await browser.open(server.url + 'e2e/a11y.html');
    await browser.evaluate(canvasFacts, '#board');
    const info = await browser.evaluate(() => {
      const i = ReportCharts.chartFor('#board').info;
      return { stage: i.words.stage, title: i.title, count: i.hits.length, first: i.hits[0].label, brief: i.rows.find((r) => r.id === i.hits[0].id).brief };
    });
    const stage = await browser.computed(await browser.inShadow('#board', '.stage'));
    assertEqual(stage.role, 'listbox', 'the stage\'s computed role');
    assertEqual(stage.label, info.stage, 'the stage\'s computed label');
    assertEqual(stage.label, `Chart: ${info.title}, ${info.count} indicators`, 'title and count');
    const option = await browser.computed(await browser.inShadow('#board', '#row-0'));
    assertEqual(option.role, 'option', 'an option\'s computed role');
    assertEqual(option.label, info.first, 'an option\'s computed label');
    assertEqual(option.label, `Item 1 of ${info.count}: ${info.brief}`, 'its place in words, then the row in short');
    const figure = await browser.computed(await browser.inShadow('#board', 'figure'));
    assertEqual(figure.role, 'figure', 'the figure\'s computed role');
    assertEqual(figure.label, info.title, 'the figure is named by the title');
    console.log(`     figures (${Engine}): listbox "${stage.label}"; option "${option.label}"`);
  });

  check('the keyboard, by real key presses: arrows, End and Home move the active option, Enter reads the details, Escape says they closed; focus stays on the stage', async (browser) => {
    await browser.open(server.url + 'e2e/a11y.html');
    await browser.evaluate(canvasFacts, '#board');
    await browser.evaluate(() => document.querySelector('#board').shadowRoot.querySelector('.stage').focus());
    const state = () => browser.evaluate(() => {
      const root = document.querySelector('#board').shadowRoot;
      const stage = root.querySelector('.stage');
      return {
        active: stage.getAttribute('aria-activedescendant'),
        focused: document.activeElement === root.host && root.activeElement === stage,
        live: root.querySelector('[aria-live]').textContent,
        tip: ((tip) => (tip.hasAttribute('popover') ? tip.matches(':popover-open') : !tip.hidden))(root.querySelector('[role=tooltip]')),
      };
    });
    const facts = await browser.evaluate(() => {
      const i = ReportCharts.chartFor('#board').info;
      return { count: i.hits.length, details: i.rows.find((r) => r.id === i.hits[0].id).details, closed: i.words.closed };
    });
    const steps = [];
    for (const key of ['ArrowDown', 'ArrowDown', 'End', 'Home', 'Enter', 'Escape']) {
      await browser.press(KEYS[key]);
      steps.push({ key, ...(await state()) });
    }
    const actives = steps.map((s) => s.active).join(' ');
    assertEqual(actives, `row-0 row-1 row-${facts.count - 1} row-0 row-0 row-0`, 'active options after ArrowDown ArrowDown End Home Enter Escape');
    assert(steps.every((s) => s.focused), 'DOM focus stays on the stage');
    assert(steps.slice(0, 4).every((s) => s.live === ''), 'a step writes nothing to the live region');
    assert(steps[4].live.startsWith(facts.details), `Enter reads the row's details: ${steps[4].live}`);
    assert(steps[4].tip && !steps[5].tip, 'the tooltip is pinned by Enter, closed by Escape');
    assertEqual(steps[5].live, facts.closed, 'Escape says the details closed');
    console.log(`     figures (${Engine}): ${actives}; Enter read ${steps[4].live.length} characters`);
  });

  check('a click on the third row (WebDriver pointer actions) shows that row\'s tooltip', async (browser) => {
    await browser.open(server.url + 'e2e/a11y.html');
    await browser.evaluate(canvasFacts, '#board');
    const at = await browser.evaluate(() => {
      const info = ReportCharts.chartFor('#board').info;
      const hit = info.hits[2];
      const canvas = document.querySelector('#board').shadowRoot.querySelector('canvas');
      canvas.scrollIntoView();
      const box = canvas.getBoundingClientRect();
      const scale = box.width / info.width;
      return { x: Math.round(box.left + (hit.x + hit.w / 2) * scale), y: Math.round(box.top + (hit.y + hit.h / 2) * scale), name: info.rows.find((r) => r.id === hit.id).name };
    });
    // WebKitGTK takes pointerType `touch` but delivers mouse events (pointerType "mouse", no
    // touchstart): a real touch cannot be tested here, so the check says mouse.
    await browser.tap(at.x, at.y, 'mouse');
    const tip = await browser.evaluate(() => {
      const node = document.querySelector('#board').shadowRoot.querySelector('[role=tooltip]');
      return { open: node.hasAttribute('popover') ? node.matches(':popover-open') : !node.hidden, text: node.textContent };
    });
    assert(tip.open, 'the tooltip is open');
    assert(tip.text.startsWith(at.name), `the tooltip names the row: ${tip.text.slice(0, 60)}`);
  });

  check('options are a snapshot, every JS type answered with its path, no prototype write, a destroyed chart says so, limits named', async (browser) => {
    await browser.open(server.url + 'e2e/snapshot/snapshot.html');
    await browser.evaluate(canvasFacts, '#attr');
    const got = await browser.evaluate(async () => {
      const out = {};
      let reads = 0;
      const options = { indicators: ['gdp-growth'], lang: 'en', get chart() { reads++; return 'bullet'; } };
      const chart = await ReportCharts.render('#a', options);
      options.indicators.push('nope');
      await chart.update({ title: 'T' });
      out.reads = reads;
      out.rows = chart.info.rows.length;
      const refuse = async (o) => ReportCharts.render('#b', o).then(() => 'drew', (e) => (e instanceof ReportCharts.ReportChartsError) + ' ' + e.message);
      out.bigint = await refuse({ indicators: ['gdp-growth'], height: 10n, lang: 'en' });
      out.set = await refuse({ indicators: new Set(['gdp-growth']), lang: 'en' });
      out.fn = await refuse({ indicators: ['gdp-growth'], title: function () {}, lang: 'en' });
      out.polluted = String(({})['2024']);
      out.proto = document.getElementById('proto').getAttribute('data-error');
      chart.destroy();
      out.destroyed = await chart.update({ chart: 'bars' }).then(() => 'resolved', (e) => e.message);
      const ids = []; for (let i = 0; i < 1001; i++) ids.push('x-' + i);
      out.ids = await refuse({ indicators: ids, lang: 'en' });
      out.big = await ReportCharts.loadData('x'.repeat(5000001)).then(() => 'loaded', (e) => e.message);
      const indicators = [];
      for (let i = 0; i < 1200; i++) {
        indicators.push({ id: 'i-' + i, section: 's', name: { zh: '指标' + i, en: 'I' + i }, unit: '%', measure: 'growth', direction: 'higher',
          observations: [{ year: 2024, kind: 'target', value: 6, quote: '增长6%' }] });
      }
      // The page's Prototype.js patch (patches.js) makes arrays serialize as strings. WebKit runs
      // this script in the page's realm, as WebDriver says; geckodriver's sandbox does not see the
      // patch. The file is written without it, as a server would.
      const patched = Array.prototype.toJSON;
      delete Array.prototype.toJSON;
      const text = JSON.stringify({ source: { title: { zh: '报告', en: 'Report' }, file: 'none.txt' }, sections: [{ id: 's', name: { zh: '甲', en: 'A' } }], indicators: indicators });
      Array.prototype.toJSON = patched;
      out.runs = (await ReportCharts.loadData(text + ' '.repeat(200000))).runs;
      return out;
    });
    assertEqual(got.reads, 1, 'the getter ran once');
    assertEqual(got.rows, 1, 'a later change to the caller\'s object changed nothing');
    assert(got.bigint.startsWith('true options.height: expected a JSON value'), got.bigint);
    assert(got.set.includes('options.indicators') && got.set.includes('a Set'), got.set);
    assert(got.fn.includes('a function'), got.fn);
    assertEqual(got.polluted, 'undefined', 'Object.prototype untouched');
    assert(got.proto && got.proto.includes('options.actuals.__proto__'), String(got.proto));
    assert(got.destroyed.startsWith('this chart was destroyed'), got.destroyed);
    assert(got.ids.includes('expected at most 1,000 ids in one chart, got 1,001'), got.ids);
    assert(got.big.startsWith('$: expected at most 5,000,000 bytes of JSON text'), got.big);
    assertEqual(got.runs, 3, '1,200 indicators read in runs of 500');
    console.log(`     figures (${Engine}): 1 read of a getter over a render and an update; 3 JS types refused with their paths; limits named`);
  });

  check('Safari before 16.4 (no adoptedStyleSheets, no constructable sheets) under style-src \'self\': styled from report-charts.css beside the script, no inline style, no CSP violation', async (browser) => {
    await browser.open(server.url + 'e2e/embed/old-safari.html');
    for (const host of ['#board', '#bullet']) {
      const facts = await browser.evaluate(canvasFacts, host);
      assert(facts.error === null && facts.painted > facts.total / 100, `${host} painted: ${facts.error}`);
    }
    const got = await browser.evaluate(() => {
      const root = document.querySelector('#board').shadowRoot;
      const style = (css) => getComputedStyle(root.querySelector(css));
      const link = root.querySelector('link[rel=stylesheet]');
      return {
        adopted: typeof root.adoptedStyleSheets,
        link: link && link.href,
        styleElements: root.querySelectorAll('style').length,
        figure: style('figure').marginLeft,
        rc: style('.rc').fontSize,
        table: style('.sr').width,
        skip: style('.skip').position,
        toolbar: style('.toolbar').display,
        csp: window.__recorded.csp,
        errors: window.__recorded.errors,
      };
    });
    assertEqual(got.adopted, 'undefined', 'the page emulates no adoptedStyleSheets');
    assertEqual(got.link, server.url + 'static/cms/2024/js/report-charts.css', 'the stylesheet beside the script');
    assertEqual(got.styleElements, 0, '<style> elements (inline style, refused by the CSP)');
    assertEqual(got.figure, '0px', 'figure margin (the UA gives 40px)');
    assertEqual(got.rc, '14px', '.rc font size');
    assertEqual(got.table, '1px', 'the table is visually hidden');
    assertEqual(got.skip, 'absolute', 'the skip link is hidden until focused');
    assertEqual(got.toolbar, 'flex', 'the toolbar is a flex row');
    assertEqual(got.csp.length, 0, 'CSP violations: ' + got.csp.join(', '));
    assertEqual(got.errors.length, 0, 'console errors: ' + got.errors.join('\n'));
  });

  check('a .wasm that answers 503 twice is retried with backoff, and the chart draws', async (browser) => {
    const started = Date.now();
    await browser.open(server.url + 'e2e/snapshot/flaky.html');
    const facts = await browser.evaluate(canvasFacts, '#chart');
    const ready = await browser.evaluate(() => ReportCharts.ready.then(() => 'resolved', (e) => e.message));
    assertEqual(ready, 'resolved');
    assert(facts.painted > 0, 'drawn after two 503s');
    console.log(`     figures (${Engine}): drawn ${Date.now() - started} ms after two 503s (a try fetches with the integrity check, then without it: one backoff, 0.4 s)`);
  });
}
