// In-page runtime for general pages (plain JS, runs in Chromium): a story's
// text in several columns set as shallow as it still fits (平衡栏), and what
// white it still leaves, reported to the solver in Node (moduleGaps). Loaded
// before modules.js, which calls evenText when it sets the arrangement.
(function () {
  'use strict';

  const { moduleEls: modules, part, gridPx } = window.folio;


  // 平衡栏: the text set as shallow as it still fits, so its columns end level and any line the module has
  // to spare stays white under all of them. The browser fills printed columns in order (a short story
  // over many columns would leave its last columns empty), so the height is searched, in whole lines.
  function evenText(text) {
    const pitch = gridPx().pitch;
    text.style.height = '';
    const room = Math.round(text.getBoundingClientRect().height / pitch);
    const fits = () => text.scrollWidth - text.clientWidth <= 1 && Math.max(0, ...[...text.children].map((c) => c.getBoundingClientRect().bottom)) <= text.getBoundingClientRect().bottom + 1;
    let low = 1;
    let high = room;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      text.style.height = `${mid * pitch}px`;
      if (fits()) high = mid;
      else low = mid + 1;
    }
    text.style.height = low < room ? `${low * pitch}px` : '';
    // Text that does not fit keeps the module's height: the overflow check and a jump's cut read it there.
    text.style.alignSelf = low < room ? 'start' : '';
    // The white the text leaves at the foot of its last column, down to the module's foot, and whole columns
    // it leaves empty (too little text for its columns): the solver hears of them.
    const grid = gridPx();
    const box = text.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(text);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const right = Math.max(box.left, ...rects.map((r) => r.right));
    const used = Math.max(1, Math.ceil((right - box.left + grid.gutter / 2) / (grid.col + grid.gutter)));
    const columns = Math.max(1, Math.round((box.width + grid.gutter) / (grid.col + grid.gutter)));
    const lastLeft = box.left + (used - 1) * (grid.col + grid.gutter) - 1;
    const lastBottom = Math.max(box.top, ...rects.filter((r) => r.left >= lastLeft).map((r) => r.bottom));
    const foot = text.closest('[data-module-id]').getBoundingClientRect().bottom;
    text.dataset.emptyColumns = String(Math.max(0, columns - used));
    text.dataset.footWhite = String(Math.max(0, Math.round((foot - lastBottom) / grid.pitch)));
    text.dataset.emptyDepth = String(Math.max(0, Math.round((foot - box.top) / grid.pitch)));
  }

  // Per story set in several columns: whole columns its text leaves empty and how deep (lines), and the
  // lines white under its last column down to the module's foot.
  function moduleGaps() {
    return modules().flatMap((el) => {
      const text = part(el, 'text');
      if (!text || text.dataset.footWhite === undefined) return [];
      return [{ module: el.dataset.moduleId, emptyColumns: Number(text.dataset.emptyColumns), emptyLines: Number(text.dataset.emptyDepth), footLines: Number(text.dataset.footWhite) }];
    });
  }

  window.folio = Object.assign(window.folio || {}, { evenText, moduleGaps });
})();
