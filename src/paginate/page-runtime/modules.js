// In-page runtime for general pages (plain JS, runs in Chromium): measures
// each module once, in grid units, and sets the arrangement the page solver
// chose in Node (src/paginate/fit-modules.ts, src/layout/). Modules are found
// by data-module-id and data-module-kind, never by class names, so a custom
// template that keeps those two attributes works. Evening a story's columns
// (module-text.js) and cutting a story for a jump (story-jumps.js) load before it.
(function () {
  'use strict';

  const { root, moduleEls: modules, part, gridPx } = window.folio;
  const lines = (n) => `calc(var(--pitch) * ${n})`;

  const spanPx = (grid, span) => span * grid.col + (span - 1) * grid.gutter;
  const linesOf = (el, grid) => (el ? Math.ceil(el.getBoundingClientRect().height / grid.pitch - 0.01) : 0);

  // One element laid out at each width, read after all are set: a layout per probe, not per read.
  function linesAtSpans(el, spans, grid) {
    const out = {};
    for (const span of spans) {
      el.style.width = `${spanPx(grid, span)}px`;
      out[span] = linesOf(el, grid);
    }
    el.style.width = '';
    return out;
  }

  // Width of the title's text on all its lines (text nodes only: an element's own box would count twice).
  function textWidth(element) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let width = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) width += rect.width;
    }
    return width;
  }

  function measureHeadline(head, spans, ladder, grid) {
    const title = head.querySelector('[data-part="title"]');
    const out = {};
    for (const span of spans) {
      out[span] = {};
      head.style.width = `${spanPx(grid, span)}px`;
      for (const size of ladder) {
        head.style.setProperty('--title-size', `${size}pt`);
        const lineHeight = parseFloat(getComputedStyle(title).lineHeight);
        // A part of the title kept whole (nowrap) that is wider than the span does not fit it at this size.
        const fits = title.scrollWidth <= title.clientWidth + 1;
        const titleLines = fits ? Math.round(title.getBoundingClientRect().height / lineHeight) : 99;
        // White beside the title's lines (a short line of a centred title leaves it at both sides), in px².
        const inked = textWidth(title);
        const white = Math.max(0, titleLines * title.clientWidth - inked) * lineHeight;
        out[span][size] = { lines: linesOf(head, grid), titleLines, white };
      }
    }
    head.style.width = '';
    head.style.removeProperty('--title-size');
    return out;
  }

  function measureStory(el, spans, ladder, grid) {
    const text = part(el, 'text');
    text.style.cssText = `column-count:1;height:auto;width:${grid.col}px`;
    window.folio.squeezePunctuation(el);
    const bodyLines = linesOf(text, grid);
    text.style.cssText = '';
    const photos = [...el.querySelectorAll('[data-photo]')].map((figure) => ({
      id: figure.dataset.photo,
      captionLines: linesAtSpans(figure.querySelector('.photo__caption'), spans, grid),
    }));
    const head = part(el, 'headline');
    if (el.dataset.orientation === 'vertical') return { bodyLines, headlines: {}, vertical: measureVertical(el, head, ladder, grid), photos };
    return { bodyLines, headlines: measureHeadline(head, spans, ladder, grid), photos };
  }

  // A 竖排 headline at each ladder size: the columns its vertical lines take, and its length in lines.
  // An orthogonal flow takes its inline size from the viewport, not its text: the text's own rects say how long it is.
  function measureVertical(el, head, ladder, grid) {
    return ladder.map((sizePt) => {
      head.style.setProperty('--title-size', `${sizePt}pt`);
      const box = head.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(head);
      const rects = [...range.getClientRects()];
      const height = Math.max(...rects.map((r) => r.bottom)) - box.top;
      const width = box.right - Math.min(...rects.map((r) => r.left));
      head.style.removeProperty('--title-size');
      return { sizePt, columns: Math.max(1, Math.ceil((width + grid.gutter) / (grid.col + grid.gutter) - 0.01)), lines: Math.ceil(height / grid.pitch - 0.01) };
    });
  }

  // Measures every module of the page: Node turns these into the options the solver searches.
  function measureModules(spans, ladder) {
    window.folio.alignBaselines();
    const grid = gridPx();
    const page = root();
    page.dataset.measuring = '';
    const out = modules().map((el) => {
      const base = { id: el.dataset.moduleId, kind: el.dataset.moduleKind };
      switch (base.kind) {
        case 'story':
          return { ...base, ...measureStory(el, spans, ladder, grid) };
        case 'photo':
          return { ...base, photos: [{ id: el.dataset.moduleId, captionLines: linesAtSpans(el.querySelector('.photo__caption'), spans, grid) }] };
        case 'box':
          return { ...base, linesAt: linesAtSpans(el, spans, grid) };
        default:
          return base;
      }
    });
    delete page.dataset.measuring;
    return { pitchPx: grid.pitch, colPx: grid.col, gutterPx: grid.gutter, modules: out };
  }

  function placeOn(el, p) {
    el.style.gridColumn = `${p.column + 1} / span ${p.columns}`;
    el.style.gridRow = `${p.line + 1} / span ${p.lines}`;
    el.dataset.top = String(p.line);
    el.dataset.left = String(p.column);
  }

  function applyStory(el, plan) {
    el.style.setProperty('--title-size', `${plan.titleSizePt}pt`);
    const photoWidth = `calc(var(--col) * ${plan.photoColumns} + var(--gutter) * ${plan.photoColumns - 1})`;
    el.style.gridTemplateColumns = plan.photoMode === 'stack' ? `${photoWidth} 1fr` : '100%';
    const rows = [];
    const areas = [];
    if (plan.verticalColumns) {
      // The 竖排 headline stands at the right, the length of the module; photos and text at its left.
      const k = plan.verticalColumns;
      el.style.gridTemplateColumns = `1fr calc(var(--col) * ${k} + var(--gutter) * ${k - 1})`;
      if (plan.photoMode === 'row') {
        rows.push(lines(plan.photoLines));
        areas.push('"photos head"');
      }
      rows.push('1fr');
      areas.push('"text head"');
      el.style.gridTemplateRows = rows.join(' ');
      el.style.gridTemplateAreas = areas.join(' ');
      rows.length = 0;
      areas.length = 0;
    }
    const across = (name) => (plan.photoMode === 'stack' ? `"${name} ${name}"` : `"${name}"`);
    const head = `${lines(plan.headLines)}`;
    if (plan.verticalColumns) {
      // set above
    } else if (plan.photoMode === 'row' && plan.photoTop) {
      rows.push(lines(plan.photoLines), head);
      areas.push(across('photos'), across('head'));
    } else {
      rows.push(head);
      areas.push(across('head'));
      if (plan.photoMode === 'row') {
        rows.push(lines(plan.photoLines));
        areas.push(across('photos'));
      }
    }
    if (!plan.verticalColumns) {
      rows.push('1fr');
      areas.push(plan.photoMode === 'stack' ? '"photos text"' : '"text"');
      el.style.gridTemplateRows = rows.join(' ');
      el.style.gridTemplateAreas = areas.join(' ');
    }
    el.dataset.photoMode = plan.photoMode;
    const photos = part(el, 'photos');
    photos.style.setProperty('--photo-columns', String(plan.photoColumns));
    for (const photo of plan.photos) {
      const figure = el.querySelector(`[data-photo="${CSS.escape(photo.id)}"]`);
      figure.style.setProperty('--span', String(photo.columns));
      figure.style.setProperty('--frame-lines-h', lines(photo.frameLines));
    }
    const text = part(el, 'text');
    text.style.setProperty('--text-columns', String(plan.textColumns));
  }

  // Sets the solver's arrangement on the page; returns the placed photo frames for the image stage.
  function applyModules(plans) {
    const byId = new Map(modules().map((el) => [el.dataset.moduleId, el]));
    for (const el of byId.values()) window.folio.restoreStory(el);
    for (const plan of plans) {
      const el = byId.get(plan.id);
      placeOn(el, plan);
      if (plan.kind === 'story') applyStory(el, plan);
      if (plan.kind === 'photo') el.style.setProperty('--frame-lines-h', lines(plan.frameLines));
    }
    // A story cut for a jump (转版) fills its module to the last line: it is not set shallower.
    for (const plan of plans) if (plan.kind === 'story' && plan.textColumns > 1 && !plan.jumpLines) window.folio.evenText(part(byId.get(plan.id), 'text'));
    // Once every photo has its span: a caption's measure is its frame's width.
    window.folio.setCaptions(root());
    const toPt = 72 / 96;
    return [...root().querySelectorAll('[data-photo]')].map((figure) => {
      const rect = figure.querySelector('.photo__frame').getBoundingClientRect();
      return { id: figure.dataset.photo, widthPt: rect.width * toPt, heightPt: rect.height * toPt };
    });
  }

  // Modules whose content is taller than their place, by id, in lines (text that needs more columns counts too).
  function moduleOverflow() {
    const grid = gridPx();
    const found = [];
    for (const el of modules()) {
      const box = el.getBoundingClientRect();
      const text = part(el, 'text') || part(el, 'content') || el;
      const bottoms = [...text.children].map((child) => child.getBoundingClientRect().bottom);
      const over = Math.max(0, ...bottoms) - box.bottom;
      const wide = text.scrollWidth - text.clientWidth;
      if (over > 1 || wide > 1) {
        const textBox = text.getBoundingClientRect();
        const spill = wide > 1 ? Math.ceil(wide / (grid.col + grid.gutter)) * Math.round(textBox.height / grid.pitch) : 0;
        const columns = Math.max(1, Math.round((textBox.width + grid.gutter) / (grid.col + grid.gutter)));
        found.push({ module: el.dataset.moduleId, lines: Math.max(1, Math.ceil(over / grid.pitch), Math.ceil(spill / columns)) });
      }
    }
    return found;
  }

  window.folio = Object.assign(window.folio || {}, { measureModules, applyModules, moduleOverflow });
})();
