/**
 * Template stage for a general page (schema v2): the modules poured into
 * layouts/general.hbs, one partial per kind (partials/module-<kind>.hbs),
 * each root carrying data-module-id and data-module-kind for the page
 * runtime. Where the modules go is the page solver's choice, made later in
 * the browser stage; the HTML only lists them in reading order.
 */
import path from 'node:path';
import { FOLIO_ROOT, type PageGeometry } from '../defaults.ts';
import type { Page } from '../content/v2/page.ts';
import type { Module } from '../content/v2/modules.ts';
import { pageTitle } from '../content/v2/page-parts.ts';
import { TemplateError } from '../errors.ts';
import { compileTemplates, readStyles, STYLESHEETS, type RenderedHtml } from './render.ts';
import { isRunInByline } from './page-fields.ts';

export interface RenderPageHtmlInput {
  page: Readonly<Page>;
  id: string;
  geometry: PageGeometry;
  fontCss: string;
  templatesDir?: string;
  stylesDir?: string;
}

const PAGE_STYLESHEETS = [...STYLESHEETS, 'modules.css'];
const LAYOUT = 'general.hbs';

export async function renderPageHtml(input: RenderPageHtmlInput): Promise<RenderedHtml> {
  const templatesDir = input.templatesDir ?? path.join(FOLIO_ROOT, 'templates');
  const template = await compileTemplates(templatesDir, LAYOUT);
  const { css, ignoredCss } = await readStyles(input.stylesDir ?? path.join(FOLIO_ROOT, 'styles'), input.geometry, PAGE_STYLESHEETS);
  const { page } = input;
  const title = pageTitle(page);
  try {
    const html = template({
      edition: page,
      id: input.id,
      documentTitle: title,
      css,
      ignoredCss: `${input.fontCss}\n${ignoredCss}`,
      modules: page.modules.map(moduleView),
    });
    return { html, title };
  } catch (cause) {
    throw new TemplateError(`rendering ${path.join(templatesDir, 'layouts', LAYOUT)} failed`, {
      cause,
      hint: 'check that every partial the layout names exists in templates/partials/ (module-story, module-photo, module-box, module-ad, masthead)',
    });
  }
}

function moduleView(module: Module) {
  const partial = `module-${module.kind}`;
  switch (module.kind) {
    case 'story': {
      // （记者 X） runs into the first paragraph; 本报记者 X stands under the headline (page-fields.ts).
      const inline = isRunInByline(module.byline);
      const opener = [module.dateline, inline ? module.byline : undefined].filter(Boolean).join('');
      const first = module.body.findIndex((item) => typeof item === 'string');
      return {
        ...module,
        partial,
        vertical: module.headline.orientation === 'vertical',
        body: module.body.map((item, i) =>
          typeof item === 'string' ? { para: item, opener: i === first && opener ? opener : undefined } : { subhead: item.subhead },
        ),
        bylineLine: module.byline !== undefined && !inline,
        photos: module.photos.map((photo) => ({ ...photo, placeholder: photo.file === undefined })),
      };
    }
    case 'photo':
      return { ...module, partial, placeholder: module.file === undefined };
    case 'ad':
      return { ...module, partial, placeholder: module.file === undefined };
    default:
      return { ...module, partial };
  }
}
