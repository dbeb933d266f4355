/**
 * One preview rebuild of a general page (schema v2): the stages of
 * src/pipeline-page.ts up to the fit (content → assets → fonts → template →
 * the module solver with cropped images), then the fitted page made
 * servable. The report lists the placed modules, the same arrangement the CLI
 * and the batch summary read.
 */
import type { LoadedPage } from '../content/load.ts';
import { pagePhotos } from '../content/v2/page-parts.ts';
import { checkPhotoFiles, prepareImages } from '../assets/images.ts';
import { selectFontFaces } from '../assets/fonts.ts';
import { collectFontUses } from '../template/font-uses.ts';
import { renderPageHtml } from '../template/render-page.ts';
import { fitModules, type PageArrangement } from '../paginate/fit-modules.ts';
import { PRESETS } from '../defaults.ts';
import type { PreviewReport } from './fit-summary.ts';
import { toServedHtml } from './served-html.ts';
import { proofFindings } from './proof-findings.ts';
import type { PreviewPage, PreviewPageInput } from './preview-page.ts';

type Timed = <T>(stage: string, run: () => Promise<T>) => Promise<T>;

export async function buildGeneralPreviewPage(options: PreviewPageInput, loaded: LoadedPage, timed: Timed, timings: Record<string, number>): Promise<PreviewPage> {
  const { page } = loaded;
  const geometry = PRESETS[page.paper.preset]!;
  const photos = pagePhotos(page);
  await timed('assets', () => checkPhotoFiles(photos, loaded.dir));
  const fonts = await timed('fonts', () => selectFontFaces(collectFontUses(page), options.cacheDir));
  const rendered = await timed('template', () => renderPageHtml({ page, id: loaded.id, geometry, fontCss: fonts.css }));
  const fitted = await timed('fit', () =>
    options.fitter.fit({
      html: rendered.html,
      fit: (tab, resolveImages) => fitModules(tab, page, geometry, resolveImages),
      resolveImages: async (frames) => {
        const images = await prepareImages({ photos, editionDir: loaded.dir, frames, cacheDir: options.cacheDir });
        return Object.fromEntries(Object.entries(images).map(([id, image]) => [id, image.url]));
      },
    }),
  );
  const served = toServedHtml(fitted.html, geometry, options.files, undefined);
  return {
    id: loaded.id,
    title: rendered.title,
    html: served.html,
    report: summarizeArrangement(fitted.fit.arrangement),
    warnings: served.unserved.map((url) => `the page names ${url}, which is outside the folders the preview serves; it will not show`),
    findings: await proofFindings({ photos, paper: page.paper }, loaded.dir, fitted.fit.frames),
    timings,
  };
}

/** The fitting report of a general page: one row per placed module, by id. */
export function summarizeArrangement(a: PageArrangement): PreviewReport {
  return {
    rounds: a.rounds,
    totalLines: a.lines,
    blankLines: a.blankLines,
    modules: a.modules.map((m) => ({
      module: m.id,
      lines: m.lines,
      detail: `${m.kind}, columns ${m.column + 1}–${m.column + m.columns}, from line ${m.line + 1}${m.variant ? `: ${m.variant}` : ''}`,
      roomLines: m.blankLines,
    })),
    adjustments: [
      `placed by the page solver in ${a.solveMs} ms (${a.steps} steps)`,
      ...a.collisions.map(([x, y]) => `the headlines of ${x} and ${y} stand side by side (撞题): nothing else fitted`),
    ],
  };
}
