// Readers as they meet the chart: the accessibility tree Chromium hands to screen readers, step
// by step over CDP (Tab in, three arrows, Enter, Escape), written to docs/transcripts/ as a
// transcript; and the structure around it: figure and caption, skip link, landmark, languages,
// row headers.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openPage, canvasFacts, test, assert, assertEqual, ROOT } from './harness.mjs';

/** The accessibility tree of the page, as screen readers get it: nodes by id and by DOM node. */
async function tree(cdp) {
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const byDom = new Map(nodes.filter((n) => n.backendDOMNodeId).map((n) => [n.backendDOMNodeId, n]));
  const prop = (n, name) => { const p = (n.properties || []).find((q) => q.name === name); return p ? p.value : undefined; };
  const text = (n) => {
    if (!n) return '';
    if (n.role && n.role.value === 'StaticText') return n.name.value;
    return (n.childIds || []).map((c) => text(byId.get(c))).join('');
  };
  const ancestors = (n) => { const out = []; for (let p = byId.get(n.parentId); p; p = byId.get(p.parentId)) out.push(p); return out; };
  return { nodes, byId, byDom, prop, text, ancestors };
}

const show = (n) => (n ? `${n.role.value} "${(n.name && n.name.value) || ''}"` : 'none');

/** What a screen reader gets now: the focused node, its active descendant and the live region's text. */
async function heard(cdp) {
  const t = await tree(cdp);
  const focused = t.nodes.find((n) => !n.ignored && t.prop(n, 'focused') && t.prop(n, 'focused').value === true && n.role.value !== 'RootWebArea');
  const active = focused && t.prop(focused, 'activedescendant');
  const option = active ? t.byDom.get(active.relatedNodes[0].backendDOMNodeId) : null;
  const live = t.nodes.filter((n) => !n.ignored && t.prop(n, 'live') && t.prop(n, 'live').value === 'polite');
  // The chart's own live region: the polite one inside the focused node's figure.
  const figure = focused && t.ancestors(focused).find((n) => n.role.value === 'figure');
  const region = live.find((n) => figure && t.ancestors(n).includes(figure));
  return {
    role: focused && focused.role.value,
    name: focused && focused.name && focused.name.value,
    description: focused && focused.description ? focused.description.value : '',
    figure: figure ? show(figure) : 'none',
    option: option ? { role: option.role.value, name: option.name.value, selected: !!(t.prop(option, 'selected') && t.prop(option, 'selected').value) } : null,
    live: region ? t.text(region) : '',
  };
}

function transcriptLines(step, got) {
  const lines = [`${step}`, `  focus:       ${got.role} "${got.name}"`, `  in:          ${got.figure}`];
  if (got.description) lines.push(`  description: "${got.description}"`);
  lines.push(`  active:      ${got.option ? `${got.option.role} "${got.option.name}"${got.option.selected ? ' (selected)' : ''}` : 'none'}`);
  lines.push(`  live region: ${got.live ? `"${got.live}"` : '(silent)'}`);
  return lines;
}

/** Tabs until the chart in `host` has focus (at most `max` presses); returns the presses. */
async function tabInto(page, host, max) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      return document.activeElement === el && el.shadowRoot.activeElement && el.shadowRoot.activeElement.getAttribute('role') === 'listbox';
    }, host);
    if (inside) return i;
  }
  throw new Error(`no listbox in ${host} after ${max} Tabs`);
}

