// Paged.js extensions (plain JS, runs in Chromium). Folio extends Paged.js
// only through its Handler hooks. The page loads this file and Paged.js with
// `PagedConfig.auto` off; paginate.ts calls `folio.registerHandlers` and then
// starts the previewer, which initialises the handlers as it starts.
(function () {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';

  function registerHandlers(geometry, report) {
    const { Handler, registerHandlers: register } = window.Paged;

    // Crop marks outside the bleed: Paged.js's own `marks: crop` draws them inside
    // the bleed area, where bleeding content would cover them.
    class CropMarks extends Handler {
      afterPageLayout(pageElement) {
        const sheet = pageElement.querySelector('.pagedjs_sheet');
        if (!sheet) return;
        const { trimWidthMm: w, trimHeightMm: h, slugMm: s, bleedMm: b } = geometry;
        const svg = document.createElementNS(SVG, 'svg');
        svg.setAttribute('class', 'folio-crop-marks');
        svg.setAttribute('viewBox', `0 0 ${w + 2 * s} ${h + 2 * s}`);
        svg.setAttribute('width', `${w + 2 * s}mm`);
        svg.setAttribute('height', `${h + 2 * s}mm`);
        const near = b + 0.5; // start just beyond the bleed edge
        const far = s - 0.5;
        const xs = [s, s + w];
        const ys = [s, s + h];
        for (const x of xs) {
          svg.append(line(x, s - far, x, s - near), line(x, s + h + near, x, s + h + far));
        }
        for (const y of ys) {
          svg.append(line(s - far, y, s - near, y), line(s + w + near, y, s + w + far, y));
        }
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
