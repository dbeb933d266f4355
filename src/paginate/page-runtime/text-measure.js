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

  // Lays a text out as one plain column `column` px wide, out of sight.
  function asPlainColumn(element, column) {
    element.style.cssText = `position:absolute;visibility:hidden;left:0;top:0;height:auto;width:${column}px;column-count:1`;
    document.body.appendChild(element);
    return element;
  }

  // Per text, a detached copy of it set at each measure asked for (keyed by
  // width): setting a text at a measure squeezes every paragraph again, so it
  // is done once and shared by measuring, evening and the page's own text.
  const prepared = new WeakMap();

  function preparedAt(text, column, grid) {
    let byMeasure = prepared.get(text);
    if (!byMeasure) {
      byMeasure = new Map([[measureOf(text, grid).toFixed(1), text.cloneNode(true)]]);
      prepared.set(text, byMeasure);
    }
    const key = column.toFixed(1);
    if (!byMeasure.has(key)) {
      const copy = asPlainColumn(byMeasure.values().next().value.cloneNode(true), column);
      for (const para of copy.querySelectorAll('.para')) if (para.querySelector('.squeeze, .keep')) para.textContent = para.textContent;
      for (const br of copy.querySelectorAll('.subhead__part br')) br.remove();
      for (const title of copy.querySelectorAll('.subhead__title')) title.style.fontSize = '';
      copy.dataset.measure = String(column);
      window.folio.fitSubheads(grid, copy, column);
      window.folio.squeezePunctuation(copy);
      copy.remove();
      byMeasure.set(key, copy);
    }
    return byMeasure.get(key);
  }

  // A copy of the text set at `column` px, laid out as one plain column of that width, for measuring.
  function probeAt(text, column, grid) {
    return asPlainColumn(preparedAt(text, column, grid).cloneNode(true), column);
  }

  // Sets the page's own text at a column width of `column` px.
  function setMeasure(text, column, grid) {
    if (Math.abs(measureOf(text, grid) - column) < 0.5) return;
    const source = preparedAt(text, column, grid).cloneNode(true);
    text.replaceChildren(...source.childNodes);
    text.dataset.measure = String(column);
  }

  // Subheads of a laid-out text, as a layout editor reads a band for 撞题:
  // pairs in neighbouring columns whose lines come within a line of each
  // other (counted twice where they share a line), and the lines titles take past two.
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
        if (b.column !== a.column + 1) continue;
        if (a.top < b.bottom + 1 && b.top < a.bottom + 1) collisions += 1;
        if (a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) collisions += 1;
      }
    }
    return { collisions, tallLines: heads.reduce((sum, head) => sum + Math.max(0, head.lines - 2), 0) };
  }

  window.folio = Object.assign(window.folio || {}, { textShape, setMeasure, probeAt, subheadClash });
})();
