// The snippet builder: editors pick indicators and a style, see a live preview, copy an embed.
// Runs under the page's strict CSP: no inline script or style, and no innerHTML anywhere:
// indicator names are data, so every string reaches the DOM as text or as an escaped snippet.
/* global ReportCharts */
(function () {
  'use strict';

  var DEFAULT_INDICATORS = ['fixed-asset-investment-growth', 'retail-sales-growth'];
  var NO_TARGET_STATUS = ['定性目标', 'Qualitative', '实绩', 'Reported'];

  /** Escapes text for HTML element content and for double- or single-quoted attribute values. */
  function escapeHtml(value) {
    return String(value)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
  }

  /** `n` as the shortest text that parses back to the same number (what data-actual-2024 reads). */
  function numberText(n) {
    return String(n);
  }

  /**
   * The embed: the script tag and a data-report-chart div whose content is the static fallback.
   * `state`: {mode, indicators, section, chart, lang, theme, title, actuals:{id: number}, scriptUrl, dataUrl, integrity}
   * `info`: what the preview's render returned (title, summary, columns, rows).
   */
  function buildSnippet(state, info) {
    var attrs = [];
    var what = state.mode === 'section' ? 'section:' + state.section : state.indicators.join(',');
    attrs.push(['data-report-chart', what]);
    attrs.push(['data-chart', state.chart]);
    attrs.push(['data-lang', state.lang]);
    attrs.push(['data-theme', state.theme]);
    if (state.title) attrs.push(['data-title', state.title]);
    var pairs = Object.keys(state.actuals).map(function (id) { return id + '=' + numberText(state.actuals[id]); });
    if (pairs.length) attrs.push(['data-actual-2024', pairs.join(';')]);

    var lines = [];
    var merge = state.dataUrl ? ' data-merge="' + escapeHtml(state.dataUrl) + '"' : '';
    // crossorigin: a script with integrity from another host is only checked when CORS allows it.
    var integrity = state.integrity ? ' integrity="' + escapeHtml(state.integrity) + '" crossorigin="anonymous"' : '';
    lines.push('<script src="' + escapeHtml(state.scriptUrl || 'report-charts.js') + '"' + integrity + merge + ' defer></script>');
    lines.push('<div ' + attrs.map(function (a) { return a[0] + '="' + escapeHtml(a[1]) + '"'; }).join(' ') + '>');
    if (info) {
      lines.push('  <p>' + escapeHtml(info.summary) + '</p>');
      lines.push('  <table>');
      lines.push('    <caption>' + escapeHtml(info.title) + '</caption>');
      lines.push('    <thead>');
      lines.push('      <tr>' + info.columns.map(function (c) { return '<th scope="col">' + escapeHtml(c.head) + '</th>'; }).join('') + '</tr>');
      lines.push('    </thead>');
      lines.push('    <tbody>');
      info.rows.forEach(function (row) {
        // Cells by column name, as the loader's own table: the wasm decides the columns.
        lines.push('      <tr>' + info.columns.map(function (c) {
          var cell = escapeHtml(row[c.key]);
          return c.rowHeader ? '<th scope="row">' + cell + '</th>' : '<td>' + cell + '</td>';
        }).join('') + '</tr>');
      });
      lines.push('    </tbody>');
      lines.push('  </table>');
    }
    lines.push('</div>');
    return lines.join('\n') + '\n';
  }

  // For the end-to-end tests and for anyone scripting the builder; the page has no other global.
  window.SnippetBuilder = Object.freeze({
    escapeHtml: escapeHtml,
    buildSnippet: buildSnippet,
    /** The last good preview: the builder's state and what the render returned. */
    current: function () { return { state: lastState, info: lastInfo }; }
  });

  // --- DOM helpers -------------------------------------------------------------------------

  function $(id) { return document.getElementById(id); }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** "中文 English": the Chinese text, then the English in a lang="en" span. */
  function bilingual(parent, zh, en) {
    parent.appendChild(document.createTextNode(zh + ' '));
    var span = el('span', '', en);
    span.lang = 'en';
    parent.appendChild(span);
    return parent;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function radioValue(name) {
    var checked = document.querySelector('input[name="' + name + '"]:checked');
    return checked ? checked.value : '';
  }

  // --- State ---------------------------------------------------------------------------------

  var indicators = [];           // ReportCharts.indicators()
  var byId = Object.create(null);
  var sectionsById = Object.create(null);
  var selected = [];             // ids, in the order picked
  var actualText = Object.create(null); // id -> what the editor typed (kept across deselection)
  var actualIds = [];            // ids that currently have an input
  var chart = null;              // the preview Chart
  var lastInfo = null;           // info of the last good preview
  var lastState = null;          // state of the last good preview
  var sequence = 0;

  function readState() {
    var actuals = {};
    actualIds.forEach(function (id) {
      var text = (actualText[id] || '').trim();
      if (text !== '' && isFinite(Number(text))) actuals[id] = Number(text);
    });
    return {
      mode: radioValue('mode') || 'indicators',
      indicators: selected.slice(),
      section: $('section').value,
      chart: radioValue('chart') || 'bullet',
      lang: radioValue('lang') || 'zh',
      theme: $('theme').value || 'light',
      title: $('title').value.trim(),
      actuals: actuals,
      scriptUrl: $('script-url').value.trim(),
      dataUrl: $('data-url').value.trim()
    };
  }

  function chartOptions(state) {
    var actuals = {};
    Object.keys(state.actuals).forEach(function (id) { actuals[id] = { 2024: state.actuals[id] }; });
    return {
      indicators: state.mode === 'section' ? undefined : state.indicators,
      section: state.mode === 'section' ? state.section : undefined,
      chart: state.chart,
      lang: state.lang,
      theme: state.theme,
      title: state.title || undefined,
      actuals: Object.keys(actuals).length ? actuals : undefined
    };
  }

  // --- Status messages -----------------------------------------------------------------------

  function showStatus(kind, messages) {
    var status = $('status');
    clear(status);
    status.className = 'status' + (kind ? ' ' + kind : '');
    if (!messages.length) return;
    if (kind === 'error') {
      var head = el('p', 'status-head');
      bilingual(head, '选项有误，预览和代码仍为上一次的有效结果：', 'These options cannot be drawn; the preview and the code still show the last valid chart:');
      status.appendChild(head);
    }
    var list = el('ul');
    messages.forEach(function (m) {
      var item = el('li');
      var zh = el('span', 'msg-zh', m.zh);
      zh.lang = 'zh-CN';
      var en = el('span', 'msg-en', m.en);
      en.lang = 'en';
      item.appendChild(zh);
      item.appendChild(en);
      list.appendChild(item);
    });
    status.appendChild(list);
  }

  function errorMessages(error) {
    if (error && error.errors && error.errors.length) {
      return error.errors.map(function (e) { return { zh: e.zh, en: e.en }; });
    }
    var text = String(error && error.message ? error.message : error);
    return [{ zh: '出错了：' + text, en: 'Something went wrong: ' + text }];
  }

  // --- Preview and snippet -------------------------------------------------------------------

  function refresh() {
    var state = readState();
    var mine = ++sequence;
    if (state.mode === 'indicators' && !state.indicators.length) {
      showStatus('error', [{ zh: '请至少选择一个指标。', en: 'Select at least one indicator.' }]);
      return Promise.resolve(null);
    }
    if (state.mode === 'section' && !state.section) {
      showStatus('error', [{ zh: '请选择一个板块。', en: 'Choose a section.' }]);
      return Promise.resolve(null);
    }
    var options = chartOptions(state);
    var pending = chart ? chart.update(options) : ReportCharts.render($('preview'), options);
    return pending.then(function (drawn) {
      chart = drawn;
      // Updates settle in order, so the last success is what the preview shows, even when a
      // newer change is still on its way.
      if (drawn.info) {
        lastInfo = drawn.info;
        lastState = state;
        syncActualInputs(drawn.info);
        writeSnippet();
      }
      if (mine === sequence) showStatus('', []);
      return drawn;
    }, function (error) {
      if (mine !== sequence) return null;
      showStatus('error', errorMessages(error));
      return null;
    });
  }

  /**
   * The image's alt text, in the chart's language: its title, its summary sentence and, for a
   * chart of several rows (a board's summary only counts them), each row in short, as the chart's
   * listbox says it. A reader of the article who cannot see the image gets what it shows.
   */
  function altText(info) {
    var zh = info.lang !== 'en';
    var text = info.title + (zh ? '。' : '. ') + info.summary;
    if (info.rows.length > 1) {
      text += (zh ? '' : ' ') + info.rows.map(function (row) { return row.brief; }).join(zh ? '；' : '; ') + (zh ? '。' : '.');
    }
    return text;
  }

  /**
   * The SRI value of the report-charts.js this page runs, which `make dist` prints too: hashed here
   * so that an editor need not copy it from a build log. Without crypto.subtle (a page served over
   * plain http from another host than localhost) the box stays off and says where to find it.
   */
  var scriptIntegrity = '';
  function hashOwnScript() {
    var box = $('sri');
    var script = document.querySelector('script[src$="report-charts.js"]');
    if (!window.crypto || !crypto.subtle || !script) {
      box.disabled = true;
      $('sri-hint').textContent = '此页面无法计算校验值：请使用 make dist 打印的 integrity 值。 This page cannot compute the hash: use the integrity that make dist prints.';
      return Promise.resolve();
    }
    return fetch(script.src).then(function (response) { return response.arrayBuffer(); }).then(function (bytes) {
      return crypto.subtle.digest('SHA-384', bytes);
    }).then(function (digest) {
      scriptIntegrity = 'sha384-' + btoa(String.fromCharCode.apply(null, new Uint8Array(digest)));
    }, function () { box.disabled = true; });
  }

  function writeSnippet() {
    if (!lastState || !lastInfo) return;
    // The script address is not part of the chart: take the current one even when the
    // chart options are invalid.
    var state = Object.assign({}, lastState, {
      scriptUrl: $('script-url').value.trim(), dataUrl: $('data-url').value.trim(),
      integrity: $('sri').checked ? scriptIntegrity : ''
    });
    $('snippet').value = buildSnippet(state, lastInfo);
    $('copy-status').textContent = '';
    var alt = altText(lastInfo);
    if ($('alt').value !== alt) {
      $('alt').value = alt;
      $('alt').lang = lastInfo.lang === 'en' ? 'en' : 'zh-CN';
      $('copy-alt-status').textContent = '';
      $('png-status').textContent = '';
    }
  }

  // --- Actual inputs: one per shown indicator that has a numeric 2024 target -----------------

  function hasNumericTarget(row) {
    return row.target !== '—' && NO_TARGET_STATUS.indexOf(row.status) < 0;
  }

  function syncActualInputs(info) {
    if (!info) return;
    var rows = info.rows.filter(hasNumericTarget);
    var ids = rows.map(function (r) { return r.id; });
    var box = $('actuals');
    if (ids.join(',') === actualIds.join(',')) {
      rows.forEach(function (row) {
        var note = document.getElementById('actual-note-' + row.id);
        if (note) note.textContent = targetNote(row);
      });
      return;
    }
    actualIds = ids;
    var focused = document.activeElement && document.activeElement.id;
    clear(box);
    rows.forEach(function (row) {
      var indicator = byId[row.id];
      var field = el('div', 'field actual');
      var inputId = 'actual-' + row.id;
      var label = el('label');
      label.htmlFor = inputId;
      if (indicator) bilingual(label, indicator.name.zh, indicator.name.en);
      else label.textContent = row.name;
      var unit = indicator && indicator.unit ? indicator.unit : '';
      if (unit) label.appendChild(el('span', 'unit', '（' + unit + '）'));
      var input = el('input');
      input.id = inputId;
      input.type = 'number';
      input.step = 'any';
      input.inputMode = 'decimal';
      input.autocomplete = 'off';
      input.dataset.indicator = row.id;
      input.value = actualText[row.id] || '';
      var note = el('p', 'hint', targetNote(row));
      note.id = 'actual-note-' + row.id;
      input.setAttribute('aria-describedby', note.id);
      input.addEventListener('input', function () {
        actualText[row.id] = input.value;
        refresh();
      });
      field.appendChild(label);
      field.appendChild(input);
      field.appendChild(note);
      box.appendChild(field);
    });
    $('actuals-empty').hidden = rows.length > 0;
    if (focused && document.getElementById(focused) && document.activeElement !== document.getElementById(focused)) {
      document.getElementById(focused).focus();
    }
  }

  function targetNote(row) {
    return '2024年目标 2024 target: ' + row.target;
  }

  // --- Indicator picker ------------------------------------------------------------------------

  function buildPicker() {
    var list = $('indicator-list');
    var groups = Object.create(null);
    var order = [];
    indicators.forEach(function (indicator) {
      if (!groups[indicator.section]) {
        groups[indicator.section] = [];
        order.push(indicator.section);
      }
      groups[indicator.section].push(indicator);
    });
    order.forEach(function (sectionId) {
      var section = sectionsById[sectionId];
      var group = el('fieldset', 'group');
      group.dataset.section = sectionId;
      var legend = el('legend');
      if (section) bilingual(legend, section.name.zh, section.name.en);
      else legend.textContent = sectionId;
      group.appendChild(legend);
      groups[sectionId].forEach(function (indicator) {
        var id = 'pick-' + indicator.id;
        var row = el('div', 'pick');
        row.dataset.search = [indicator.id, indicator.name.zh, indicator.name.en].join('\n').toLowerCase();
        var box = el('input');
        box.type = 'checkbox';
        box.id = id;
        box.value = indicator.id;
        box.checked = selected.indexOf(indicator.id) >= 0;
        var label = el('label');
        label.htmlFor = id;
        label.appendChild(el('span', 'name-zh', indicator.name.zh));
        var en = el('span', 'name-en', indicator.name.en);
        en.lang = 'en';
        label.appendChild(en);
        label.appendChild(el('code', 'name-id', indicator.id + (indicator.unit ? ' · ' + indicator.unit : '')));
        box.addEventListener('change', function () {
          var at = selected.indexOf(indicator.id);
          if (box.checked && at < 0) selected.push(indicator.id);
          if (!box.checked && at >= 0) selected.splice(at, 1);
          renderSelected();
          refresh();
        });
        row.appendChild(box);
        row.appendChild(label);
        group.appendChild(row);
      });
      list.appendChild(group);
    });
  }

  function filterPicker() {
    var words = $('search').value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    Array.prototype.forEach.call(document.querySelectorAll('#indicator-list .group'), function (group) {
      var any = false;
      Array.prototype.forEach.call(group.querySelectorAll('.pick'), function (row) {
        var text = row.dataset.search;
        var match = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !match;
        if (match) { any = true; shown++; }
      });
      group.hidden = !any;
    });
    var count = $('search-count');
    count.textContent = words.length
      ? '找到 ' + shown + ' 项 · ' + shown + ' found'
      : '共 ' + indicators.length + ' 项指标 · ' + indicators.length + ' indicators';
  }

  function renderSelected() {
    var list = $('selected-list');
    clear(list);
    selected.forEach(function (id) {
      var indicator = byId[id];
      var item = el('li');
      var name = el('span', 'selected-name');
      if (indicator) bilingual(name, indicator.name.zh, indicator.name.en);
      else name.textContent = id;
      var remove = el('button', 'link-button');
      remove.type = 'button';
      bilingual(remove, '移除', 'Remove');
      remove.setAttribute('aria-label', '移除 Remove: ' + (indicator ? indicator.name.zh + ' ' + indicator.name.en : id));
      remove.addEventListener('click', function () {
        var at = selected.indexOf(id);
        if (at >= 0) selected.splice(at, 1);
        var box = document.getElementById('pick-' + id);
        if (box) box.checked = false;
        renderSelected();
        refresh();
        // Keep the keyboard user in the list rather than on <body>.
        var next = list.querySelector('button') || $('search');
        next.focus();
      });
      item.appendChild(name);
      item.appendChild(remove);
      list.appendChild(item);
    });
    $('selected-empty').hidden = selected.length > 0;
    $('selected-count').textContent = '(' + selected.length + ')';
  }

  // --- Wiring ------------------------------------------------------------------------------------

  function setMode() {
    var section = radioValue('mode') === 'section';
    $('mode-section').hidden = !section;
    $('mode-indicators').hidden = section;
  }

  function setWidth() {
    var preview = $('preview');
    ['w-320', 'w-390', 'w-768', 'w-full'].forEach(function (c) { preview.classList.remove(c); });
    preview.classList.add('w-' + (radioValue('width') || 'full'));
  }

  /** Copies a read-only textarea's text; says so in `status`, or selects it for Ctrl+C. */
  function copyText(area, status) {
    var text = area.value;
    var done = function () { status.textContent = '已复制到剪贴板 ✓ Copied to the clipboard'; };
    var fallback = function () {
      area.focus();
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch { ok = false; }
      if (ok) done();
      else status.textContent = '请按 Ctrl+C（Mac：⌘C）复制已选中的文字 · Press Ctrl+C (Mac: ⌘C) to copy the selected text';
    };
    status.textContent = '';
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  /** The file name of the image: what the chart shows, in safe characters. */
  function imageName(state) {
    var what = state.mode === 'section' ? state.section : state.indicators.join('+');
    return 'report-charts-' + String(what).replace(/[^a-z0-9+-]/gi, '').slice(0, 60) + '-' + state.lang + '@2x.png';
  }

  /**
   * The preview as a PNG at 2 device pixels per CSS pixel (the widget's toPNG draws it again at
   * that density: title and source are part of the drawing), saved through a temporary link to
   * a blob: URL, which the page's CSP allows (a download is no fetch and no image load).
   */
  function downloadImage() {
    var status = $('png-status');
    var state = lastState;
    status.textContent = '';
    if (!chart || !state) return Promise.resolve(null);
    return chart.toPNG({ pixelRatio: 2 }).then(function (blob) {
      var name = imageName(state);
      var url = URL.createObjectURL(blob);
      var link = el('a');
      link.href = url;
      link.download = name;
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      // The pixel size from the PNG header (width and height, big-endian, at bytes 16 and 20).
      return blob.slice(16, 24).arrayBuffer().then(function (bytes) {
        var view = new DataView(bytes);
        var size = view.getUint32(0) + ' × ' + view.getUint32(4);
        status.textContent = '已下载 ' + name + '（' + size + ' 像素） · Downloaded, ' + size + ' px';
        return blob;
      });
    }, function (error) {
      status.textContent = errorMessages(error).map(function (m) { return m.zh + ' ' + m.en; }).join(' ');
      return null;
    });
  }

  /** The indicators and sections of the data, into the picker and the section list. */
  function loadLists() {
    indicators = ReportCharts.indicators();
    indicators.forEach(function (indicator) { byId[indicator.id] = indicator; });
    var sectionSelect = $('section');
    var chosen = sectionSelect.value;
    clear(sectionSelect);
    ReportCharts.sections().forEach(function (section) {
      sectionsById[section.id] = section;
      var option = el('option', '', section.name.zh + ' · ' + section.name.en);
      option.value = section.id;
      sectionSelect.appendChild(option);
    });
    sectionSelect.value = sectionsById[chosen] ? chosen : (sectionsById['main-targets'] ? 'main-targets' : sectionSelect.value);
  }

  /** A data file picked by the editor: merged into the data, then the lists and the preview follow. */
  function mergeFile() {
    var file = $('data-file').files[0];
    var status = $('data-status');
    if (!file) return;
    file.text().then(function (text) {
      return ReportCharts.loadData(text, { merge: true });
    }).then(function (counts) {
      clear(status);
      bilingual(status, '已合并「' + file.name + '」：现有 ' + counts.indicators + ' 个指标。',
        'Merged “' + file.name + '”: ' + counts.indicators + ' indicators now.');
      clear($('indicator-list'));
      loadLists();
      buildPicker();
      filterPicker();
      renderSelected();
      return refresh();
    }, function (error) {
      clear(status);
      bilingual(status, '未能合并「' + file.name + '」，数据未变。', 'Could not merge “' + file.name + '”; the data is unchanged.');
      showStatus('error', errorMessages(error));
    });
  }

  function start() {
    loadLists();
    selected = DEFAULT_INDICATORS.filter(function (id) { return byId[id]; });
    if (!selected.length && indicators.length) selected = [indicators[0].id];

    buildPicker();
    filterPicker();
    renderSelected();
    setMode();
    setWidth();

    var form = $('builder');
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    $('search').addEventListener('input', filterPicker);
    form.addEventListener('change', function (event) {
      var target = event.target;
      if (target.name === 'mode') { setMode(); refresh(); }
      else if (target.name === 'chart' || target.name === 'lang' || target.name === 'section' || target.id === 'theme') refresh();
    });
    $('title').addEventListener('input', refresh);
    $('script-url').addEventListener('input', writeSnippet);
    $('sri').addEventListener('change', writeSnippet);
    hashOwnScript().then(writeSnippet);
    $('data-url').addEventListener('input', writeSnippet);
    $('data-file').addEventListener('change', mergeFile);
    Array.prototype.forEach.call(document.querySelectorAll('input[name="width"]'), function (radio) {
      radio.addEventListener('change', setWidth);
    });
    $('copy').addEventListener('click', function () { copyText($('snippet'), $('copy-status')); });
    $('copy-alt').addEventListener('click', function () { copyText($('alt'), $('copy-alt-status')); });
    $('png').addEventListener('click', downloadImage);
    document.body.classList.add('ready');
    return refresh();
  }

  function boot() {
    if (!window.ReportCharts) {
      showStatus('error', [{ zh: '未能加载 report-charts.js。', en: 'report-charts.js did not load.' }]);
      return;
    }
    ReportCharts.ready.then(start, function (error) {
      showStatus('error', errorMessages(error));
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
}());
