/**
 * Template stage: pours an edition into the Handlebars layout with the print
 * CSS inlined. The HTML is renderer-neutral (no Paged.js in it), so `--html`
 * output can be handed to pagedjs-cli or any paged-media tool.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { FOLIO_ROOT, measureGeometry, type PageGeometry } from '../defaults.ts';
import type { Edition, PhotoGroup } from '../content/schema.ts';
import { TemplateError } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import { HELPERS } from './helpers.ts';

export interface RenderHtmlInput {
  edition: Edition;
  id: string;
  geometry: PageGeometry;
  /** @font-face rules for the faces this edition uses. */
  fontCss: string;
  templatesDir?: string;
  stylesDir?: string;
}

export interface RenderedHtml {
  html: string;
  title: string;
}

export const STYLESHEETS = ['tokens.css', 'page.css', 'grid.css', 'type.css'];
const IGNORED_STYLESHEET = 'ignored.css';

export async function renderHtml(input: RenderHtmlInput): Promise<RenderedHtml> {
  const templatesDir = input.templatesDir ?? path.join(FOLIO_ROOT, 'templates');
  const stylesDir = input.stylesDir ?? path.join(FOLIO_ROOT, 'styles');
  const page = await compileTemplates(templatesDir, 'page.hbs');
  const { css, ignoredCss } = await readStyles(stylesDir, input.geometry, STYLESHEETS);
  const { edition } = input;
  const title = edition.title ?? [edition.headline.title, edition.headline.deck].filter(Boolean).join(' ');
  try {
    const html = page({
      edition,
      id: input.id,
      documentTitle: title,
      css,
      // Paged.js would parse every @font-face and force-load each file; the
      // browser alone loads the subsets the page uses.
      ignoredCss: `${input.fontCss}\n${ignoredCss}`,
      galleryPhotos: edition.photos.filter((photo) => photo.section === undefined).map((photo) => photoView(photo, edition.photoGroups)),
      sections: edition.sections.map((section) => ({
        ...section,
        photos: edition.photos.filter((photo) => photo.section === section.id).map((photo) => photoView(photo)),
      })),
    });
    return { html, title };
  } catch (cause) {
    throw new TemplateError(t('template.renderFailed', { file: path.join(templatesDir, 'layouts/page.hbs') }), {
      cause,
      hint: t('template.renderFailedHint'),
    });
  }
}

/**
 * A photo as the template sets it. The first photo of a 组图 carries the
 * group's caption and credit (the runtime widens that caption across the
 * group); the others print no caption under their frames (the schema lets
 * them have neither caption nor credit). Every photo keeps an alt text.
 */
function photoView(photo: Edition['photos'][number], groups: readonly PhotoGroup[] = []) {
  const group = groups.find((g) => g.photos.includes(photo.id));
  const view = { ...photo, placeholder: photo.file === undefined, alt: photo.caption ?? group?.caption };
  if (!group) return view;
  const first = group.photos[0] === photo.id;
  return { ...view, group: group.id, groupSize: group.photos.length, caption: first ? group.caption : undefined, credit: first ? group.credit : undefined };
}

/**
 * Compiled templates by their source text: a batch or a preview session
 * compiles each set once (4–5 ms a page otherwise), and an edited template
 * is compiled anew because its text changed.
 */
const compiled = new Map<string, HandlebarsTemplateDelegate>();
const COMPILED_KEPT = 8;

export async function compileTemplates(templatesDir: string, layout: string): Promise<HandlebarsTemplateDelegate> {
  const partialsDir = path.join(templatesDir, 'partials');
  const layoutFile = path.join(templatesDir, 'layouts', layout);
  let sources: { layout: string; partials: [string, string][] };
  try {
    const names = (await readdir(partialsDir)).filter((entry) => entry.endsWith('.hbs')).sort();
    const partials = await Promise.all(names.map(async (entry): Promise<[string, string]> => [entry.slice(0, -4), await readFile(path.join(partialsDir, entry), 'utf8')]));
    sources = { layout: await readFile(layoutFile, 'utf8'), partials };
  } catch (cause) {
    throw new TemplateError(t('template.cannotLoad', { dir: templatesDir }), { cause });
  }
  const key = JSON.stringify(sources);
  let template = compiled.get(key);
  if (!template) {
    const hbs = Handlebars.create();
    for (const [name, helper] of Object.entries(HELPERS)) hbs.registerHelper(name, helper);
    for (const [name, source] of sources.partials) hbs.registerPartial(name, source);
    template = hbs.compile(sources.layout, { noEscape: false });
    if (compiled.size >= COMPILED_KEPT) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, template);
  }
  return template;
}

/** The page's stylesheets with the geometry first, and the ones Paged.js must not parse. */
export async function readStyles(stylesDir: string, geometry: PageGeometry, names: readonly string[]) {
  const [styles, ignoredCss] = await Promise.all([
    Promise.all(names.map((name) => readStyle(stylesDir, name))),
    readStyle(stylesDir, IGNORED_STYLESHEET),
  ]);
  return { css: [geometryCss(geometry), ...styles].join('\n'), ignoredCss };
}

async function readStyle(stylesDir: string, name: string): Promise<string> {
  const file = path.join(stylesDir, name);
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw new TemplateError(t('template.cannotReadStylesheet', { file }), { cause });
  }
}

/** The geometry as CSS custom properties: the grid is defined once, in src/defaults.ts. */
export function geometryCss(geometry: PageGeometry): string {
  const m = measureGeometry(geometry);
  const pt = (value: number) => `${Number(value.toFixed(3))}pt`;
  return `:root {
  --trim-width: ${geometry.trimWidthMm}mm;
  --trim-height: ${geometry.trimHeightMm}mm;
  --bleed: ${geometry.bleedMm}mm;
  --slug: ${geometry.slugMm}mm;
  --columns: ${geometry.columns};
  --lines: ${geometry.lines};
  --col: ${pt(m.columnWidth)};
  --gutter: ${pt(m.gutter)};
  --type-width: ${pt(m.typeWidth)};
  --type-height: ${pt(m.typeHeight)};
  --margin-top: ${pt(m.marginTop)};
  --margin-bottom: ${pt(m.marginBottom)};
  --margin-side: ${pt(m.marginInside)};
  --body-size: ${pt(geometry.bodySizePt)};
  --pitch: ${pt(geometry.linePitchPt)};
}
/* Paged.js reads @page geometry with its own parser, which does not resolve var(). */
@page {
  size: ${geometry.trimWidthMm}mm ${geometry.trimHeightMm}mm;
  margin: ${pt(m.marginTop)} ${pt(m.marginInside)} ${pt(m.marginBottom)} ${pt(m.marginInside)};
  bleed: ${geometry.slugMm}mm;
}`;
}
