// Column evening (plain JS, runs in Chromium). CSS balancing gives the
// shortest height for a multicol text, but its last column can still end
// many lines short of the others. A layout editor evens the columns with
// space that keeps the space above every subhead of a band the same (issue
// 19): a line after a paragraph that another paragraph of its article follows,
// or a second line above all the band's subheads at once. Only where those
// cannot level the columns does a line go above single subheads, as before.
// Each candidate is measured in the browser; the most even one is kept.
(function () {
  'use strict';

  const BLOCKS = '.lead, .para, .subhead';

  // Subheads that may take an extra line: every one not at the very top of the text.
  function movableSubheads(text) {
    return [...text.querySelectorAll('.subhead')].filter((subhead, i) => i > 0 || text.querySelector('.lead'));
  }

  // Paragraphs that may take a line of space after them: those another paragraph of their article follows.
  function spaceableParagraphs(text) {
    return [...text.querySelectorAll('.para')].filter((para) => para.nextElementSibling && para.nextElementSibling.matches('.para'));
  }

  // What evening may space, by index: the spaceable paragraphs; then, if the
  // text has subheads below text, one index for all of them at once; then
  // each movable subhead on its own. `even` counts the first two kinds, which
  // keep the space above subheads the same.
  function spaceables(text) {
    const paragraphs = spaceableParagraphs(text);
    const subheads = movableSubheads(text);
    const airy = subheads.length > 0 ? 1 : 0;
    return { paragraphs, airy, subheads, even: paragraphs.length + airy, all: paragraphs.length + airy + subheads.length };
  }

  function setLoose(text, indexes) {
    const picked = new Set(indexes);
    const { paragraphs, airy, subheads } = spaceables(text);
    paragraphs.forEach((para, i) => para.classList.toggle('para--spaced', picked.has(i)));
    text.classList.toggle('section__text--airy', airy > 0 && picked.has(paragraphs.length));
    subheads.forEach((subhead, i) => subhead.classList.toggle('subhead--loose', picked.has(paragraphs.length + airy + i)));
  }

  // The page's own text gets the same spacing and subhead moves as its measured twin.
  function arrangeText(text, indexes) {
    setLoose(text, indexes);
    settleSubheads(text);
  }

  // Bottom of each column's content, in lines from the top of the text block.
  // `shape` (text-measure.js) gives the column step; the grid's by default.
  function columnBottoms(text, grid, shape) {
    const step = shape ? shape.column + shape.gap : grid.col + grid.gutter;
    const box = text.getBoundingClientRect();
    const bottoms = [];
    for (const block of text.querySelectorAll(BLOCKS)) {
      for (const rect of block.getClientRects()) {
        if (rect.height === 0) continue;
        const column = Math.round((rect.left - box.left) / step);
        bottoms[column] = Math.max(bottoms[column] || 0, (rect.bottom - box.top) / grid.pitch);
      }
    }
    return bottoms;
  }

  // One clone of the text laid out in the columns of `textShape` (text-measure.js),
  // filled in order (column-fill: auto, as on the page). `shape` re-lays it at a
  // height and with a set of spaced subheads; reusing the clone saves cloning
  // the text for every candidate.
  function makeLayout(text, textShape, grid) {
    const columns = textShape.columns;
    const clone = text.cloneNode(true);
    clone.style.cssText =
      `position:absolute;visibility:hidden;left:0;top:0;overflow:hidden;column-fill:auto;` +
      `width:${textShape.width}px;column-count:${columns};column-gap:${textShape.gap}px`;
    document.body.appendChild(clone);
    return {
      shape(height, loose, settle) {
        clone.style.height = `${height * grid.pitch}px`;
        setLoose(clone, loose);
        if (settle) settleSubheads(clone);
        else for (const subhead of clone.querySelectorAll('.subhead')) subhead.style.breakBefore = '';
        const fits = clone.scrollWidth <= clone.clientWidth + 1 && clone.scrollHeight <= clone.clientHeight + 1;
        const bottoms = columnBottoms(clone, grid, textShape);
        const filled = [];
        for (let c = 0; c < columns; c += 1) filled.push(bottoms[c] || 0);
        // The band foot: lines the last column ends short of the others, which may take evening's slack.
        const others = filled.slice(0, -1);
        const foot = others.length ? Math.max(0, Math.max(...others) - filled[columns - 1]) : 0;
        const spread = Math.max(...filled) - Math.min(...filled);
        return { fits, stranded: strandedSubheads(clone).length, spread, rest: foot > 0 ? Math.max(...others) - Math.min(...others) : spread, foot, last: filled[columns - 1] };
      },
      clash: () => window.folio.subheadClash(clone, textShape, grid),
      dispose: () => clone.remove(),
    };
  }

  // A subhead the layout leaves at a column foot starts the next column
  // instead; each such move can strand another, so settle them in turn.
  function settleSubheads(text) {
    for (const subhead of text.querySelectorAll('.subhead')) subhead.style.breakBefore = '';
    for (let round = 0; round < 8; round += 1) {
      const stranded = strandedSubheads(text);
      if (stranded.length === 0) return;
      stranded[0].style.breakBefore = 'column';
    }
  }

  // Subheads left at a column foot, their text starting in the next column.
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
  // that holds it, then the fewest spaced items that bring the columns level
  // with no subhead left at a column foot, a line or two taller when spacing
  // alone cannot. A subhead still stranded after that starts the next column.
  function evenText(text, textShape, grid, spaceable) {
    const columns = textShape.columns;
    const layout = makeLayout(text, textShape, grid);
    const single = Math.ceil(text.getBoundingClientRect().height / grid.pitch - 0.01);
    let height = Math.max(1, Math.ceil(single / columns));
    while (!layout.shape(height, [], true).fits) height += 1;
    // Space that keeps subhead spacing constant first; single subheads only if that fails.
    // (Collisions weigh in the choice among level layouts, not in whether one is level.)
    const weights = window.folio.spacingWeights(spaceable.paragraphs.length, spaceable.airy);
    let best = window.folio.searchSpacing(layout, height, spaceable.even, 0, 4, weights);
    if (best.level >= 100 && spaceable.all > spaceable.even) {
      const fallback = window.folio.searchSpacing(layout, height, spaceable.all - spaceable.even, spaceable.even, 2);
      if (fallback.level < best.level) best = fallback;
    }
    // What the page will really do: stranded subheads moved on. Grow until that fits.
    let shape = layout.shape(best.lines, best.loose, true);
    while (!shape.fits) {
      best.lines += 1;
      shape = layout.shape(best.lines, best.loose, true);
    }
    const clash = layout.clash();
    layout.dispose();
    // Spacing above single subheads makes the band's subhead spacing uneven.
    const uneven = best.loose.some((index) => index >= spaceable.even);
    return { lines: best.lines, loose: best.loose, spread: shape.spread, staircase: { ...clash, uneven } };
  }

  // A first estimate per column count: the shortest height that holds the text,
  // unspaced. The arrangement is chosen on these; only the counts it uses are
  // then evened (evenSection), which is where the measuring cost is.
  // `candidates` are {columns, span}: the text in `columns` columns over `span` grid columns.
  function measureText(text, grid, candidates) {
    const result = { lines: {}, loose: {}, spread: {}, staircase: {} };
    // One probe per measure: the grid's columns share one, each wider measure has its own.
    const probes = new Map();
    for (const { columns, span } of candidates) {
      const textShape = window.folio.textShape(grid, span, columns);
      const measureKey = textShape.column.toFixed(1);
      if (!probes.has(measureKey)) probes.set(measureKey, window.folio.probeAt(text, textShape.column, grid));
      const probe = probes.get(measureKey);
      const single = Math.ceil(probe.getBoundingClientRect().height / grid.pitch - 0.01);
      let height = Math.max(1, Math.ceil(single / columns));
      // One clone laid out at each height until the text fits, its subheads read once at the end.
      const layout = makeLayout(probe, textShape, grid);
      let shape = layout.shape(height, [], true);
      while (!shape.fits) shape = layout.shape((height += 1), [], true);
      const clash = layout.clash();
      layout.dispose();
      // Keyed as Node keys them (fit-sections.ts textKey).
      const key = `${columns}/${span}`;
      result.lines[key] = height;
      result.loose[key] = [];
      result.spread[key] = Math.round(shape.spread * 100) / 100;
      // An estimate, unspaced: evening (evenSection) tells whether the spacing stays even.
      result.staircase[key] = { ...clash, uneven: false };
    }
    for (const probe of probes.values()) probe.remove();
    return result;
  }

  // The evened layout of one section's text in `columns` columns over `span` grid columns.
  function evenSection(sectionId, columns, span, grid) {
    const text = document.querySelector(`[data-section="${CSS.escape(sectionId)}"] .section__text`);
    const textShape = window.folio.textShape(grid, span, columns);
    const probe = window.folio.probeAt(text, textShape.column, grid);
    const none = { paragraphs: [], airy: 0, even: 0, all: 0 };
    const best = evenText(probe, textShape, grid, columns === 1 ? none : spaceables(text));
    probe.remove();
    return { lines: best.lines, loose: best.loose, spread: Math.round(best.spread * 100) / 100, staircase: best.staircase };
  }

  window.folio = Object.assign(window.folio || {}, { measureText, evenSection, arrangeText, columnBottoms, strandedSubheads });
})();
