// In-page runtime for general pages (plain JS, runs in Chromium): measures
// each module once, in grid units, and sets the arrangement the page solver
// chose in Node (src/paginate/fit-modules.ts, src/layout/). Modules are found
// by data-module-id and data-module-kind, never by class names, so a custom
// template that keeps those two attributes works.
(function () {
  'use strict';

  const root = () => document.getElementById('folio-page');
  const modules = () => [...root().querySelectorAll('[data-module-kind]')];
  const part = (el, name) => el.querySelector(`[data-part="${name}"]`);
  const lines = (n) => `calc(var(--pitch) * ${n})`;

  function gridPx() {
    const probe = document.createElement('div');
    probe.style.cssText = 'position:absolute;visibility:hidden;height:var(--pitch);width:var(--col);padding-left:var(--gutter)';
    document.body.appendChild(probe);
    const rect = probe.getBoundingClientRect();
    const gutter = parseFloat(getComputedStyle(probe).paddingLeft);
    probe.remove();
    return { pitch: rect.height, col: rect.width - gutter, gutter };
  }

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

  // Sets the solver's arrangement on the page; returns the placed photo frames for the image stage.
  function applyModules(plans) {
    const byId = new Map(modules().map((el) => [el.dataset.moduleId, el]));
    for (const el of byId.values()) restoreStory(el);
    for (const plan of plans) {
      const el = byId.get(plan.id);
      placeOn(el, plan);
      if (plan.kind === 'story') applyStory(el, plan);
      if (plan.kind === 'photo') el.style.setProperty('--frame-lines-h', lines(plan.frameLines));
    }
    // A story cut for a jump (转版) fills its module to the last line: it is not set shallower.
    for (const plan of plans) if (plan.kind === 'story' && plan.textColumns > 1 && !plan.jumpLines) evenText(part(byId.get(plan.id), 'text'));
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

  // 转版 (issue 18). The story's text items (lead, body items, sign-off) as one run of characters: each
  // with its text node, its item and its offset in the item's own text (the dateline run into the first
  // paragraph is not the paragraph's text, so it takes no offset).
  function storyChars(text) {
    const chars = [];
    for (const item of text.querySelectorAll(':scope > [data-item]')) {
      const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
      let own = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const opener = node.parentElement.closest('.story__dateline') !== null;
        for (let k = 0; k < node.data.length; k += 1) chars.push({ node, k, item, own: opener ? 0 : own++ });
      }
    }
    return chars;
  }

  function charRect(c) {
    const range = document.createRange();
    range.setStart(c.node, c.k);
    range.setEnd(c.node, c.k + 1);
    return range.getClientRects()[0];
  }

  const within = (rect, box) => rect.right <= box.right + 0.5 && rect.bottom <= box.bottom + 0.5;

  // The first character the module does not show: past the foot of the text area, or in a column beyond its
  // right edge (a multi-column box that overflows adds columns there). It begins a line: a line is never split.
  function firstHidden(chars, box) {
    return chars.findIndex((c) => {
      const rect = charRect(c);
      return rect !== undefined && !within(rect, box);
    });
  }

  // The first character of the line before the one that starts at `at` (lines never cross items).
  function previousLineStart(chars, at) {
    let j = at - 1;
    const top = charRect(chars[j]).top;
    while (j > 0 && chars[j - 1].item === chars[j].item && Math.abs(charRect(chars[j - 1]).top - top) < 1) j -= 1;
    return j;
  }

  // A subhead is never the last thing of a first part: the cut moves to before it.
  function beforeSubhead(chars, at) {
    let cut = at;
    const startOf = (item) => chars.findIndex((c) => c.item === item);
    if (chars[cut].item.matches('.subhead')) cut = startOf(chars[cut].item);
    const previous = cut > 0 ? chars[cut - 1].item : null;
    if (chars[cut].own === 0 && previous && previous !== chars[cut].item && previous.matches('.subhead')) cut = startOf(previous);
    return cut;
  }

  // Removes the text from character `at` on; the cut paragraph's last line stays justified like any full line.
  function cutAt(text, chars, at) {
    const c = chars[at];
    const items = [...text.querySelectorAll(':scope > [data-item]')];
    const from = items.indexOf(c.item);
    const starts = chars.findIndex((x) => x.item === c.item) === at;
    for (const later of items.slice(starts ? from : from + 1)) later.remove();
    if (starts) return;
    const range = document.createRange();
    range.setStart(c.node, c.k);
    range.setEnd(c.item, c.item.childNodes.length);
    range.deleteContents();
    c.item.classList.add('story__cut');
  }

  // Ends a story cut by the solver at the last line that fits its module, with its jump line (下转第X版) at the
  // foot, and reports where: { item: 'lead' | body index | 'signoff', offset }. Null when all of it fits.
  function splitStory(id) {
    const el = modules().find((m) => m.dataset.moduleId === id);
    const text = part(el, 'text');
    if (el.folioText === undefined) el.folioText = text.innerHTML;
    const box = text.getBoundingClientRect();
    let cut = firstHidden(storyChars(text), box);
    if (cut < 0) return null;
    for (let tries = 0; tries < 8 && cut > 0; tries += 1) {
      text.innerHTML = el.folioText;
      const chars = storyChars(text);
      cut = beforeSubhead(chars, cut);
      if (cut <= 0) break;
      const c = chars[cut];
      const shorter = previousLineStart(chars, cut);
      cutAt(text, chars, cut);
      const jump = part(el, 'jump');
      jump.hidden = false;
      if (within(jump.getBoundingClientRect(), box) && firstHidden(storyChars(text), box) < 0) {
        const item = c.item.dataset.item;
        return { item: /^\d+$/.test(item) ? Number(item) : item, offset: c.own };
      }
      cut = shorter; // the jump line takes the last line: end one line earlier
    }
    throw new Error(`story "${id}" cannot be cut to fit its module with its jump line`);
  }

  // A story cut in an earlier round gets its whole text back before the page is set again.
  function restoreStory(el) {
    if (el.folioText === undefined) return;
    part(el, 'text').innerHTML = el.folioText;
    delete el.folioText;
  }

  window.folio = Object.assign(window.folio || {}, { measureModules, applyModules, moduleOverflow, moduleGaps, splitStory });
})();
