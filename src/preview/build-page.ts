/**
 * One preview rebuild: the stages of build() in src/pipeline.ts up to the fit
 * (content → assets → fonts → template → copyfit with cropped images), then
 * the fitted page made servable. Paged.js runs afterwards in the user's
 * browser, on this HTML.
 */
import { loadContent } from '../content/load.ts';
import { buildGeneralPreviewPage } from './build-general-page.ts';
import type { PreviewPage, PreviewPageInput } from './preview-page.ts';
import { checkPhotoFiles, prepareImages } from '../assets/images.ts';
import { selectFontFaces } from '../assets/fonts.ts';
import { collectFontUses } from '../template/font-uses.ts';
import { renderHtml } from '../template/render.ts';
import { PRESETS } from '../defaults.ts';
import { fitWarnings, summarizeFit } from './fit-summary.ts';
import { toServedHtml } from './served-html.ts';
import { t } from '../i18n/locale.ts';
import { proofFindings } from './proof-findings.ts';

export type { PreviewPage, PreviewPageInput } from './preview-page.ts';

export async function buildPreviewPage(options: PreviewPageInput): Promise<PreviewPage> {
  const timings: Record<string, number> = {};
  const timed = async <T>(stage: string, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      timings[stage] = Math.round(performance.now() - start);
    }
  };

  const content = await timed('content', () => loadContent(options.input, options.overrides));
  // A general page (stories, photos, boxes, ads) is fitted by the module solver.
  if ('page' in content) return buildGeneralPreviewPage(options, content, timed, timings);
  const loaded = content;
  const { edition } = loaded;
  const geometry = PRESETS[edition.paper.preset]!;
  await timed('assets', () => checkPhotoFiles(edition.photos, loaded.dir));
  const fonts = await timed('fonts', () => selectFontFaces(collectFontUses(edition), options.cacheDir));
  const rendered = await timed('template', () => renderHtml({ edition, id: loaded.id, geometry, fontCss: fonts.css }));
  const fitted = await timed('fit', () =>
    options.fitter.fit({
      html: rendered.html,
      resolveImages: async (frames) => {
        const images = await prepareImages({ photos: edition.photos, editionDir: loaded.dir, frames, cacheDir: options.cacheDir });
        return Object.fromEntries(Object.entries(images).map(([id, image]) => [id, image.url]));
      },
    }),
  );
  const served = toServedHtml(fitted.html, geometry, options.files, fitted.fit.overfull);
  const overfull = fitted.fit.overfull;
  const warnings = [
    ...(overfull ? [t('preview.overfull', { module: overfull.module, lines: overfull.missingLines })] : []),
    ...fitWarnings(fitted.fit),
    ...served.unserved.map((url) => `the page names ${url}, which is outside the folders the preview serves; it will not show`),
  ];
  return {
    id: loaded.id,
    title: rendered.title,
    html: served.html,
    report: summarizeFit(fitted.fit, fitted.display),
    warnings,
    findings: await proofFindings(edition, loaded.dir, fitted.fit.frames),
    timings,
  };
}
