// In-page fitting runtime (plain JS: it runs in Chromium, not in Node).
// It measures the unpaginated page in whole baseline lines and applies the
// arrangement chosen by src/paginate/fit.ts. Node calls these functions
// through page.evaluate; they return plain JSON.
(function () {
  'use strict';

  const page = () => document.getElementById('folio-page');

  function pitchPx() {
    const probe = document.createElement('div');
    probe.style.cssText = 'position:absolute;visibility:hidden;height:var(--pitch);width:var(--col)';
    document.body.appendChild(probe);
    const rect = probe.getBoundingClientRect();
    const gutter = document.createElement('div');
    gutter.style.cssText = 'position:absolute;visibility:hidden;width:var(--gutter)';
    document.body.appendChild(gutter);
    const em = document.createElement('div');
    em.style.cssText = 'position:absolute;visibility:hidden;width:var(--body-size)';
    document.body.appendChild(em);
    const result = { pitch: rect.height, col: rect.width, gutter: gutter.getBoundingClientRect().width, em: em.getBoundingClientRect().width };
    probe.remove();
    gutter.remove();
    em.remove();
    return result;
  }

  function spanWidth(grid, span) {
    return span * grid.col + (span - 1) * grid.gutter;
  }

  // Lines each caption needs at each span. All the probes go in at once and
  // are read together: one layout, not one per caption and span.
  function captionLinesOf(figures, grid, spans) {
    const probes = [];
    for (const figure of figures) {
      const caption = figure.querySelector('.photo__caption');
      for (const span of spans) {
        const clone = caption.cloneNode(true);
        clone.style.cssText = `position:absolute;visibility:hidden;left:0;top:0;width:${spanWidth(grid, span)}px;height:auto`;
        document.body.appendChild(clone);
        probes.push({ figure, span, clone });
      }
    }
    const lines = new Map(figures.map((figure) => [figure, {}]));
    for (const { figure, span, clone } of probes) lines.get(figure)[span] = Math.ceil(clone.getBoundingClientRect().height / grid.pitch - 0.01);
    for (const { clone } of probes) clone.remove();
    return lines;
  }

  // Past the most photos Node listed, the choices stay those of the most.
  function textColumnsFor(candidates, count) {
    const most = Math.max(...Object.keys(candidates.textColumns).map(Number));
    return candidates.textColumns[Math.min(count, most)];
  }

  // The text columns Node's section fit can choose for this many photos (src/paginate/fit-sections.ts).
  function sectionText(text, grid, candidates) {
    const shape = window.folio.measureText(text, grid, candidates);
    return { textLines: shape.lines, looseSubheads: shape.loose, textSpread: shape.spread, staircase: shape.staircase };
  }

  function naturalLines(element, grid) {
    return Math.ceil(element.getBoundingClientRect().height / grid.pitch - 0.01);
  }

  // Where the baseline falls in a body line set in a face (px from the line top).
  function baselineIn(familyVar) {
    const line = document.createElement('div');
    line.style.cssText = `position:absolute;visibility:hidden;font-family:var(${familyVar});font-size:var(--body-size);line-height:var(--pitch)`;
    line.textContent = '字';
    const marker = document.createElement('span');
    marker.style.cssText = 'display:inline-block;width:0;height:0;vertical-align:baseline';
    line.append(marker);
    document.body.append(line);
    const offset = marker.getBoundingClientRect().top - line.getBoundingClientRect().top;
    line.remove();
    return offset;
  }

  // Faces with other vertical metrics put their baseline elsewhere in the same
  // line box; a relative shift puts caption and lead baselines on the body grid.
  function alignBaselines() {
    const shift = baselineIn('--font-body') - baselineIn('--font-caption');
    document.documentElement.style.setProperty('--caption-baseline-shift', `${shift.toFixed(3)}px`);
  }

  // `candidates` comes from Node (fit-page.ts): the spans a caption may be set at, and the text
  // column counts a section may use by its number of photos; the runtime restates no choice of the fit.
  function measure(candidates) {
    alignBaselines();
    // The grid does not change with the type sizes fitted below: read it once.
    const grid = pitchPx();
    window.folio.fitDisplayType(grid);
    window.folio.fitSubheads(grid);
    const root = page();
    // Before the text is measured: compression changes how many lines it takes.
    window.folio.squeezePunctuation(root);
    const head = root.querySelector('.module--head');
    const credit = root.querySelector('.page-credit');
    const gallery = root.querySelector('.module--gallery');
    const captions = captionLinesOf([...root.querySelectorAll('.photo')], grid, candidates.captionSpans);
    const photoInfo = (figure) => ({ id: figure.dataset.photo, captionLines: captions.get(figure), ...(figure.dataset.group ? { group: figure.dataset.group } : {}) });
    return {
      pitchPx: grid.pitch,
      colPx: grid.col,
      gutterPx: grid.gutter,
      totalLines: Math.round(root.getBoundingClientRect().height / grid.pitch),
      headLines: naturalLines(head, grid),
      creditLines: credit ? naturalLines(credit, grid) : 0,
      gallery: gallery ? [...gallery.querySelectorAll('.photo')].map(photoInfo) : [],
      sections: [...root.querySelectorAll('.module--section')].map((section) => ({
        id: section.dataset.section,
        name: section.dataset.module,
        bandLines: naturalLines(section.querySelector('.band'), grid),
        photos: [...section.querySelectorAll('.photo')].map(photoInfo),
        ...sectionText(section.querySelector('.section__text'), grid, textColumnsFor(candidates, section.querySelectorAll('.photo').length)),
      })),
    };
  }

  const lines = (n) => `calc(var(--pitch) * ${n})`;

  function applyPhoto(figure, placement) {
    figure.style.setProperty('--span', String(placement.span));
    figure.style.setProperty('--frame-lines-h', lines(placement.frameLines));
    figure.style.gridColumn = placement.column ? `${placement.column} / span ${placement.span}` : `span ${placement.span}`;
    figure.style.gridRow = placement.row ? `${placement.row} / span ${placement.rowSpan || 1}` : '';
    figure.dataset.frameLines = String(placement.frameLines);
    // A photo beside a deeper caption keeps that caption's lines, so frame edges stay aligned (fit-gallery-lead.ts).
    figure.style.minHeight = placement.captionLines ? lines(placement.frameLines + placement.captionLines) : '';
    // A 组图's caption, under its first photo, spans the whole group (fit-gallery-rows.ts).
    if (placement.captionSpan) {
      figure.dataset.captionSpan = String(placement.captionSpan);
      figure.style.setProperty('--caption-span', String(placement.captionSpan));
    } else {
      delete figure.dataset.captionSpan;
      figure.style.removeProperty('--caption-span');
    }
  }

  function apply(arrangement) {
    const root = page();
    const byId = new Map([...root.querySelectorAll('.photo')].map((f) => [f.dataset.photo, f]));
    const head = root.querySelector('.module--head');
    head.style.height = lines(arrangement.headLines);
    const gallery = root.querySelector('.module--gallery');
    if (gallery) gallery.style.height = lines(arrangement.galleryLines);
    for (const placement of arrangement.photos) applyPhoto(byId.get(placement.id), placement);
    const grid = pitchPx();
    for (const plan of arrangement.sections) {
      const section = root.querySelector(`[data-section="${CSS.escape(plan.id)}"]`);
      section.style.height = lines(plan.lines);
      const body = section.querySelector('.section__body');
      body.style.height = lines(plan.bodyLines);
      body.style.setProperty('--photo-span', String(plan.photoSpan));
      const text = section.querySelector('.section__text');
      const shape = window.folio.textShape(grid, plan.textSpan, plan.textColumns);
      text.style.setProperty('--text-columns', String(plan.textColumns));
      text.style.setProperty('--text-gap', `${shape.gap}px`);
      text.style.setProperty('--text-start', String(plan.photoSpan + 1));
      window.folio.setMeasure(text, shape.column, grid);
      window.folio.arrangeText(text, plan.looseSubheads);
      text.style.height = lines(plan.textLines);
    }
    // Once every photo has its span: a caption's measure is its frame's width.
    window.folio.setCaptions(root);
    return frames();
  }

  // Placed frame sizes in CSS points, for the image stage to crop to.
  function frames() {
    const toPt = 72 / 96;
    return [...page().querySelectorAll('.photo')].map((figure) => {
      const rect = figure.querySelector('.photo__frame').getBoundingClientRect();
      return { id: figure.dataset.photo, widthPt: rect.width * toPt, heightPt: rect.height * toPt };
    });
  }

  // Not awaited here: Paged.js waits for a page's images before it lays the
  // page out, and the frames are already sized, so the fit need not wait.
  async function setImages(urls) {
    for (const image of page().querySelectorAll('img.photo__image')) image.src = urls[image.dataset.photoId];
  }

  // Modules whose content is taller or wider than their box (a fixed box clips silently).
  function findOverflow() {
    const grid = pitchPx();
    const found = [];
    // Vertical: a child box reaching below the element (scrollHeight would also
    // count the ink of display type set tighter than its face's ascent).
    // Horizontal: multicol text that needs more columns than it has.
    const check = (element, name) => {
      const box = element.getBoundingClientRect();
      const bottoms = [...element.children].map((child) => child.getBoundingClientRect().bottom);
      const over = bottoms.length ? Math.max(...bottoms) - box.bottom : 0;
      const wide = element.scrollWidth - element.clientWidth;
      if (over > 1 || wide > 1) {
        found.push({ module: name, lines: Math.max(1, Math.ceil(over / grid.pitch)), columns: wide > 1 ? Math.ceil(wide / (grid.col + grid.gutter)) : 0 });
      }
    };
    const root = page();
    for (const module of root.querySelectorAll('.module')) check(module, module.dataset.module);
    for (const text of root.querySelectorAll('.section__text')) check(text, text.closest('.module').dataset.module);
    for (const overflow of window.folio.moduleOverflow ? window.folio.moduleOverflow() : []) found.push(overflow);
    check(root, '版面');
    return found;
  }

  function evenSection(sectionId, columns, span) {
    return window.folio.evenSection(sectionId, columns, span, pitchPx());
  }

  window.folio = Object.assign(window.folio || {}, { measure, apply, setImages, findOverflow, evenSectionText: evenSection, alignBaselines });
})();
