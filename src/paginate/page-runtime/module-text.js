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
    // Filled column by column at the searched height: print balances columns around a forced break otherwise
    // than the screen does, and the page must print as it was measured.
    text.style.columnFill = 'auto';
    clearSubheadBreaks(text);
    const room = Math.round(text.getBoundingClientRect().height / pitch);
    const fits = () => text.scrollWidth - text.clientWidth <= 1 && Math.max(0, ...[...text.children].map((c) => c.getBoundingClientRect().bottom)) <= text.getBoundingClientRect().bottom + 1;
    const shallowest = () => {
      let low = 1;
      let high = room;
      while (low < high) {
        const mid = Math.floor((low + high) / 2);
        text.style.height = `${mid * pitch}px`;
        if (fits()) high = mid;
        else low = mid + 1;
      }
      text.style.height = `${low * pitch}px`;
      return low;
    };
    let low = shallowest();
    // 背题: first a line or two deeper, where the columns break with every subhead kept with its text;
    // failing that, a subhead left at a column foot with less than two lines of its text starts the next
    // column, and the height is searched again; text that then no longer fits is the overflow check's.
    for (let deeper = low; deeper <= Math.min(room, low + 2) && strandedSubheads(text, pitch).length > 0; deeper += 1) {
      text.style.height = `${deeper * pitch}px`;
      if (fits() && strandedSubheads(text, pitch).length === 0) low = deeper;
    }
    text.style.height = `${low * pitch}px`;
    for (let round = 0; round < 8; round += 1) {
      const stranded = strandedSubheads(text, pitch);
      if (stranded.length === 0) break;
      startColumn(stranded[0]);
      low = shallowest();
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

  // The screen keeps a subhead off a column foot (break-after: avoid) where print does not: the runtime
  // measures with no avoidance and places its own forced breaks, which both honour alike.
  function clearSubheadBreaks(text) {
    for (const subhead of text.querySelectorAll('.subhead')) {
      subhead.style.breakBefore = '';
      subhead.style.marginTop = '';
      subhead.style.breakAfter = 'auto';
    }
  }

  // A subhead moved on heads its column: the space above it would be white at the column's top (a forced
  // break keeps the margin).
  function startColumn(subhead) {
    subhead.style.breakBefore = 'column';
    subhead.style.marginTop = '0';
  }

  // Subheads whose text has fewer than two lines under them in their column and goes on in the next one.
  function strandedSubheads(text, pitch) {
    return [...text.querySelectorAll('.subhead')].filter((subhead) => {
      const next = subhead.nextElementSibling;
      if (!next || next.classList.contains('subhead')) return false;
      const head = subhead.getClientRects();
      const body = next.getClientRects();
      if (head.length === 0 || body.length === 0) return false;
      if (Math.abs(body[0].left - head[head.length - 1].left) > 1) return true;
      return body.length > 1 && body[0].height < 2 * pitch - 1;
    });
  }

  // The same for a story that fills its module (a jump's first part): each stranded subhead starts the next
  // column, in order; what that pushes past the module's foot is the jump's cut.
  function keepSubheads(text) {
    const pitch = gridPx().pitch;
    text.style.columnFill = 'auto';
    clearSubheadBreaks(text);
    for (let round = 0; round < 8; round += 1) {
      const stranded = strandedSubheads(text, pitch);
      if (stranded.length === 0) return;
      startColumn(stranded[0]);
    }
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

  window.folio = Object.assign(window.folio || {}, { evenText, keepSubheads, moduleGaps });
})();
