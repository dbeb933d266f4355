/**
 * The pipeline, as a table of contents: content → assets → template →
 * paginate → pdf. Each stage is one verb with typed input and output; this
 * file only orders them, times them and threads the abort signal.
 */
import path from 'node:path';
import { cutOffCopyWarnings } from './content/cut-off.ts';
import { loadContent, type LoadedEdition } from './content/load.ts';
import { checkPhotoFiles, prepareImages } from './assets/images.ts';
import { selectFontFaces } from './assets/fonts.ts';
import { loadSharp } from './assets/load-sharp.ts';
import { collectFontUses } from './template/font-uses.ts';
import { renderHtml } from './template/render.ts';
import { pageMarks, paginate } from './paginate/paginate.ts';
import { fitWarnings } from './paginate/fit-page.ts';
import { featureArrangement } from './paginate/feature-arrangement.ts';
import { postprocessPdf } from './pdf/postprocess.ts';
import { writeFileAtomic } from './pdf/write-atomic.ts';
import { resolvePressSettings } from './pdf/press/settings.ts';
import { buildPageWith } from './pipeline-page.ts';
import { leaseBrowser, outputsOf, mergePressSettings, type BuildOptions, type BuildResult, type Timed } from './pipeline-support.ts';
import { assertGlyphCoverage } from './preflight/glyphs.ts';
import { preflightEditionOf, photoImagesOf } from './preflight/preflight.ts';
import type { PhotoImage } from './preflight/types.ts';
import { htmlPathOf, writeOutputs } from './pipeline-outputs.ts';
import { refuseOutputOverInput } from './same-file.ts';
import { stepTimer } from './timing.ts';
import { ensureDir } from './files/ensure-dir.ts';
import { CACHE_DIR, DEFAULT_OUTPUT_DIR, PRESETS } from './defaults.ts';
import { t } from './i18n/locale.ts';

export type { BuildOptions, BuildResult } from './pipeline-support.ts';

export async function build(options: BuildOptions): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  const timed = stepTimer(timings, options.signal);

  // Chromium starts while the content is read and the page is built; a
  // failure before the browser is needed closes it again.
  const lease = leaseBrowser(options);
  try {
    return await buildWith(options, lease, timed, timings);
  } finally {
    await lease.release();
  }
}

async function buildWith(
  options: BuildOptions,
  lease: ReturnType<typeof leaseBrowser>,
  timed: Timed,
  timings: Record<string, number>,
): Promise<BuildResult> {
  const content = await timed('content', () => loadContent(options.input, options.overrides));
  // A general page (stories, photos, boxes, ads placed by the page solver) has its own path.
  if ('page' in content) return buildPageWith(options, content, lease, timed, timings);
  const loaded: LoadedEdition = content;
  const { edition } = loaded;
  // A character no font has would print as tofu: stop before the browser.
  await timed('glyphs', () => assertGlyphCoverage(loaded, path.relative(process.cwd(), loaded.file)));
  // Copy cut mid-sentence is printed as written, and named for an editor to mend.
  const copyWarnings = await cutOffCopyWarnings(loaded);
  const geometry = PRESETS[edition.paper.preset]!;
  const cacheDir = options.cacheDir ?? CACHE_DIR;
  const pdfPath = path.resolve(options.output ?? path.join(DEFAULT_OUTPUT_DIR, `${loaded.id}.pdf`));
  // An output folder that cannot be made fails now, not after the render (issue 15, item 10).
  await ensureDir(path.dirname(pdfPath));
  if (options.htmlOutput) await ensureDir(path.dirname(path.resolve(options.htmlOutput)));
  await ensureDir(cacheDir, 'cache');
  refuseOutputOverInput(outputsOf(options, pdfPath), [
    { path: loaded.file, role: t('role.editionFile') },
    ...edition.photos.flatMap((photo) => (photo.file ? [{ path: path.resolve(loaded.dir, photo.file), role: t('role.photoFile', { id: photo.id }) }] : [])),
  ]);

  const pressSettings = mergePressSettings(edition.paper.press, loaded.dir, options.pressSettings);
  const marks = pageMarks(resolvePressSettings(pressSettings).marks, [edition.paper.name, edition.paper.date, edition.paper.page].filter(Boolean).join(' '));
  await timed('assets', () => checkPhotoFiles(edition.photos, loaded.dir));
  const fonts = await timed('fonts', () => selectFontFaces(collectFontUses(edition), cacheDir));
  const rendered = await timed('template', () => renderHtml({ edition, id: loaded.id, geometry, fontCss: fonts.css, templatesDir: options.templatesDir }));
  if (options.htmlOutput) await writeFileAtomic(path.resolve(options.htmlOutput), rendered.html);

  // While Chromium finishes starting, load the image library the fit needs.
  loadSharp().catch(() => undefined);
  const browser = await timed('launch', () => lease.get());
  let photos: PhotoImage[] = [];
  const paged = await timed('paginate', () =>
    paginate({
      html: rendered.html,
      geometry,
      marks,
      browser,
      signal: options.signal,
      preview: options.png ?? false,
      allowedRoots: [loaded.dir, cacheDir],
      timeouts: options.timeouts,
      resolveImages: async (frames) => {
        const images = await prepareImages({ photos: edition.photos, editionDir: loaded.dir, frames, cacheDir });
        photos = photoImagesOf(edition.photos, images);
        return Object.fromEntries(Object.entries(images).map(([id, image]) => [id, image.url]));
      },
    }),
  );
  for (const [step, ms] of Object.entries(paged.timings)) timings[`paginate.${step}`] = ms;
  // Done with the browser: a browser of our own closes while the PDF is
  // finished and checked (build() still awaits the close before it returns).
  lease.release().catch(() => undefined);
  const pdf = await timed('pdf', () =>
    postprocessPdf(paged.pdf, geometry, {
      title: rendered.title,
      author: edition.byline,
      subject: edition.headline.deck,
      keywords: edition.keywords,
      lang: edition.lang,
    }),
  );
  const expected = { ...preflightEditionOf(loaded), photos };
  const written = await writeOutputs({ options, timed, pdfPath, pdf, png: paged.png, expected, pressSettings, blockedRequests: paged.blockedRequests });
  const warnings = [...copyWarnings, ...written.warnings, ...fitWarnings(paged.fit)];
  return {
    id: loaded.id,
    ...written,
    warnings,
    pdfPath,
    htmlPath: htmlPathOf(options),
    pages: paged.pages,
    fit: paged.fit,
    arrangement: featureArrangement(paged.fit, geometry),
    timings,
  };
}
