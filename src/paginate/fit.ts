/**
 * Copyfit: chooses module heights, photo spans and photo heights, in whole
 * baseline lines, so that the type area is exactly full. It works on
 * measurements taken once in the browser (page-runtime/fit.js), so it is a
 * pure search over arrangements, not a search over full renders.
 */
import { OverflowError } from '../errors.ts';
import { t } from '../i18n/locale.ts';
import { FEATURE_COLUMNS, FIT_BOUNDS, minFrameLines, type FitBounds, type GridPx } from './fit-bounds.ts';
import { planGallery, type GalleryArrangement, type PhotoMeasure, type PhotoPlacement } from './fit-gallery.ts';
import { sectionOptions, textKey, type SectionOption } from './fit-sections.ts';

export type { PhotoMeasure, PhotoPlacement };

export interface SectionMeasure {
  id: string;
  name: string;
  bandLines: number;
  photos: PhotoMeasure[];
  /** Balanced height of the section's text, in lines, per text candidate (fit-sections.ts textKey: columns/span). */
  textLines: Record<string, number>;
  /** What evening spaced to level the columns (indexes, see even-columns.js), per text candidate. */
  looseSubheads: Record<string, number[]>;
  /** Lines between the longest and shortest column, per text candidate. */
  textSpread: Record<string, number>;
  /** How the subheads stand in the columns, per text candidate: estimated at measuring, exact once evened. */
  staircase?: Record<string, Staircase>;
}

/** Subheads in a laid-out text (page-runtime/text-measure.js, even-columns.js). */
export interface Staircase {
  /** Pairs of subheads in neighbouring columns within a line of each other (撞题). */
  collisions: number;
  /** Lines titles take past two. */
  tallLines: number;
  /** The columns level only with more space above some subheads than others. */
  uneven: boolean;
}

export interface PageMeasure extends GridPx {
  totalLines: number;
  headLines: number;
  creditLines: number;
  gallery: PhotoMeasure[];
  sections: SectionMeasure[];
}

export interface SectionPlan {
  id: string;
  name: string;
  lines: number;
  bodyLines: number;
  /** Height of the text columns: the text ends level there, even when photos make the body taller. */
  textLines: number;
  photoSpan: number;
  textColumns: number;
  /** Grid columns the text spans (the photos take the rest); more than textColumns is 变栏. */
  textSpan: number;
  looseSubheads: number[];
  /** Lines between the longest and the shortest text column. */
  textSpread: number;
  /** Lines of the body below the balanced text (0 when the text fills it). */
  blankLines: number;
}

export interface Arrangement {
  headLines: number;
  galleryLines: number;
  photos: PhotoPlacement[];
  sections: SectionPlan[];
  /** Lines left empty at the foot of the type area. */
  blankLines: number;
  cost: number;
}

/**
 * Picks the arrangement with the lowest cost. `extraLines` adds lines to a
 * section's text (used when the browser reports a section a line short).
 */
export function chooseArrangement(
  measure: PageMeasure,
  bounds: FitBounds = FIT_BOUNDS,
  extraLines: Readonly<Record<string, number>> = {},
): Arrangement {
  const moduleCount = 1 + (measure.gallery.length > 0 ? 1 : 0) + measure.sections.length;
  const available = measure.totalLines - measure.creditLines - (moduleCount - 1) * bounds.gapLines;
  const allOptions = measure.sections.map((section) => sectionOptions(section, bounds, measure, extraLines[section.id] ?? 0));
  const perSection = cheapestCombinations(allOptions);
  const gallery = planGallery(measure.gallery, available - measure.headLines, bounds, measure);
  let best: Arrangement | undefined;
  for (const combo of cartesian(perSection)) {
    const sectionLines = combo.reduce((sum, option) => sum + option.lines, 0);
    let left = available - measure.headLines - sectionLines;
    if (left < 0) continue;
    let galleryLines = 0;
    let galleryCost = 0;
    let galleryPhotos: PhotoPlacement[] = [];
    if (measure.gallery.length > 0) {
      // The gallery takes all the room it can; what its photos cannot take
      // (short content, photos at their tallest) goes to sections or stays blank.
      let fitted: GalleryArrangement | undefined;
      for (let lines = left; lines > 0 && !fitted; lines -= 1) fitted = gallery(lines);
      if (!fitted) continue;
      ({ lines: galleryLines, cost: galleryCost, photos: galleryPhotos } = fitted);
      left -= galleryLines;
    }
    const stretched = stretchSections(combo, left, bounds, measure);
    const cost = galleryCost + stretched.cost + stretched.blankLines * bounds.blankLineCost;
    if (best && cost >= best.cost) continue;
    best = {
      headLines: measure.headLines,
      galleryLines,
      photos: [...galleryPhotos, ...stretched.options.flatMap((option) => option.photos)],
      sections: stretched.options.map((option) => option.plan),
      blankLines: stretched.blankLines,
      cost,
    };
  }
  if (!best) throw overflowError(measure, available, bounds, allOptions);
  return best;
}

