// Column evening (plain JS, runs in Chromium). CSS balancing gives the
// shortest height for a multicol text, but its last column can still end
// many lines short of the others. A layout editor evens the columns by
// adding a line of space above some subheads; this does the same, measuring
// each candidate in the browser and keeping the most even one.
(function () {
  'use strict';

  const BLOCKS = '.lead, .para, .subhead';

  // Which of the m movable subheads get an extra line when s of them do: spread out evenly.
  function looseIndexes(movable, count) {
    const picked = new Set();
    for (let i = 0; i < count; i += 1) picked.add(Math.min(movable - 1, Math.floor(((i + 0.5) * movable) / count)));
    return picked;
  }

  // Subheads that may take an extra line: every one not at the very top of the text.
  function movableSubheads(text) {
    return [...text.querySelectorAll('.subhead')].filter((subhead, i) => i > 0 || text.querySelector('.lead'));
  }

  function setLoose(text, count) {
    const subheads = movableSubheads(text);
    const picked = looseIndexes(subheads.length, count);
    subheads.forEach((subhead, i) => subhead.classList.toggle('subhead--loose', picked.has(i)));
  }

  // Bottom of each column's content, in lines from the top of the text block.
  function columnBottoms(text, grid) {
    const box = text.getBoundingClientRect();
    const bottoms = [];
    for (const block of text.querySelectorAll(BLOCKS)) {
      for (const rect of block.getClientRects()) {
        if (rect.height === 0) continue;
        const column = Math.round((rect.left - box.left) / (grid.col + grid.gutter));
        bottoms[column] = Math.max(bottoms[column] || 0, (rect.bottom - box.top) / grid.pitch);
      }
    }
    return bottoms;
  }

  // Lays the text out in `columns` columns of `height` lines, filled in order
  // (column-fill: auto, as on the page), with `loose` spaced subheads.
  function layoutText(text, columns, height, loose, grid) {
    const clone = text.cloneNode(true);
    const width = columns * grid.col + (columns - 1) * grid.gutter;
    clone.style.cssText =
      `position:absolute;visibility:hidden;left:0;top:0;overflow:hidden;column-fill:auto;` +
      `width:${width}px;height:${height * grid.pitch}px;column-count:${columns}`;
    document.body.appendChild(clone);
    setLoose(clone, loose);
    const fits = clone.scrollWidth <= clone.clientWidth + 1 && clone.scrollHeight <= clone.clientHeight + 1;
    const bottoms = columnBottoms(clone, grid);
    const stranded = strandedSubheads(clone).length;
    clone.remove();
    const filled = [];
    for (let c = 0; c < columns; c += 1) filled.push(bottoms[c] || 0);
    return { fits, stranded, spread: Math.max(...filled) - Math.min(...filled) };
  }

  // Subheads left at a column foot, their text starting in the next column.
  // (Chromium's break-after: avoid is not used: it breaks columns far too early.)
  function strandedSubheads(text) {
    return [...text.querySelectorAll('.subhead')].filter((subhead) => {
      const next = subhead.nextElementSibling;
      if (!next) return false;
      const head = subhead.getClientRects();
      const body = next.getClientRects();
      if (head.length === 0 || body.length === 0) return false;
      return Math.abs(body[0].left - head[head.length - 1].left) > 1;
    });
  }

  // The most even layout of the text in `columns` columns: the shortest height
  // that holds it, then as many spaced subheads as bring the last column level,
  // trying a line or two taller when spacing alone cannot.
  function evenText(text, columns, grid, movable) {
    const single = Math.ceil(text.getBoundingClientRect().height / grid.pitch - 0.01);
    let height = Math.max(1, Math.ceil(single / columns));
    while (!layoutText(text, columns, height, 0, grid).fits) height += 1;
    let best;
    for (let tall = height; tall <= height + 2; tall += 1) {
      for (let loose = 0; loose <= movable; loose += 1) {
        const shape = layoutText(text, columns, tall, loose, grid);
        if (!shape.fits) break;
        const score = shape.stranded * 1000 + Math.max(0, shape.spread - 1) * 100 + (tall - height) * 60 + loose;
        if (!best || score < best.score) best = { lines: tall, loose, spread: shape.spread, stranded: shape.stranded, score };
        if (shape.spread <= 1 && shape.stranded === 0) break;
      }
      if (best.spread <= 1 && best.stranded === 0) break;
    }
    return best;
  }

  // Per column count: the height in lines, the spaced subheads, and how even the columns end.
  function measureText(text, grid, candidates) {
    const movable = movableSubheads(text).length;
    const result = { lines: {}, loose: {}, spread: {} };
    // Measure the text as one plain column of the grid's width.
    const probe = text.cloneNode(true);
    probe.style.cssText = `position:absolute;visibility:hidden;left:0;top:0;height:auto;width:${grid.col}px;column-count:1`;
    document.body.appendChild(probe);
    for (const columns of candidates) {
      const best = evenText(probe, columns, grid, columns === 1 ? 0 : movable);
      result.lines[columns] = best.lines;
      result.loose[columns] = best.loose;
      result.spread[columns] = Math.round(best.spread * 100) / 100;
    }
    probe.remove();
    return result;
  }

  window.folio = Object.assign(window.folio || {}, { measureText, setLoose, columnBottoms, strandedSubheads });
})();
