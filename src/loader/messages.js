// The only words the loader writes itself: those it needs before (or without) the wasm, when
// loading fails or a target is missing. Every other word comes from the wasm's words module
// (`info.words`, `info.columns`). Also how any failure becomes one line of text per language.

/**
 * What every rejection and throw of the API is: an `Error` whose `errors` lists each problem as
 * `{path, en, zh}` (the shape of the wasm's validation) and whose message is the first one's text,
 * in English until `inLanguage` gives it the chart's language.
 */
export class ReportChartsError extends Error {
  constructor(errors) {
    super(errors.length ? errors[0].en : '');
    this.name = 'ReportChartsError';
    this.errors = errors;
  }
}

/**
 * The error with its message in `lang` (a chart's `lang` option: Chinese unless it is `en`): a
 * copy, since one load failure is shared by every chart and by `ready`.
 */
export function inLanguage(error, lang) {
  if (!(error instanceof ReportChartsError) || !error.errors.length) return error;
  var message = lang === 'en' ? error.errors[0].en : error.errors[0].zh;
  if (message === error.message) return error;
  var copy = new ReportChartsError(error.errors);
  copy.message = message;
  return copy;
}

export function failure(path, en, zh) {
  return new ReportChartsError([{ path: path, en: en, zh: zh }]);
}

/**
 * What the wasm throws as a ReportChartsError: a validation result (a plain `{errors}` object), or
 * the text of a browser refusal (no 2d context). Errors pass through.
 */
export function asError(thrown) {
  if (thrown instanceof Error) return thrown;
  if (typeof thrown === 'string') return failure('wasm', thrown, thrown);
  if (!thrown || !Array.isArray(thrown.errors)) return thrown;
  return new ReportChartsError(thrown.errors);
}

export const loadFailures = {
  noWasm: function () {
    return failure('wasm', 'WebAssembly is unavailable in this browser', '此浏览器不支持 WebAssembly');
  },
  status: function (url, status) {
    return failure('wasm', url + ' answered ' + status, url + ' 返回 ' + status);
  },
  network: function (url, error) {
    var why = String(error && error.message ? error.message : error);
    return failure('wasm', url + ' could not be fetched (' + why + ')', url + ' 无法获取（' + why + '）');
  },
  notWasm: function (url, size, start) {
    var shown = JSON.stringify(start);
    var html = /^\s*</.test(start) ? ', an HTML page such as a server\'s error page' : '';
    var htmlZh = /^\s*</.test(start) ? '，像是网页（例如服务器的错误页）' : '';
    return failure('wasm', url + ' is not WebAssembly: ' + size + ' bytes starting ' + shown + html,
      url + ' 不是 WebAssembly 文件：' + size + ' 字节，开头为 ' + shown + htmlZh);
  },
  broken: function (url, size, error) {
    var why = String(error && error.message ? error.message : error);
    var bytes = size === null ? '' : ' (' + size + ' bytes: truncated or corrupted?)';
    var bytesZh = size === null ? '' : '（' + size + ' 字节：文件不完整或已损坏？）';
    return failure('wasm', url + ' could not be compiled' + bytes + ': ' + why, url + ' 无法编译' + bytesZh + '：' + why);
  },
  version: function (url, found, wanted) {
    return failure('wasm', url + ' is version ' + found + ' but the script is ' + wanted +
      ': a cached old file? Serve both files of one release', url + ' 的版本为 ' + found + '，脚本为 ' + wanted +
      '：可能是缓存的旧文件，请使用同一版本的两个文件');
  },
  integrity: function (url, size) {
    return failure('wasm', url + ' is not the file this script was built with (' + size + ' bytes, another hash): ' +
      'serve both files of one release, unchanged', url + ' 不是与此脚本一同构建的文件（' + size + ' 字节，校验值不符）：请原样使用同一版本的两个文件');
  },
  noTarget: function (target) {
    var what = JSON.stringify(String(target));
    return failure('target', 'target: expected an element or a selector that matches one, got ' + what,
      'target：应为元素或能匹配元素的选择器，实际为 ' + what);
  },
  destroyed: function () {
    return failure('chart', 'this chart was destroyed: make a new one with ReportCharts.render',
      '此图表已销毁：请用 ReportCharts.render 新建');
  },
  notOptions: function (value) {
    var what = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    var zh = { 'an array': '数组', string: '文本', number: '数字', boolean: '布尔值', 'function': '函数' }[what] || what;
    return failure('options', 'options: expected an object, got ' + what, 'options：应为对象，实际为 ' + zh);
  },
  notReady: function () {
    return failure('wasm', 'report-charts is still loading: wait for ReportCharts.ready', 'report-charts 仍在加载：请等待 ReportCharts.ready');
  },
  notDrawn: function () {
    return failure('png', 'the chart has not been drawn yet', '图表尚未绘制');
  },
  pixelRatio: function (value) {
    return failure('pixelRatio', 'pixelRatio: expected a number above 0, at most 8, got ' + String(value), 'pixelRatio：应为大于0、不超过8的数，实际为 ' + String(value));
  },
  png: function () {
    return failure('png', 'PNG export failed: the browser gave no image', 'PNG 导出失败：浏览器未生成图片');
  }
};

/** What JSON has no form for, refused with its path before the wasm sees it (snapshot.js). */
var KINDS_ZH = {
  'a BigInt': 'BigInt', 'a Symbol': 'Symbol', 'a function': '函数', 'a Date': 'Date 对象', 'a Set': 'Set',
  'a WeakSet': 'WeakSet', 'a WeakMap': 'WeakMap', 'a RegExp': '正则表达式', 'a Promise': 'Promise'
};

export function notJson(path, kind) {
  var zh = KINDS_ZH[kind] || kind.replace('a value nested more than ', '嵌套超过 ').replace(' levels deep', ' 层的值');
  return failure(path, path + ': expected a JSON value (text, number, true or false, list or object), got ' + kind,
    path + '：应为 JSON 值（文本、数字、true 或 false、列表或对象），实际为 ' + zh);
}

/** The page has a <report-chart> of its own: data-report-chart still works. */
export var TAKEN = {
  en: 'report-charts: this page already defines <report-chart>; use <div data-report-chart="…"> instead',
  zh: 'report-charts：此页面已自行定义 <report-chart>；请改用 <div data-report-chart="…">'
};

/** For the console only: the wasm trapped and a fresh instance takes over. */
export var RECOVERING = 'report-charts: internal fault; starting a fresh instance';

/** The English text of a failure: validation errors joined, or an exception's message. */
export function errorText(error) {
  if (error && error.errors && error.errors.length) {
    return error.errors.map(function (e) { return e.en; }).join('; ');
  }
  return String(error && error.message ? error.message : error);
}

/** A data file's failure in words that name the file: a download failure names it already, a validation error does not. */
export function namingFile(url, text) {
  return text.indexOf(url) >= 0 ? text : url + ': ' + text;
}

/** The Chinese text of a failure; an exception from the browser has only its own message. */
export function errorTextZh(error) {
  if (error && error.errors && error.errors.length) {
    return error.errors.map(function (e) { return e.zh; }).join('；');
  }
  return errorText(error);
}

/**
 * `work` as a listener or observer callback that never throws into the page: a page that patched
 * a built-in (a throwing Array.prototype.map) or any other fault is told on the console, and the
 * page's own scripts and error handlers go on undisturbed.
 */
export function guarded(work) {
  return function () {
    try {
      return work.apply(this, arguments);
    } catch (error) {
      if (window.console) console.error('report-charts: ' + errorText(error));
      return undefined;
    }
  };
}
