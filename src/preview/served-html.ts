/**
 * Turns the fitted document into the page the preview serves: file:// URLs
 * (fonts, derived images) become server paths, and the head gets the same
 * page runtime and Paged.js that paginate.ts injects for the PDF, plus the
 * preview's page script and guide styles. The body, the print CSS and the
 * fitted inline styles are left exactly as the fit produced them.
 */
import path from 'node:path';
import { measureGeometry, type PageGeometry } from '../defaults.ts';
import { PAGE_RUNTIME_SCRIPTS } from '../paginate/runtime-files.ts';
import { CLIENT_DIR, PAGED_POLYFILL } from './asset-roots.ts';
import type { ServedFiles } from './served-files.ts';
import { messagesFor } from '../i18n/locale.ts';

export interface ServedHtml {
  html: string;
  /** file:// URLs that no served root holds: the browser could not load them. */
  unserved: string[];
}

// Quotes, brackets and whitespace end a URL in both attributes and CSS url().
const FILE_URL = /file:\/\/[^"'()\s<>]+/g;

/** The page runtime paginate.ts loads, in its order; page.js sets PagedConfig before the polyfill runs. */
const SCRIPTS = [...PAGE_RUNTIME_SCRIPTS, path.join(CLIENT_DIR, 'page.js'), PAGED_POLYFILL];
const GUIDES_CSS = path.join(CLIENT_DIR, 'guides.css');

export const CONFIG_ELEMENT_ID = 'folio-preview-config';
/** The safe area the trim guides show: type and pictures that must not be trimmed stay this far inside the trim. */
export const SAFE_MARGIN_MM = 5;

/** The section an over-full proof cut short (fit-overfull.ts): page.js marks it and the lines it lacks. */
export interface OverfullMark {
  sectionId?: string;
  module: string;
  missingLines: number;
}

export function toServedHtml(fittedHtml: string, geometry: PageGeometry, files: ServedFiles, overfull?: OverfullMark): ServedHtml {
  const unserved = new Set<string>();
  const html = fittedHtml.replace(FILE_URL, (match) => {
    // The serialiser escapes & in attribute values.
    const url = match.replaceAll('&amp;', '&');
    const served = files.toUrl(url);
    if (served === undefined) unserved.add(url);
    return served ?? match;
  });
  const headEnd = html.indexOf('</head>');
  if (headEnd < 0) throw new Error('the fitted page has no </head>');
  return { html: html.slice(0, headEnd) + previewHead(geometry, files, overfull) + html.slice(headEnd), unserved: [...unserved] };
}

function previewHead(geometry: PageGeometry, files: ServedFiles, overfull?: OverfullMark): string {
  const url = (file: string) => {
    const served = files.toUrl(file);
    if (served === undefined) throw new Error(`${file} is not in a served folder`);
    return served;
  };
  // JSON in a non-executing script element: the page's CSP allows no inline script. `<` is escaped so the text cannot close the element.
  const measured = measureGeometry(geometry);
  const grid = {
    pitchPt: geometry.linePitchPt,
    bodySizePt: geometry.bodySizePt,
    colPt: measured.columnWidth,
    gutterPt: measured.gutter,
    safeMm: SAFE_MARGIN_MM,
  };
  const config = JSON.stringify({ geometry, grid, overfull, messages: messagesFor('preview.page.') }).replaceAll('<', '\\u003c');
  return [
    '',
    `<script type="application/json" id="${CONFIG_ELEMENT_ID}">${config}</script>`,
    // data-pagedjs-ignore: Paged.js leaves this stylesheet alone instead of re-parsing it as print CSS.
    `<link rel="stylesheet" href="${url(GUIDES_CSS)}" data-pagedjs-ignore>`,
    ...SCRIPTS.map((file) => `<script defer src="${url(file)}"></script>`),
    '',
  ].join('\n');
}
