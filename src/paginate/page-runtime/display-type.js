// In-page runtime for the feature (plain JS, runs in Chromium): the headline,
// the deck and the subheads sized and broken to their measures before the
// page is measured. Loaded before fit.js, whose measure() calls it with the
// grid it read.
(function () {
  'use strict';

  const page = () => document.getElementById('folio-page');

  // Display type sized to its measure, as a layout editor sets a headline:
  // the widest line of the title fills the headline's width, the deck what
  // the byline leaves of it; line heights stay whole lines of the grid.
  function fitDisplayType(grid) {
    const headline = page().querySelector('.headline');
    if (!headline) return;
    const width = headline.getBoundingClientRect().width;
    fitToWidth(headline.querySelector('.headline__title'), '.nobreak', width * 0.98, 220, grid);
    // The deck runs up to the byline that stands at the end of its line.
    const byline = headline.querySelector('.byline');
    const room = byline ? width - naturalWidth(byline) - 2 * grid.gutter : width * 0.8;
    fitToWidth(headline.querySelector('.headline__deck'), null, room, 64, grid);
  }

  // A feature subhead's title hangs beside its label column (type.css): each
  // part of the title starts a line, and a part too long for the measure is
  // broken once between phrases where its two lines come out most even, as a
  // layout editor breaks a subhead (never 在突出 / 工业强县上见成效). A phrase wider
  // than the measure sets the title a little smaller (never below the body size).
  // `root` and `column` (px) set one text again at another measure (text-measure.js).
  function fitSubheads(grid, root = page(), column = grid.col) {
    const bodyPx = parseFloat(getComputedStyle(document.body).fontSize);
    const subheads = [...root.querySelectorAll('.subhead')]
      .map((subhead) => ({ subhead, title: subhead.querySelector('.subhead__title'), parts: [...subhead.querySelectorAll('.subhead__part')] }))
      .filter(({ title, parts }) => title && parts.length > 0);
    const phrasesOf = (part) => [...part.querySelectorAll('.subhead__phrase')];
    // Every width in one layout: measured one at a time, each probe cost a layout of the whole page.
    let widthOf = naturalWidths(subheads.flatMap(({ parts }) => parts.flatMap(phrasesOf)));
    const measures = new Map();
    for (const { subhead, title, parts } of subheads) {
      // The text is not in its columns yet: a column's width less the label column's.
      const measure = column - (subhead.getBoundingClientRect().width - title.getBoundingClientRect().width) - 0.5;
      measures.set(title, measure);
      const factor = Math.min(1, ...parts.flatMap(phrasesOf).map((phrase) => measure / widthOf.get(phrase)));
      if (factor >= 1) continue;
      const size = parseFloat(getComputedStyle(title).fontSize);
      title.style.fontSize = `${Math.max(bodyPx, Math.floor(size * factor * 4) / 4)}px`;
    }
    widthOf = naturalWidths(subheads.flatMap(({ parts }) => parts.flatMap(phrasesOf)));
    for (const { title, parts } of subheads) {
      for (const part of parts) breakEvenly(phrasesOf(part), widthOf, measures.get(title));
    }
  }

  // The break between phrases that leaves the longer of the two lines
  // shortest (on a tie, the longer line first); none if the part fits.
  function breakEvenly(phrases, widthOf, measure) {
    const widths = phrases.map((phrase) => widthOf.get(phrase));
    const total = widths.reduce((a, b) => a + b, 0);
    if (total <= measure) return;
    let best;
    let first = 0;
    for (let i = 1; i < phrases.length; i += 1) {
      first += widths[i - 1];
      const longest = Math.max(first, total - first);
      if (longest <= measure && (!best || longest < best.longest - 1 || (Math.abs(longest - best.longest) <= 1 && first > best.first))) best = { at: i, longest, first };
    }
    if (best) phrases[best.at].before(document.createElement('br'));
  }

  function fitToWidth(element, partSelector, target, maxPt, grid) {
    if (!element) return;
    const parts = partSelector ? [...element.querySelectorAll(partSelector)] : [element];
    const sizePx = parseFloat(getComputedStyle(element).fontSize);
    const widths = naturalWidths(parts);
    const widest = Math.max(...parts.map((part) => widths.get(part)));
    const fitted = Math.min((maxPt * 96) / 72, (sizePx * target) / widest);
    element.style.fontSize = `${fitted.toFixed(2)}px`;
    element.style.lineHeight = `${Math.ceil((fitted * 1.02) / grid.pitch) * grid.pitch}px`;
  }

  function naturalWidth(element) {
    return naturalWidths([element]).get(element);
  }

  // Unwrapped widths of elements, each cloned into its own parent (to keep its
  // styles): all probes go in, then all are read, so the page lays out once.
  function naturalWidths(elements) {
    const probes = elements.map((element) => {
      const probe = element.cloneNode(true);
      probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;display:inline-block;width:auto';
      element.parentElement.appendChild(probe);
      return [element, probe];
    });
    const widths = new Map(probes.map(([element, probe]) => [element, probe.getBoundingClientRect().width]));
    for (const [, probe] of probes) probe.remove();
    return widths;
  }

  window.folio = Object.assign(window.folio || {}, { fitDisplayType, fitSubheads });
})();
