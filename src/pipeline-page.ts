/**
 * The pipeline for a general page (schema v2: stories, photos, boxes, ads,
 * furniture), in the same stages as the feature's: content → assets →
 * template → paginate (measure, solve in Node, apply, check) → pdf →
 * preflight. Only the template and the fit differ.
 */
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedPage } from './content/load.ts';
import { cutOffCopyWarnings } from './content/cut-off.ts';
import type { Page } from './content/v2/page.ts';
import { leadStory, pageAdFiles, pagePhotos } from './content/v2/page-parts.ts';
import { ContentError } from './errors.ts';
import { checkPhotoFiles, prepareImages } from './assets/images.ts';
import { selectFontFaces } from './assets/fonts.ts';
import { collectFontUses } from './template/font-uses.ts';
import { renderPageHtml } from './template/render-page.ts';
import { AD_MARK } from './template/page-fields.ts';
import { pageMarks, paginate } from './paginate/paginate.ts';
import { fitModules } from './paginate/fit-modules.ts';
import { proofAdsOf } from './paginate/proof-ads.ts';
import { postprocessPdf } from './pdf/postprocess.ts';
import { placeAds, type AdPlacement } from './pdf/place-ads.ts';
import { writeFileAtomic } from './pdf/write-atomic.ts';
import { resolvePressSettings } from './pdf/press/settings.ts';
import { assertGlyphCoverage } from './preflight/glyphs.ts';
import { photoImagesOf } from './preflight/preflight.ts';
import type { PhotoImage, PreflightEdition } from './preflight/types.ts';
import { htmlPathOf, writeOutputs } from './pipeline-outputs.ts';
import { refuseOutputOverInput } from './same-file.ts';
import { ensureDir } from './files/ensure-dir.ts';
import { CACHE_DIR, DEFAULT_OUTPUT_DIR, PRESETS } from './defaults.ts';
import { t } from './i18n/locale.ts';
import { outputsOf, mergePressSettings, type BuildOptions, type BuildResult, type leaseBrowser, type Timed } from './pipeline-support.ts';

/** The 眉头 fields a page cannot go to press without (issue 17). */
const FOLIO_LINE_FIELDS = ['name', 'date', 'page'] as const;

