// Preview-only page script (plain JS, runs in the proofed page, never in the
// PDF path). It hands Paged.js the same handlers paginate.ts registers, then,
// once the page is laid out, draws the proofing guides into each sheet, marks
// overflowing modules and tells the shell (the parent window) it is ready.
(function () {
  'use strict';

  const config = JSON.parse(document.getElementById('folio-preview-config').textContent);
  const { geometry, grid } = config;
  const post = (message) => {
    if (window.parent !== window) window.parent.postMessage(message, location.origin);
  };

  // Where the baseline falls in a body line (px from the line top), measured
  // in the laid-out page with its own fonts, as fit.js measures it.
  function baselineOffset(host) {
    const line = document.createElement('div');
    line.style.cssText = `position:absolute;visibility:hidden;font-family:var(--font-body);font-size:${grid.bodySizePt}pt;line-height:${grid.pitchPt}pt`;
    line.textContent = '字';
    const marker = document.createElement('span');
    marker.style.cssText = 'display:inline-block;width:0;height:0;vertical-align:baseline';
    line.append(marker);
    host.append(line);
    const offset = marker.getBoundingClientRect().top - line.getBoundingClientRect().top;
    line.remove();
    return offset;
  }

  function box(className, insetMm) {
    const element = document.createElement('div');
    element.className = `folio-guide ${className}`;
    element.style.inset = `${insetMm}mm`;
    return element;
  }

  // Trim, bleed and safe-area frames in the sheet (the sheet is the trim plus
  // the slug on every side); baseline grid and column bands over the type area.
  function drawGuides(sheet) {
    sheet.querySelector(':scope > .folio-guides')?.remove();
    const guides = document.createElement('div');
    guides.className = 'folio-guides';
    const slug = geometry.slugMm;
    guides.append(
      box('folio-guide--bleed', slug - geometry.bleedMm),
      box('folio-guide--trim', slug),
      box('folio-guide--safe', slug + grid.safeMm),
    );
    const typeArea = sheet.querySelector('#folio-page');
    if (typeArea) {
      const origin = sheet.getBoundingClientRect();
      const area = typeArea.getBoundingClientRect();
      const layer = document.createElement('div');
      layer.className = 'folio-guide-type';
      layer.style.cssText =
        `left:${area.left - origin.left}px;top:${area.top - origin.top}px;width:${area.width}px;height:${area.height}px;` +
        `--folio-pitch:${grid.pitchPt}pt;--folio-col:${grid.colPt}pt;--folio-gutter:${grid.gutterPt}pt;` +
        `--folio-baseline:${baselineOffset(typeArea)}px`;
      const baseline = document.createElement('div');
      baseline.className = 'folio-guide folio-guide--baseline';
      const columns = document.createElement('div');
      columns.className = 'folio-guide folio-guide--columns';
      layer.append(columns, baseline);
      guides.append(layer);
    }
    sheet.append(guides);
  }

  const say = (id, params) =>
    (config.messages[id] || id).replace(/\{(\w+)\}/g, (whole, name) => (params && params[name] !== undefined ? String(params[name]) : whole));

  // fit.js's findOverflow() names modules; mark those boxes (the type area for 版面),
  // and under each overflowing module draw the lines it lacks (issue 15, item 2).
  function markOverflow(entries) {
    for (const element of document.querySelectorAll('.folio-overflowing')) element.classList.remove('folio-overflowing');
    for (const element of document.querySelectorAll('.folio-overflow-missing')) element.remove();
    const worst = new Map();
    for (const entry of entries) {
      const known = worst.get(entry.module);
      if (!known || entry.lines > known.lines || entry.columns > known.columns) worst.set(entry.module, { ...entry, lines: Math.max(entry.lines, known ? known.lines : 0), columns: Math.max(entry.columns || 0, known ? known.columns || 0 : 0) });
    }
    // The section an over-full proof cut short is known by id, and the lines it lacks by the fit (sections may share a name).
    const overfull = config.overfull;
    if (overfull && overfull.sectionId) worst.set(overfull.module, { ...(worst.get(overfull.module) || { columns: 0 }), module: overfull.module, lines: overfull.missingLines });
    for (const entry of worst.values()) {
      const cut = overfull && overfull.sectionId && entry.module === overfull.module;
      const targets =
        entry.module === '版面'
          ? document.querySelectorAll('#folio-page')
          : [...document.querySelectorAll('.module[data-module]')].filter((m) => (cut ? m.dataset.section === overfull.sectionId : m.dataset.module === entry.module));
      for (const target of targets) {
        target.classList.add('folio-overflowing');
        target.dataset.folioOverflow = say(entry.columns ? 'preview.page.overflowColumns' : 'preview.page.overflowLines', entry);
        if (entry.module === '版面') continue;
        const missing = document.createElement('div');
        missing.className = 'folio-overflow-missing';
        missing.dataset.lines = String(entry.lines);
        missing.style.height = `${entry.lines * grid.pitchPt}pt`;
        missing.textContent = say('preview.page.missingLines', entry);
        target.append(missing);
      }
    }
  }

  // The laid-out sheets' extent: the shell sizes the frame to it, so the frame never scrolls.
  function pagesSize() {
    let width = 0;
    let height = 0;
    for (const page of document.querySelectorAll('.pagedjs_page')) {
      const rect = page.getBoundingClientRect();
      width = Math.max(width, rect.right + window.scrollX);
      height = Math.max(height, rect.bottom + window.scrollY);
    }
    return { width: Math.ceil(width), height: Math.ceil(height) };
  }

  function rendered(event) {
    if (event.type !== 'rendered') return;
    for (const sheet of document.querySelectorAll('.pagedjs_sheet')) drawGuides(sheet);
    markOverflow(event.overflow);
    document.documentElement.classList.add('folio-rendered');
    post({ type: 'folio:rendered', pages: event.pages, overflow: event.overflow, ...pagesSize() });
  }

  window.PagedConfig = {
    auto: true,
    before: () => window.folio.registerHandlers(geometry, rendered),
  };

  // Shortcuts work while the page has focus too: the shell decides what they do.
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    post({ type: 'folio:key', key: event.key });
  });
  window.addEventListener('error', (event) => post({ type: 'folio:page-error', message: String(event.message) }));
})();
