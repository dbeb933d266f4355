// Paged.js extensions (plain JS, runs in Chromium). Folio extends Paged.js
// only through its Handler hooks. The page loads this file and Paged.js with
// `PagedConfig.auto` off; paginate.ts calls `folio.registerHandlers` and then
// starts the previewer, which initialises the handlers as it starts.
(function () {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';
  /** One point in mm, the SVG marks' user unit. */
  const PT = 25.4 / 72;

  function registerHandlers(geometry, report) {
    const { Handler, registerHandlers: register } = window.Paged;

    // Marks outside the bleed (issue 20): Paged.js's own `marks: crop` draws them
    // inside the bleed area, where bleeding content would cover them, and at
    // the scale of the SVG. Lengths here are mm (the SVG's user unit); the
    // colours are the press colours (src/defaults.ts PRESS_COLOURS), which the
    // press stage sets as registration (every plate) or as one plate.
    class CropMarks extends Handler {
      afterPageLayout(pageElement) {
        const marks = geometry.marks || { mode: 'crop' };
        const sheet = pageElement.querySelector('.pagedjs_sheet');
        if (!sheet || marks.mode === 'none') return;
        const { trimWidthMm: w, trimHeightMm: h, slugMm: s, bleedMm: b } = geometry;
        const registration = marks.registration || '#000';
        const svg = document.createElementNS(SVG, 'svg');
        svg.setAttribute('class', 'folio-crop-marks');
        svg.setAttribute('viewBox', `0 0 ${w + 2 * s} ${h + 2 * s}`);
        svg.setAttribute('width', `${w + 2 * s}mm`);
        svg.setAttribute('height', `${h + 2 * s}mm`);
        const stroke = (element) => {
          element.setAttribute('stroke', registration);
          element.setAttribute('stroke-width', String(0.25 * PT)); // 0.25 pt in mm, not scaled by CSS
          element.setAttribute('fill', 'none');
          return element;
        };
        const near = b + 0.5; // start just beyond the bleed edge
        const far = s - 0.5;
        for (const x of [s, s + w]) svg.append(stroke(line(x, s - far, x, s - near)), stroke(line(x, s + h + near, x, s + h + far)));
        for (const y of [s, s + h]) svg.append(stroke(line(s - far, y, s - near, y)), stroke(line(s + w + near, y, s + w + far, y)));
        // Registration targets, centred on each side in the slug beyond the bleed.
        const middle = near + (far - near) / 2;
        const r = Math.min(2, (far - near) / 2 - 0.5);
        for (const [cx, cy] of [[s + w / 2, s - middle], [s + w / 2, s + h + middle], [s - middle, s + h / 2], [s + w + middle, s + h / 2]]) {
          svg.append(target(cx, cy, r, stroke));
        }
        if (marks.mode === 'slug') svg.append(...slugLine(marks, { w, h, s, middle, r }));
        svg.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none;z-index:10';
        sheet.append(svg);
      }
    }

    // Paged.js lays each page area out as CSS columns to find its breaks. Our
    // modules are fitted to a fixed page, and a multicol module nested in that
    // column context loses its balancing and breaks early, so once the page is
    // laid out its area goes back to a plain box.
    class UnnestColumns extends Handler {
      afterPageLayout(pageElement) {
        const area = pageElement.querySelector('.pagedjs_page_content');
        if (area) area.style.columnWidth = 'auto';
      }
    }

    // Overflow: pages beyond the design, and modules whose content exceeds their box.
    class OverflowReport extends Handler {
      afterRendered(pages) {
        report({ type: 'rendered', pages: pages.length, overflow: window.folio.findOverflow() });
      }
    }

    register(UnnestColumns, CropMarks, OverflowReport);
  }

  /** A registration target: a circle, a smaller filled one, and a cross through both. */
  function target(cx, cy, r, stroke) {
    const group = document.createElementNS(SVG, 'g');
    const circle = (radius) => {
      const c = document.createElementNS(SVG, 'circle');
      c.setAttribute('cx', String(cx));
      c.setAttribute('cy', String(cy));
      c.setAttribute('r', String(radius));
      return stroke(c);
    };
    group.append(circle(r), circle(r / 2), stroke(line(cx - r * 1.4, cy, cx + r * 1.4, cy)), stroke(line(cx, cy - r * 1.4, cx, cy + r * 1.4)));
    return group;
  }

  /**
   * The slug line under the trim: paper, date and page in registration colour
   * (on every plate), then each plate's letter in its own colour (on that
   * plate only: a platemaker sees which film it is), and a colour bar.
   */
  function slugLine(marks, { w, h, s, middle, r }) {
    const y = s + h + middle;
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('x', String(s + 4));
    text.setAttribute('y', String(y + 0.7));
    text.setAttribute('font-size', String(6.5 * PT));
    text.setAttribute('style', "font-family: 'Noto Sans SC'; font-weight: 400");
    text.setAttribute('fill', marks.registration);
    text.textContent = `${marks.slug || ''} `;
    for (const [plate, colour] of Object.entries(marks.plates || {})) {
      const span = document.createElementNS(SVG, 'tspan');
      span.setAttribute('fill', colour);
      span.textContent = ` ${plate}`;
      text.append(span);
    }
    const patches = [...Object.values(marks.plates || {}), marks.red].filter(Boolean);
    const size = 2 * r;
    const x0 = s + w / 2 + 3 * r;
    const bar = patches.map((colour, index) => {
      const patch = document.createElementNS(SVG, 'rect');
      patch.setAttribute('x', String(x0 + index * size * 1.2));
      patch.setAttribute('y', String(y - r));
      patch.setAttribute('width', String(size));
      patch.setAttribute('height', String(size));
      patch.setAttribute('fill', colour);
      return patch;
    });
    return [text, ...bar];
  }

  function line(x1, y1, x2, y2) {
    const element = document.createElementNS(SVG, 'line');
    element.setAttribute('x1', x1);
    element.setAttribute('y1', y1);
    element.setAttribute('x2', x2);
    element.setAttribute('y2', y2);
    element.setAttribute('stroke', '#000');
    element.setAttribute('stroke-width', '0.1');
    return element;
  }

  window.folio = Object.assign(window.folio || {}, { registerHandlers });
})();