export async function buildPageWith(
  options: BuildOptions,
  loaded: LoadedPage,
  lease: ReturnType<typeof leaseBrowser>,
  timed: Timed,
  timings: Record<string, number>,
): Promise<BuildResult> {
  const { page } = loaded;
  const displayFile = path.relative(process.cwd(), loaded.file);
  await timed('glyphs', () => assertGlyphCoverage(loaded, displayFile));
  await checkAdFiles(page, loaded.dir, displayFile);
  // Copy cut mid-sentence is printed as written, and named for an editor to mend.
  const copyWarnings = await cutOffCopyWarnings(loaded);
  const geometry = PRESETS[page.paper.preset]!;
  const cacheDir = options.cacheDir ?? CACHE_DIR;
  const pdfPath = path.resolve(options.output ?? path.join(DEFAULT_OUTPUT_DIR, `${loaded.id}.pdf`));
  await ensureDir(path.dirname(pdfPath));
  if (options.htmlOutput) await ensureDir(path.dirname(path.resolve(options.htmlOutput)));
  const photos = pagePhotos(page);
  refuseOutputOverInput(outputsOf(options, pdfPath), [
    { path: loaded.file, role: t('role.editionFile') },
    ...photos.flatMap((photo) => (photo.file ? [{ path: path.resolve(loaded.dir, photo.file), role: t('role.photoFile', { id: photo.id }) }] : [])),
  ]);

  const pressSettings = mergePressSettings(page.paper.press, loaded.dir, options.pressSettings);
  const marks = pageMarks(resolvePressSettings(pressSettings).marks, [page.paper.name, page.paper.date, page.paper.page].filter(Boolean).join(' '));
  await timed('assets', () => checkPhotoFiles(photos, loaded.dir));
  const fonts = await timed('fonts', () => selectFontFaces(collectFontUses(page), cacheDir));
  const rendered = await timed('template', () => renderPageHtml({ page, id: loaded.id, geometry, fontCss: fonts.css, templatesDir: options.templatesDir }));
  if (options.htmlOutput) await writeFileAtomic(path.resolve(options.htmlOutput), rendered.html);

  const browser = await timed('launch', () => lease.get());
  let images: PhotoImage[] = [];
  const paged = await timed('paginate', () =>
    paginate({
      html: rendered.html,
      geometry,
      marks,
      browser,
      signal: options.signal,
      preview: options.png ?? false,
      previewAds: options.png ? proofAdsOf(pageAdFiles(page), loaded.dir, AD_MARK) : undefined,
      allowedRoots: [loaded.dir, cacheDir],
      timeouts: options.timeouts,
      fit: (tab, resolveImages) => fitModules(tab, page, geometry, resolveImages),
      resolveImages: async (frames) => {
        const prepared = await prepareImages({ photos, editionDir: loaded.dir, frames, cacheDir });
        images = photoImagesOf(photos, prepared);
        return Object.fromEntries(Object.entries(prepared).map(([id, image]) => [id, image.url]));
      },
    }),
  );
  for (const [step, ms] of Object.entries(paged.timings)) timings[`paginate.${step}`] = ms;
  timings['paginate.solve'] = paged.fit.arrangement.solveMs;
  lease.release().catch(() => undefined);
  const lead = leadStory(page);
  const printed = await timed('pdf', () =>
    postprocessPdf(paged.pdf, geometry, { title: rendered.title, author: lead?.byline, subject: lead?.headline.deck, keywords: page.keywords, lang: page.lang }),
  );
  // Supplied ads go in after printing, untouched, into the slots the solver kept for them.
  const ads = await timed('ads', () => placeAds(printed, suppliedAds(page, paged.fit.arrangement.modules), geometry, loaded.dir));
  const pdf = ads.pdf;
  const expected: PreflightEdition = { geometry, pages: 1, content: page, file: displayFile, photos: images };
  const written = await writeOutputs({ options, timed, pdfPath, pdf, png: paged.png, expected, pressSettings, blockedRequests: paged.blockedRequests });
  const warnings = [
    ...copyWarnings,
    ...folioLineWarnings(page),
    ...ads.warnings,
    ...written.warnings,
    ...paged.fit.arrangement.holes.map((hole) =>
      t(hole.why === 'empty' ? 'layout.emptyColumns' : hole.why === 'foot' ? 'layout.footWhite' : 'layout.hole', { id: hole.id, lines: hole.lines, columns: hole.columns, mm: Math.round((hole.lines * geometry.linePitchPt * 25.4) / 72) }),
    ),
    ...paged.fit.arrangement.collisions.map(([a, b]) => t('layout.collision', { a, b })),
  ];
  return {
    id: loaded.id,
    ...written,
    warnings,
    pdfPath,
    htmlPath: htmlPathOf(options),
    pages: paged.pages,
    arrangement: paged.fit.arrangement,
    timings,
  };
}

/** A page cannot go to press without its paper's name, date and page in the folio line (or masthead). */
function folioLineWarnings(page: Readonly<Page>): string[] {
  return FOLIO_LINE_FIELDS.filter((field) => page.paper[field] === undefined && !(field === 'page' && page.furniture.masthead)).map(
    (field) => t('preflight.missingFolioField', { field: `paper.${field}`, what: t(`preflight.folioField.${field}`) }),
  );
}

/** An ad file that is missing is named before the browser starts, at its line in the page file. */
async function checkAdFiles(page: Readonly<Page>, dir: string, file: string): Promise<void> {
  for (const [index, module] of page.modules.entries()) {
    if (module.kind !== 'ad' || module.file === undefined) continue;
    try {
      await access(path.resolve(dir, module.file), constants.R_OK);
    } catch (error) {
      throw new ContentError(t('layout.adMissing', { id: module.id, file: module.file }), {
        cause: error,
        location: { file, path: `modules[${index}].file` },
        hint: t('layout.adMissingFix'),
      });
    }
  }
}

/** The ad slots that hold a supplied file, where the solver placed them. */
function suppliedAds(page: Readonly<Page>, placed: readonly { id: string; column: number; line: number; columns: number; lines: number }[]): AdPlacement[] {
  return pageAdFiles(page).map(({ id, file }) => {
    const slot = placed.find((p) => p.id === id)!;
    return { id, file, column: slot.column, line: slot.line, columns: slot.columns, lines: slot.lines };
  });
}
