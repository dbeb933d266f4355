/**
 * The fitting report the preview toolbar shows: per module, the lines it got,
 * what the copyfit chose for it and how much room is left, plus the display
 * type fit.js sized. Built from the same FitReport the CLI summarises, as
 * plain JSON for the browser.
 */
import type { FitReport } from '../paginate/fit-page.ts';
import type { PhotoPlacement } from '../paginate/fit.ts';
import type { DisplayAdjustments } from './fit-document.ts';

export interface ModuleRow {
  module: string;
  lines: number;
  /** What the copyfit set for the module, in words. */
  detail: string;
  /** Lines of the module left empty under its text (0 when full). */
  roomLines: number;
}

export interface PreviewReport {
  rounds: number;
  /** Lines of the type area, and those left blank at its foot. */
  totalLines: number;
  blankLines: number;
  modules: ModuleRow[];
  adjustments: string[];
}

const photoText = (photo: PhotoPlacement) => `${photo.id} ${photo.span} col × ${photo.frameLines} lines`;

export function summarizeFit(fit: FitReport, display: DisplayAdjustments): PreviewReport {
  const { arrangement, measure } = fit;
  const byId = new Map(arrangement.photos.map((photo) => [photo.id, photo]));
  const placed = (ids: readonly { id: string }[]) => ids.map((p) => byId.get(p.id)).filter((p): p is PhotoPlacement => !!p);

  const modules: ModuleRow[] = [{ module: '头部', lines: arrangement.headLines, detail: headDetail(display), roomLines: 0 }];
  if (measure.gallery.length > 0) {
    const photos = placed(measure.gallery);
    modules.push({ module: '图片', lines: arrangement.galleryLines, detail: photos.map(photoText).join('; '), roomLines: 0 });
  }
  for (const plan of arrangement.sections) {
    const photos = placed(measure.sections.find((section) => section.id === plan.id)?.photos ?? []);
    const parts = [
      plan.textColumns < plan.textSpan
        ? `${plan.textColumns} wider text columns (变栏, over ${plan.textSpan} grid columns) of ${plan.textLines} lines`
        : `${plan.textColumns} text columns of ${plan.textLines} lines`,
      plan.photoSpan > 0 ? `beside ${plan.photoSpan}-column photos (${photos.map(photoText).join('; ')})` : '',
      // Evening's spacing: after a paragraph, above all subheads at once, or above one subhead (even-columns.js).
      plan.looseSubheads.length > 0 ? `${plan.looseSubheads.length} line space(s) added to even the columns` : '',
      plan.textSpread > 0 ? `columns end ${plan.textSpread} line${plan.textSpread === 1 ? '' : 's'} apart` : 'columns end level',
    ];
    modules.push({ module: plan.name, lines: plan.lines, detail: parts.filter(Boolean).join(', '), roomLines: plan.blankLines });
  }

  const adjustments: string[] = [];
  if (display.headlinePt !== undefined) adjustments.push(`headline set at ${display.headlinePt} pt to fill its measure`);
  if (display.deckPt !== undefined) adjustments.push(`deck set at ${display.deckPt} pt to fit beside the byline`);
  if (display.smallerSubheads > 0) adjustments.push(`${display.smallerSubheads} subhead(s) set smaller to keep each part to one line`);
  if (fit.rounds > 1) adjustments.push(`fitted in ${fit.rounds} rounds: sections the browser found short were given extra lines`);
  if (arrangement.blankLines > 0) adjustments.push(`${arrangement.blankLines} lines left blank at the foot: no module can take more`);

  return { rounds: fit.rounds, totalLines: measure.totalLines, blankLines: arrangement.blankLines, modules, adjustments };
}

function headDetail(display: DisplayAdjustments): string {
  const sizes = [
    display.headlinePt !== undefined ? `headline ${display.headlinePt} pt` : '',
    display.deckPt !== undefined ? `deck ${display.deckPt} pt` : '',
  ].filter(Boolean);
  return sizes.length > 0 ? sizes.join(', ') : 'natural height';
}

export { fitWarnings } from '../paginate/fit-page.ts';