export default function ({ server, browser }) {
  test('accessibility tree in Chromium: Tab in, three steps, Enter, Escape, each as a screen reader gets it (transcript)', async () => {
    const transcript = [];
    const version = browser.version();
    // The page the Orca run reads too (tests/screen-reader/run.sh): four rows, two with actuals.
    for (const [host, lang] of [['#chart', 'zh'], ['#chart', 'en']]) {
      const { page, context, problems } = await openPage(browser, server.url + 'e2e/screen-reader.html?lang=' + lang, { viewport: { width: 1000, height: 900 } });
      await canvasFacts(page, host);
      await page.locator(host).scrollIntoViewIfNeeded();
      await canvasFacts(page, host);
      const cdp = await context.newCDPSession(page);
      const info = await page.evaluate((sel) => ReportCharts.chartFor(sel).info, host);
      // Start from the element before the host: Tab reaches the skip link, the toolbar, then the chart.
      await page.evaluate((sel) => {
        const before = document.createElement('button');
        before.textContent = 'before';
        before.id = 'before';
        const el = document.querySelector(sel);
        el.parentNode.insertBefore(before, el);
        before.focus();
      }, host);
      transcript.push(`== ${lang === 'zh' ? 'Chinese' : 'English'} chart "${info.title}" (${info.hits.length} rows), tests/e2e/pages/screen-reader.html?lang=${lang}`);
      const buttons = await page.evaluate((sel) => Array.from(document.querySelector(sel).shadowRoot.querySelectorAll('button')).filter((b) => !b.disabled && b.getClientRects().length).length, host);
      const presses = await tabInto(page, host, 30);
      assertEqual(presses, buttons + 2, `${host}: Tabs from the button before it (the skip link, ${buttons} buttons, the chart)`);
      const steps = [['Tab (into the chart)', null]];
      for (let i = 0; i < 3; i++) steps.push(['ArrowDown', 'ArrowDown']);
      steps.push(['Enter', 'Enter'], ['Escape', 'Escape']);
      let index = -1;
      for (const [step, key] of steps) {
        if (key) await page.keyboard.press(key);
        // The tree follows the DOM asynchronously: read it once it shows the live region's new text.
        const dom = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('[aria-live]').textContent, host);
        let got = await heard(cdp, host);
        for (let tries = 0; tries < 40 && got.live.replace(/[“”"]/g, '') !== dom; tries++) {
          await page.waitForTimeout(50);
          got = await heard(cdp, host);
        }
        transcript.push(...transcriptLines(step, got));
        assertEqual(got.role, 'listbox', `${host} ${step}: focused role`);
        assertEqual(got.name, info.words.stage, `${host} ${step}: the listbox's name`);
        assert(new RegExp(lang === 'zh' ? `^图表：.+，共${info.hits.length}项$` : `^Chart: .+, ${info.hits.length} indicators$`).test(got.name), `${host}: name says title and count: ${got.name}`);
        assertEqual(got.description, info.words.keys, `${host} ${step}: the description is the keys, never the tooltip`);
        assertEqual(got.figure, `figure "${info.title}"`, `${host} ${step}: inside the figure named by the title`);
        if (key === 'ArrowDown') index++;
        if (index < 0) {
          assertEqual(got.option, null, `${host}: Tab in names the chart, no row`);
        } else {
          const hit = info.hits[index];
          const row = info.rows.find((r) => r.id === hit.id);
          assertEqual(got.option && got.option.role, 'option', `${host} ${step}: the active descendant is an option`);
          assertEqual(got.option.name, hit.label, `${host} ${step}: option name`);
          const place = lang === 'zh' ? `第${index + 1}项，共${info.hits.length}项：` : `Item ${index + 1} of ${info.hits.length}: `;
          assertEqual(got.option.name, place + row.brief, `${host} ${step}: position in words, then the row in short`);
          assert(got.option.name.includes(row.name) && got.option.name.includes(row.target), `${host}: the option names the row and its target`);
          assert(!/\d\/\d/.test(got.option.name), `${host}: no "1/6" fraction in ${got.option.name}`);
          assert(got.option.selected, `${host} ${step}: the active option is selected`);
        }
        if (key === 'ArrowDown' || key === null) assertEqual(got.live, '', `${host} ${step}: no live-region write on a step`);
        if (key === 'Enter') {
          const row = info.rows.find((r) => r.id === info.hits[index].id);
          assert(got.live.startsWith(lang === 'zh' ? '详情：' : 'Details: '), `${host}: Enter says details: ${got.live}`);
          assert(got.live.startsWith(row.details) && got.live.includes(row.quote) && got.live.includes(row.summary), `${host}: details, sentence and quote: ${got.live}`);
          const quoteLang = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('[aria-live] > span > span').lang, host);
          assertEqual(quoteLang, lang === 'zh' ? '' : 'zh-CN', `${host}: the report's quote in the details carries its language`);
        }
        if (key === 'Escape') assertEqual(got.live, lang === 'zh' ? '已关闭详情' : 'Details closed', `${host}: Escape says it closed`);
      }
      transcript.push('');
      assertEqual(problems.length, 0, problems.join('\n'));
      await context.close();
    }
    const out = path.join(ROOT, 'docs/transcripts/chromium-tree.txt');
    mkdirSync(path.dirname(out), { recursive: true });
    // The README shows the Chinese chart's part: it must be what this run heard.
    const zh = transcript.slice(0, transcript.indexOf('') + 1).slice(1, -1);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const shown = readme.split('<!-- chromium-tree:zh -->\n')[1].split('<!-- /chromium-tree:zh -->')[0];
    const expected = '```\n' + zh.join('\n') + '\n```\n';
    writeFileSync(out, [
      '# What Chromium\'s accessibility tree gives a screen reader at each key, read over CDP',
      `# (Accessibility.getFullAXTree). Written by tests/e2e/readers.test.mjs; Chromium ${version}.`,
      '# focus: the focused node; active: its aria-activedescendant (what readers speak on a step);',
      '# live region: the chart\'s polite live region\'s text after the key.',
      '',
      ...transcript,
    ].join('\n'));
    assertEqual(shown, expected, 'README.md\'s transcript between the chromium-tree:zh markers (docs/transcripts/chromium-tree.txt has the new one)');
  });

  test('the caption: the summary under the chart in the light DOM, in the chart\'s language, styled by the page; caption=false hides it; destroy removes it', async () => {
    const { page, context, problems } = await openPage(browser, server.url + 'e2e/a11y.html', { viewport: { width: 1000, height: 900 } });
    await canvasFacts(page, '#board');
    const found = await page.evaluate(() => {
      const host = document.querySelector('#board');
      const info = ReportCharts.chartFor(host).info;
      const caption = host.querySelector(':scope > p[slot=caption]');
      const slot = host.shadowRoot.querySelector('figcaption slot[name=caption]');
      const canvas = host.shadowRoot.querySelector('canvas.chart').getBoundingClientRect();
      const box = caption.getBoundingClientRect();
      return {
        text: caption.textContent, summary: info.summary, lang: caption.lang, slotted: slot.assignedElements()[0] === caption,
        below: box.top >= canvas.bottom - 1, height: box.height, font: getComputedStyle(caption).fontFamily,
        pageFont: getComputedStyle(document.body).fontFamily,
      };
    });
    assertEqual(found.text, found.summary, 'the caption is the summary sentence');
    assertEqual(found.lang, 'en', 'in the chart\'s language (the page is zh-CN)');
    assert(found.slotted && found.below && found.height > 10, 'slotted into the figure\'s caption, under the chart: ' + JSON.stringify(found));
    assertEqual(found.font, found.pageFont, 'it takes the page\'s text styles');
    const off = await page.evaluate(async () => {
      const host = document.querySelector('#board');
      const chart = ReportCharts.chartFor(host);
      await chart.update({ caption: false });
      const gone = host.querySelector('p[slot=caption]') === null;
      const fallback = host.shadowRoot.querySelector('figcaption .sr').textContent;
      host.setAttribute('data-caption', 'true');
      await new Promise((r) => setTimeout(r, 100));
      const back = host.querySelector('p[slot=caption]') !== null;
      chart.destroy();
      return { gone, fallback, summary: chart.info.summary, back, after: host.querySelectorAll('p[slot=caption]').length };
    });
    assert(off.gone, 'caption: false removes the light-DOM caption');
    assertEqual(off.fallback, off.summary, 'screen readers keep the sentence in the figure\'s caption');
    assert(off.back, 'data-caption="true" brings it back');
    assertEqual(off.after, 0, 'destroy removes the caption');
    assertEqual(problems.length, 0, problems.join('\n'));
    await context.close();
  });

  test('the fallback stays the host\'s own content until the first draw, and the caption never shows with it', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/blank.html', { viewport: { width: 800, height: 600 } });
    await page.addScriptTag({ url: '/dist/report-charts.js' });
    const found = await page.evaluate(async () => {
      const host = document.createElement('div');
      const own = document.createElement('p');
      own.textContent = 'fallback text';
      host.appendChild(own);
      document.body.appendChild(host);
      const chart = ReportCharts.render(host, { indicators: ['gdp-growth'], chart: 'bullet' });
      const before = own.getBoundingClientRect().height > 0;
      await chart;
      const drawn = { own: own.getBoundingClientRect().height, caption: host.querySelector('p[slot=caption]').getBoundingClientRect().height };
      await ReportCharts.chartFor(host).update({ indicators: ['no-such-id'] }).catch(() => {});
      ReportCharts.chartFor(host).fail(new Error('test'));
      const failed = { own: own.getBoundingClientRect().height, caption: host.querySelector('p[slot=caption]').getBoundingClientRect().height };
      return { before, drawn, failed };
    });
    assert(found.before, 'the host\'s own content shows before the draw');
    assertEqual(found.drawn.own, 0, 'drawn: the host\'s own content is not shown');
    assert(found.drawn.caption > 0, 'drawn: the caption shows');
    assert(found.failed.own > 0 && found.failed.caption === 0, 'failed: the fallback shows, the caption does not ' + JSON.stringify(found.failed));
    await context.close();
  });

  test('a chart without rows is no listbox and no Tab stop (an empty listbox is an error); it becomes one when rows come', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/blank.html', { viewport: { width: 800, height: 600 } });
    await page.addScriptTag({ url: '/dist/report-charts.js' });
    const found = await page.evaluate(async () => {
      const host = document.createElement('div');
      document.body.appendChild(host);
      const chart = await ReportCharts.render(host, { section: 'main-targets', chart: 'board', statuses: ['met'] });
      const stage = host.shadowRoot.querySelector('.stage');
      const attrs = () => ['role', 'tabindex', 'aria-label', 'aria-describedby'].map((a) => stage.getAttribute(a));
      const empty = { hits: chart.info.hits.length, attrs: attrs(), options: stage.querySelectorAll('[role=option]').length };
      await chart.update({ statuses: undefined });
      return { empty, full: { hits: chart.info.hits.length, attrs: attrs(), options: stage.querySelectorAll('[role=option]').length, stage: chart.info.words.stage } };
    });
    assertEqual(found.empty.hits, 0, 'the filter leaves no row');
    assertEqual(JSON.stringify(found.empty.attrs), JSON.stringify([null, null, null, null]), 'no role, Tab stop, name or description');
    assertEqual(found.empty.options, 0, 'no options');
    assertEqual(JSON.stringify(found.full.attrs), JSON.stringify(['listbox', '0', found.full.stage, 'keys']), 'a listbox again');
    assertEqual(found.full.options, found.full.hits, 'one option per row');
    await context.close();
  });

  test('skip link: visible on focus, lands after the chart; landmark only when asked; one figure per chart', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/a11y.html', { viewport: { width: 1000, height: 900 } });
    await canvasFacts(page, '#rows');
    await page.keyboard.press('Tab');
    const link = await page.evaluate(() => {
      const root = document.querySelector('#rows').shadowRoot;
      const a = root.activeElement;
      const r = a.getBoundingClientRect();
      return { tag: a.tagName, text: a.textContent, w: r.width, h: r.height, skip: ReportCharts.chartFor('#rows').info.words.skip };
    });
    assertEqual(link.tag, 'A', 'the first Tab stop is the skip link');
    assertEqual(link.text, link.skip, 'its words come from the wasm');
    assert(link.w > 20 && link.h > 10, `it is visible on focus (${link.w}×${link.h})`);
    await page.keyboard.press('Enter');
    const landed = await page.evaluate(() => {
      const root = document.querySelector('#rows').shadowRoot;
      return root.activeElement && root.activeElement.className;
    });
    assertEqual(landed, 'end', 'Enter on the skip link lands after the chart');
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement.id + '/' + (document.activeElement.shadowRoot && document.activeElement.shadowRoot.activeElement && document.activeElement.shadowRoot.activeElement.className));
    assertEqual(next, 'board/skip', 'the next Tab leaves the chart for the next one');
    const regions = await page.evaluate(async () => {
      const count = () => Array.from(document.querySelectorAll('[data-report-chart]')).filter((h) => h.shadowRoot && h.shadowRoot.querySelector('[role=region]')).length;
      const before = count();
      document.querySelector('#board').setAttribute('data-landmark', 'true');
      await new Promise((r) => setTimeout(r, 100));
      const region = document.querySelector('#board').shadowRoot.querySelector('[role=region]');
      return { before, after: count(), name: region && region.getAttribute('aria-label'), title: ReportCharts.chartFor('#board').info.title };
    });
    assertEqual(regions.before, 0, 'no landmark unless asked');
    assertEqual(regions.after, 1, 'data-landmark="true" makes one');
    assertEqual(regions.name, regions.title, 'the region is named by the title');
    await context.close();
  });

  test('languages and headers: Chinese quotes in an English chart carry lang, the table has row headers', async () => {
    const { page, context } = await openPage(browser, server.url + 'e2e/a11y.html', { viewport: { width: 1000, height: 900 } });
    await canvasFacts(page, '#board');
    await page.locator('#board').scrollIntoViewIfNeeded();
    const found = await page.evaluate(() => {
      const root = document.querySelector('#board').shadowRoot;
      const info = ReportCharts.chartFor('#board').info;
      const quoteColumn = info.columns.findIndex((c) => c.key === 'quote');
      const cells = Array.from(root.querySelectorAll('tbody tr')).map((tr) => tr.children[quoteColumn]);
      const rowHeads = Array.from(root.querySelectorAll('tbody tr')).map((tr) => tr.querySelector('th[scope=row]'));
      const others = Array.from(root.querySelectorAll('tbody td')).filter((td) => td.lang && td.lang !== 'zh-CN');
      return {
        box: root.querySelector('.box').lang,
        quotes: cells.map((td) => td.lang), rows: info.rows.length,
        heads: rowHeads.filter((th, i) => th && th.textContent === info.rows[i].name).length,
        others: others.length,
      };
    });
    assertEqual(found.box, 'en', 'the chart says its language');
    assertEqual(found.quotes.filter((l) => l === 'zh-CN').length, found.rows, 'every quote cell is lang=zh-CN');
    assertEqual(found.others, 0, 'no other cell is marked');
    assertEqual(found.heads, found.rows, 'each row has its name as a row header');
    const target = await page.evaluate(() => {
      const el = document.querySelector('#board');
      const info = ReportCharts.chartFor(el).info;
      const row = info.rows.find((r) => r.id === info.hits[0].id);
      const rect = el.getBoundingClientRect();
      return { x: rect.left + row.box.x + row.box.w / 2, y: rect.top + row.box.y + row.box.h / 2 };
    });
    await page.mouse.move(target.x, target.y);
    const tipLang = await page.evaluate(() => document.querySelector('#board').shadowRoot.querySelector('[role=tooltip] q').lang);
    assertEqual(tipLang, 'zh-CN', 'the tooltip\'s quote is lang=zh-CN');
    const cdp = await context.newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const tip = nodes.find((n) => !n.ignored && n.role && n.role.value === 'tooltip');
    const name = await page.evaluate(() => document.querySelector('#board').shadowRoot.querySelector('.tip-name').textContent);
    assertEqual(tip && tip.name.value, name, 'the tooltip is named by its indicator alone, not a string of both languages');
    await context.close();
  });
}