/**
 * Gives lines the gallery could not take to sections with photos, a line at a
 * time to whichever can still grow; what none can take stays blank.
 */
function stretchSections(options: SectionOption[], left: number, bounds: FitBounds, grid: GridPx) {
  const current = [...options];
  const added = options.map(() => 0);
  let blankLines = left;
  let grew = true;
  while (blankLines > 0 && grew) {
    grew = false;
    for (let i = 0; i < options.length && blankLines > 0; i += 1) {
      const taller = options[i]!.stretch?.(added[i]! + 1, bounds, grid);
      if (!taller) continue;
      current[i] = taller;
      added[i]! += 1;
      blankLines -= 1;
      grew = true;
    }
  }
  return { options: current, blankLines, cost: current.reduce((sum, o) => sum + o.cost, 0) };
}

function overflowError(measure: PageMeasure, available: number, bounds: FitBounds, perSection: SectionOption[][]) {
  const minimalSections = perSection.map((options) => Math.min(...options.map((option) => option.lines)));
  const galleryRows = Math.ceil(measure.gallery.length / bounds.maxPhotosPerRow);
  const minimalGallery =
    measure.gallery.length > 0 ? galleryRows * (minFrameLines(2, measure, bounds) + 1) + (galleryRows - 1) * bounds.gapLines : 0;
  const need = measure.headLines + minimalSections.reduce((a, b) => a + b, 0) + minimalGallery;
  const over = Math.max(1, need - available);
  const full = textKey(FEATURE_COLUMNS, FEATURE_COLUMNS);
  const largest = measure.sections.reduce((a, b) => ((b.textLines[full] ?? 0) > (a.textLines[full] ?? 0) ? b : a), measure.sections[0]!);
  const photos = measure.gallery.length + measure.sections.reduce((sum, s) => sum + s.photos.length, 0);
  return new OverflowError(
    t('overflow.fit', { module: largest.name, over, need, available, photos, minLines: bounds.minFrameLines }),
    { hint: t('overflow.fitHint') },
  );
}

/** Most section combinations tried; each section has up to four options, so ten sections would be a million (issue 16). */
const MAX_COMBINATIONS = 4096;

/** Drops the dearest option of the section with the most until the combinations are few enough. */
function cheapestCombinations(perSection: SectionOption[][]): SectionOption[][] {
  const kept = perSection.map((options) => [...options]);
  const product = () => kept.reduce((n, options) => n * Math.max(1, options.length), 1);
  while (product() > MAX_COMBINATIONS) {
    const widest = kept.reduce((a, b) => (b.length > a.length ? b : a));
    const dearest = widest.reduce((a, b) => (b.cost > a.cost ? b : a));
    widest.splice(widest.indexOf(dearest), 1);
  }
  return kept;
}

function* cartesian<T>(lists: T[][]): Generator<T[]> {
  if (lists.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = lists;
  for (const item of first!) for (const tail of cartesian(rest)) yield [item, ...tail];
}
