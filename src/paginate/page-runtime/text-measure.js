// A section's text set in fewer, wider columns than the grid gives it (变栏,
// issue 19), in the page (plain JS: it runs in Chromium). A photo-less band of
// short articles whose subheads run to three or four lines in the grid's
// 13-character columns, one above the other in every column (a staircase), is
// set as a layout editor sets it: in 6 or 5 columns of whole characters over
// the same width, the width left over shared out as gutters. Subhead breaks and
// punctuation compression depend on the measure, so a text given another
// measure is set again at it: squeezed marks and subhead breaks are cleared and
// both are redone (display-type.js, squeeze.js).
(function () {
  'use strict';

  // The text's columns over `span` grid columns: `columns` of them, each a
  // whole number of body characters wide and at least a gutter apart.
  function textShape(grid, span, columns) {
    const width = span * grid.col + (span - 1) * grid.gutter;
    if (columns >= span) return { columns, width, column: grid.col, gap: grid.gutter };
    const chars = Math.floor((width - (columns - 1) * grid.gutter) / columns / grid.em + 1e-6);
    const column = chars * grid.em;
    return { columns, width, column, gap: (width - columns * column) / (columns - 1) };
  }

  // The measure a text is set at now: the grid's column until it is given another.
  function measureOf(text, grid) {
    return text.dataset.measure ? parseFloat(text.dataset.measure) : grid.col;
  }

  // Sets a text (the page's, or a probe of it) at a column width of `column` px.
  function setMeasure(text, column, grid) {
    if (Math.abs(measureOf(text, grid) - column) < 0.5) return;
    for (const para of text.querySelectorAll('.para')) if (para.querySelector('.squeeze, .keep')) para.textContent = para.textContent;
    for (const br of text.querySelectorAll('.subhead__part br')) br.remove();
    for (const title of text.querySelectorAll('.subhead__title')) title.style.fontSize = '';
    text.dataset.measure = String(column);
    window.folio.fitSubheads(grid, text, column);
    window.folio.squeezePunctuation(text);
  }

  // Subheads of a laid-out text, as a layout editor reads a band for 撞题:
  // pairs in neighbouring columns whose lines come within a line of each
  // other, and the lines titles take past two.
  function subheadClash(text, shape, grid) {
    const box = text.getBoundingClientRect();
    const heads = [];
    for (const subhead of text.querySelectorAll('.subhead')) {
      const rects = [...subhead.getClientRects()].filter((rect) => rect.height > 0);
      if (rects.length === 0) continue;
      const column = Math.round((rects[0].left - box.left) / (shape.column + shape.gap));
      const title = subhead.querySelector('.subhead__title') || subhead;
      const lines = Math.round(title.getBoundingClientRect().height / grid.pitch);
      const top = (rects[0].top - box.top) / grid.pitch;
      heads.push({ column, top, bottom: top + lines, lines });
    }
    let collisions = 0;
    for (const a of heads) {
      for (const b of heads) {
        if (b.column === a.column + 1 && a.top < b.bottom + 1 && b.top < a.bottom + 1) collisions += 1;
      }
    }
    return { collisions, tallLines: heads.reduce((sum, head) => sum + Math.max(0, head.lines - 2), 0) };
  }

  window.folio = Object.assign(window.folio || {}, { textShape, setMeasure, subheadClash });
})();
