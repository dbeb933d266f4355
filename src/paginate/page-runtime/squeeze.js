// Punctuation compression (标点挤压) for justified body text, in the page
// (plain JS: it runs in Chromium). A professional system justifies a loose
// line first by setting some of its full-width marks half-width, which lets the
// next line's first character come up, and only then spaces the letters
// (clreq §3.1.5, 标点符号的挤压; GB/T 15834 allows it). Chromium trims marks at
// a line start and between adjacent marks (text-spacing-trim) but never
// compresses a mark to take one more character into a line, so its justified
// lines spread letters by up to a third of an em. This pass finds those lines
// and sets marks half-width with the font's `halt` feature (class
// `squeeze`, styles/type.css), the ones it must, only where that pulls the
// next line's first unit up.
(function () {
  'use strict';

  // Marks whose glyph is half ink and half space, so halt can drop the space.
  const COMPRESSIBLE = /[，。、；：？！“”‘’（）《》「」『』【】〔〕]/u;
  // What may not start a line (clreq basic): it travels with the character before it.
  const NO_LINE_START = /[，。、；：？！”’）》〉」』】〕…—·%]/u;
  const WORD = /[A-Za-z0-9.%]/;
  const CJK = /[\u3000-\u9fff\uff00-\uffef]/u;
  // A line looser than this (extra space per character, in em) is worth a squeeze.
  const LOOSE_EM = 0.15;
  // At most this many marks are set half-width to pull one unit up.
  const MAX_SQUEEZED = 3;

  // Lines of a paragraph laid out left-aligned: each is the
  // range of character offsets it holds and their natural width.
  function linesOf(node) {
    const range = document.createRange();
    const lines = [];
    let current = null;
    for (let i = 0; i < node.data.length; i += 1) {
      const rect = rectsAt(node, i, range)[0];
      if (!rect) continue;
      if (!current || rect.top > current.top + rect.height / 2) {
        current = { top: rect.top, left: rect.left, start: i, end: i + 1, right: rect.right };
        lines.push(current);
      } else {
        current.end = i + 1;
        current.right = rect.right;
      }
    }
    return lines;
  }

  // Characters from `start` that must go up together: one character (or one
  // run of Latin letters and digits) and the marks that may not start a line.
  function unitAt(text, start) {
    let end = start + 1;
    if (WORD.test(text[start])) while (end < text.length && WORD.test(text[end])) end += 1;
    while (end < text.length && NO_LINE_START.test(text[end])) end += 1;
    return { start, end };
  }

  // Marks that may be set half-width: not beside another mark (text-spacing-trim
  // already trims such pairs) and not an opening mark at the line start (trimmed too).
  function squeezable(text, offsets, lineStart) {
    return offsets.filter((i) => COMPRESSIBLE.test(text[i]) && !COMPRESSIBLE.test(text[i - 1] || '') && !COMPRESSIBLE.test(text[i + 1] || '') && i !== lineStart);
  }

  // The paragraph with its squeezed marks in spans; from `keepFrom` on, its
  // text is kept on one line (a span.keep), so no character ends it alone.
  function render(element, text, squeezed, keepFrom = text.length) {
    const nodes = (from, to) => {
      const parts = [];
      let at = from;
      for (const i of [...squeezed].filter((k) => k >= from && k < to).sort((a, b) => a - b)) {
        parts.push(document.createTextNode(text.slice(at, i)));
        const mark = document.createElement('span');
        mark.className = 'squeeze';
        mark.textContent = text[i];
        parts.push(mark);
        at = i + 1;
      }
      parts.push(document.createTextNode(text.slice(at, to)));
      return parts;
    };
    const parts = nodes(0, keepFrom);
    if (keepFrom < text.length) {
      const keep = document.createElement('span');
      keep.className = 'keep';
      keep.append(...nodes(keepFrom, text.length));
      parts.push(keep);
    }
    element.replaceChildren(...parts);
  }

  // A last line holding one character (and the marks that travel with it): 孤字.
  function lonelyLast(text, lines) {
    const last = lines[lines.length - 1];
    return lines.length > 1 && [...text.slice(last.start)].filter((c) => !NO_LINE_START.test(c)).length === 1;
  }

  // Where to keep the paragraph's end together so its last line holds two
  // characters: the character before the last line's, with the marks that
  // may not start a line in between.
  function keepStart(text, lines) {
    let at = lines[lines.length - 1].start - 1;
    while (at > 0 && NO_LINE_START.test(text[at])) at -= 1;
    return at;
  }

  // Offsets to squeeze in one paragraph, found on a left-aligned probe of it
  // (same parent, same width), so trials lay out one small box, not the page;
  // and, where squeezing cannot take a 孤字 up, where to keep the end together.
  function squeezeOffsets(para, emPx) {
    const text = para.textContent;
    const probe = para.cloneNode(true);
    // The used width, not the bounding box: a paragraph split over columns spans both.
    probe.style.cssText = `position:absolute;visibility:hidden;left:0;top:0;width:${getComputedStyle(para).width};text-align:left`;
    para.parentElement.appendChild(probe);
    const squeezed = new Set();
    const width = probe.getBoundingClientRect().width;
    const probeLeft = probe.getBoundingClientRect().left;
    // The probe's lines, read again only after a trial has changed it (reading costs a rect per character).
    let lines;
    let dirty = true;
    const relayout = () => {
      if (!dirty) return;
      render(probe, text, squeezed);
      lines = linesOf(probeText(probe));
      dirty = false;
    };
    try {
      for (let index = 0; ; index += 1) {
        relayout();
        if (index >= lines.length - 1) break;
        const line = lines[index];
        const slack = probeLeft + width - line.right;
        // Justification spaces only between CJK characters (text-justify: auto).
        const gaps = Math.max(1, [...text.slice(line.start, line.end)].filter((c) => CJK.test(c)).length - 1);
        // The line before a 孤字 may squeeze any of its marks to take it up.
        const lonely = index === lines.length - 2 && lonelyLast(text, lines);
        if (slack <= 0 && !lonely) continue;
        // A loose line may squeeze marks anywhere in it; any line may squeeze
        // its end mark (its own, or the one the pulled-up unit brings), as a
        // line-end mark is set half-width whenever that takes a character in.
        const loose = lonely || slack / gaps > LOOSE_EM * emPx;
        const unit = unitAt(text, line.end);
        const offsets = [];
        for (let i = line.end - 1; i >= (loose ? line.start : line.end - 1); i -= 1) offsets.push(i);
        // The unit's own last mark goes first: it is the new line end.
        const candidates = squeezable(text, [unit.end - 1, ...offsets], line.start)
          .filter((i) => !squeezed.has(i))
          .slice(0, MAX_SQUEEZED);
        const before = lines.length;
        for (let n = 1; n <= candidates.length; n += 1) {
          const trial = new Set([...squeezed, ...candidates.slice(0, n)]);
          render(probe, text, trial);
          dirty = true;
          const after = linesOf(probeText(probe));
          // Chromium may break before a dash that clreq keeps off a line start: such a trial is refused.
          const clean = after.every((l) => !NO_LINE_START.test(text[l.start]));
          if (after[index] && after[index].end >= unit.end && after.length <= before && clean) {
            for (const i of candidates.slice(0, n)) squeezed.add(i);
            break;
          }
        }
      }
      relayout();
      return { squeezed, keepFrom: lonelyLast(text, lines) ? keepStart(text, lines) : text.length };
    } finally {
      probe.remove();
    }
  }

  // The probe's text with each character's text node and offset: the squeeze
  // spans split it into several nodes.
  function probeText(probe) {
    const walker = document.createTreeWalker(probe, NodeFilter.SHOW_TEXT);
    const positions = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let k = 0; k < node.data.length; k += 1) positions.push([node, k]);
    }
    return { data: probe.textContent, positions };
  }

  function rectsAt(flat, i, range) {
    const [node, k] = flat.positions[i];
    range.setStart(node, k);
    range.setEnd(node, k + 1);
    return range.getClientRects();
  }

  /** Squeezes every justified body paragraph of the page, and keeps 孤字 off its last lines; returns how many marks it set half-width. */
  function squeezePunctuation(root) {
    let count = 0;
    for (const para of root.querySelectorAll('.section__text .para, [data-part="text"] .para')) {
      if (para.children.length > 0) continue; // already squeezed, or not plain text
      const emPx = parseFloat(getComputedStyle(para).fontSize);
      const { squeezed, keepFrom } = squeezeOffsets(para, emPx);
      if (squeezed.size > 0 || keepFrom < para.textContent.length) render(para, para.textContent, squeezed, keepFrom);
      count += squeezed.size;
    }
    return count;
  }

  window.folio = Object.assign(window.folio || {}, { squeezePunctuation });
})();
