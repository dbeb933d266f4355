// In-page runtime for general pages (plain JS, runs in Chromium): what the
// module scripts share — the page's modules, a module's parts, and the grid
// in CSS pixels (read from the preset's custom properties, never literals).
// Loaded first of them.
(function () {
  'use strict';

  const root = () => document.getElementById('folio-page');
  // Found by data-module-kind and data-part, never by class names: a custom template keeps those attributes.
  const moduleEls = () => [...root().querySelectorAll('[data-module-kind]')];
  const part = (el, name) => el.querySelector(`[data-part="${name}"]`);

  function gridPx() {
    const probe = document.createElement('div');
    probe.style.cssText = 'position:absolute;visibility:hidden;height:var(--pitch);width:var(--col);padding-left:var(--gutter)';
    document.body.appendChild(probe);
    const rect = probe.getBoundingClientRect();
    const gutter = parseFloat(getComputedStyle(probe).paddingLeft);
    probe.remove();
    return { pitch: rect.height, col: rect.width - gutter, gutter };
  }

  window.folio = Object.assign(window.folio || {}, { root, moduleEls, part, gridPx });
})();
