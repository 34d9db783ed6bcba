// Gallery controls: switch every chart's language and theme at once, through the same data
// attributes an editor writes (the loader redraws a chart when they change).
(function () {
  'use strict';
  function setAll(name, value) {
    document.querySelectorAll('[data-report-chart]').forEach(function (el) {
      if (value === 'as-designed') {
        el.setAttribute('data-' + name, el.getAttribute('data-designed-' + name) || (name === 'lang' ? 'zh' : 'light'));
      } else {
        el.setAttribute('data-' + name, value);
      }
    });
    document.querySelectorAll('report-chart').forEach(function (el) {
      if (value === 'as-designed') {
        el.setAttribute(name, el.getAttribute('data-designed-' + name) || (name === 'lang' ? 'zh' : 'light'));
      } else {
        el.setAttribute(name, value);
      }
    });
  }
  function remember() {
    document.querySelectorAll('[data-report-chart]').forEach(function (el) {
      ['lang', 'theme'].forEach(function (name) {
        el.setAttribute('data-designed-' + name, el.getAttribute('data-' + name) || '');
      });
    });
    document.querySelectorAll('report-chart').forEach(function (el) {
      ['lang', 'theme'].forEach(function (name) {
        el.setAttribute('data-designed-' + name, el.getAttribute(name) || '');
      });
    });
  }
  function wire(groupId, name) {
    var group = document.getElementById(groupId);
    group.addEventListener('click', function (event) {
      var button = event.target.closest('button');
      if (!button) return;
      group.querySelectorAll('button').forEach(function (b) { b.setAttribute('aria-pressed', String(b === button)); });
      setAll(name, button.value);
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    remember();
    wire('switch-lang', 'lang');
    wire('switch-theme', 'theme');
  });
})();
