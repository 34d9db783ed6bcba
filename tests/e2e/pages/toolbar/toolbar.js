// A simulated 无障碍工具条 (accessibility toolbar), doing to the page what real ones do after the
// charts drew: inline styles on every element (colours, font sizes), a transform on a container,
// a filter on <html>, cross-hair guide lines under the pointer, a reader's stylesheet.
(function () {
  var elements = function () {
    return Array.prototype.filter.call(document.querySelectorAll('body, body *'), function (el) {
      return !/^(SCRIPT|STYLE|LINK)$/.test(el.tagName) && !el.classList.contains('guide');
    });
  };
  var guides = null;
  var follow = function (e) {
    // Counted before the guides move: an event whose target is a guide was taken from the page.
    if (e.target.classList && e.target.classList.contains('guide')) window.__stolen++;
    else window.__reached++;
    guides[0].style.top = (e.clientY - 1) + 'px';
    guides[1].style.left = (e.clientX - 1) + 'px';
  };
  window.__stolen = 0;
  window.__reached = 0;
  window.Toolbar = {
    /** 页面放大: a transform on the page's container. */
    zoom: function (factor) {
      var page = document.getElementById('page');
      page.style.transformOrigin = '0 0';
      page.style.transform = factor === 1 ? '' : 'scale(' + factor + ')';
    },
    /** 配色: one colour pair on every element, important, as toolbars write it; null resets. */
    colours: function (text, background) {
      elements().forEach(function (el) {
        if (text) {
          el.style.setProperty('color', text, 'important');
          el.style.setProperty('background-color', background, 'important');
        } else {
          el.style.removeProperty('color');
          el.style.removeProperty('background-color');
        }
      });
    },
    /** 文字放大: every element's computed font size times `factor`, read first, then written. */
    text: function (factor) {
      var all = elements();
      var sizes = all.map(function (el) { return parseFloat(getComputedStyle(el).fontSize); });
      all.forEach(function (el, i) { el.style.fontSize = sizes[i] * factor + 'px'; });
    },
    resetText: function () {
      elements().forEach(function (el) { el.style.removeProperty('font-size'); });
    },
    /** 反色: a filter on the root. */
    invert: function (on) {
      document.documentElement.style.filter = on ? 'invert(1)' : '';
    },
    /** 十字线: guide lines that follow the pointer and sit under it. */
    crosshair: function () {
      guides = ['guide guide-x', 'guide guide-y'].map(function (name) {
        var line = document.createElement('div');
        line.className = name;
        document.body.appendChild(line);
        return line;
      });
      document.addEventListener('pointermove', follow, true);
    },
    /** The text-spacing bookmarklet's rules, as a same-origin stylesheet (the page's CSP allows no inline style). */
    spacing: function () {
      return new Promise(function (resolve) {
        var link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = 'text-spacing.css';
        link.onload = resolve;
        document.head.appendChild(link);
      });
    },
  };
})();
