/**
 * The story kind, Node side: from one measurement of a story (taken in the
 * browser, in one grid column) to every rectangle it can take, priced. The
 * arithmetic is in column-lines (docs/design/general-pages.md, section 5): a
 * module of w columns and H body lines holds w·H of them; a photo of p
 * columns and h lines takes p·h; the body needs `bodyLines`.
 */
import { photoBlocks, type PhotoBlock, type PhotoMeasure } from './photo-block.ts';
import type { KindGrid } from './kind-grid.ts';
import type { ModuleOption, SolverModule } from '../types.ts';

export interface StoryMeasure {
  id: string;
  rank: number;
  /** The headline, for messages. */
  name: string;
  /** Lines the body needs in one grid column: dateline, lead, paragraphs, subheads, sign-off. */
  bodyLines: number;
  /** The headline block, by span and then by headline size (pt): measured for every pair the kind asks for. */
  headlines: Record<number, Record<number, { lines: number; titleLines: number; white?: number }>>;
  /** A vertical (竖排) headline at each size measured: the columns it takes beside the text and the lines it needs; none for a horizontal one. */
  vertical?: VerticalHeadline[];
  photos: PhotoMeasure[];
  /** Whole columns the text left empty in a round set in this many text columns. */
  ragged?: Record<number, number>;
  pin?: SolverModule['pin'];
}

/** Prices, against one white line in one column (KindGrid.blankLineCost). */
const COST = {
  /** Each step of the headline ladder below the rank's own size. */
  headlineStep: 6,
  /** Each column narrower or wider than the span range of the story's rank. */
  span: 12,
  /** A module shallower than this many lines per column reads as a strip. */
  shallowLines: 8,
  shallow: 20,
  /** A column-line left white inside the module (text beside a taller stack of photos). */
  white: 1,
  /** A column-line of white beside a short title line: it reads as a hole at the top of the module. */
  titleWhite: 3,
  /**
   * Each line a text column is left white beyond the grid's hole limit (short text beside a taller photo
   * or vertical headline), per column: such a hole is a blank square on the page, so any other shape wins.
   */
  hole: 40,
  /** Opening with the photo instead of the headline: fine, slightly less usual. */
  photoTop: 1,
} as const;

export interface VerticalHeadline {
  sizePt: number;
  columns: number;
  lines: number;
}

export function storyOptions(story: StoryMeasure, grid: KindGrid): ModuleOption[] {
  if (!story.vertical) {
    // The lead story keeps the page's largest headline at every span it takes; a size smaller only when it fits nowhere.
    const own = spanOptions(story, grid, undefined, false);
    return own.length > 0 || story.rank > 1 ? own : spanOptions(story, grid, undefined, true);
  }
  // A 竖排 headline may be set at any size of the ladder up to its rank's: the one that ends level with the text wins.
  const own = Math.min(story.rank - 1, grid.headlineLadder.length - 1);
  return story.vertical.flatMap((vertical) => {
    const steps = Math.max(0, grid.headlineLadder.indexOf(vertical.sizePt) - own);
    if (grid.headlineLadder.indexOf(vertical.sizePt) < own) return [];
    return spanOptions(story, grid, vertical).map((o) => ({ ...o, cost: o.cost + steps * COST.headlineStep }));
  });
}

function spanOptions(story: StoryMeasure, grid: KindGrid, vertical: VerticalHeadline | undefined, stepDown = false): ModuleOption[] {
  const options: ModuleOption[] = [];
  const [narrowest, widest] = spanRange(story.rank, grid.columns);
  for (let w = 1; w <= grid.columns; w += 1) {
    const head = vertical ? undefined : headlineAt(stepDown ? { ...story, rank: story.rank + 1 } : story, w, grid);
    if (!vertical && !head) continue; // the title does not fit this span at any size
    const textColumns = vertical ? w - vertical.columns : w;
    if (textColumns < 1) continue;
    const headLines = head ? head.lines + grid.headGapLines : 0;
    // Beside a vertical headline the photos share the text's columns; stacks would crowd it: rows only.
    const blocks = vertical ? photoBlocks(story.photos, textColumns, grid).filter((b) => b.mode !== 'stack') : photoBlocks(story.photos, w, grid);
    for (const block of blocks) {
      const bodyRoom = bodyRoomFor(story.bodyLines, block, textColumns);
      if (bodyRoom === undefined) continue;
      const white = whiteColumnLines(story.bodyLines, block, textColumns, bodyRoom);
      const minLines = Math.max(headLines + bodyRoom, vertical?.lines ?? 0);
      // White under text that is shorter than the vertical headline beside it.
      const besideVertical = vertical ? Math.max(0, vertical.lines - bodyRoom) * textColumns : 0;
      const hole = holeLines(story.bodyLines, block, textColumns, bodyRoom, vertical);
      const holeColumns = block.mode === 'stack' ? textColumns - block.span : textColumns;
      const cost =
        (head?.price ?? 0) +
        (Math.max(0, narrowest - w) + Math.max(0, w - widest)) * COST.span +
        (minLines < COST.shallowLines && w > 2 ? COST.shallow : 0) +
        block.cost +
        (white + besideVertical) * COST.white +
        // Beside a vertical headline the hole is priced as white above (besideVertical): a smaller headline is no cure.
        (vertical ? 0 : Math.max(0, hole - grid.maxHoleLines) * holeColumns * COST.hole) +
        (story.ragged?.[holeColumns] ?? 0) * bodyRoom * COST.hole;
      const base = { columns: w, minLines, maxLines: minLines + (block.mode === 'row' ? block.growLines : 0), cost };
      const label = `${w} col${head ? `, headline ${head.sizePt}pt` : ', vertical headline'}${block.label}`;
      const detail = {
        titleSizePt: head?.sizePt ?? vertical?.sizePt,
        headLines,
        minLines,
        block,
        textColumns: block.mode === 'stack' ? textColumns - block.span : textColumns,
        verticalColumns: vertical?.columns,
        holeLines: hole,
      };
      options.push({ ...base, headline: head && { offset: 0, lines: head.lines }, variant: label, detail: { ...detail, photoTop: false } });
      // A photo across the whole module may open it, with the headline under it: keeps headlines apart (撞题).
      // Not for the lead story: its headline opens the page.
      if (head && block.fullWidthLines > 0 && story.rank > 1) {
        options.push({ ...base, cost: cost + COST.photoTop, headline: { offset: block.fullWidthLines, lines: head.lines }, variant: `${label}, photo on top`, detail: { ...detail, photoTop: true } });
      }
    }
  }
  return options;
}

/**
 * Lines under the headline that the text and photos need: a row of photos
 * across the module sits above the text; a stack stands at its left, the text
 * in the columns beside it (no text runs under the stack: doglegs are not set).
 * One line more than the even share lets each column end where a line may end.
 */
function bodyRoomFor(bodyLines: number, block: PhotoBlock, columns: number): number | undefined {
  const textLines = (c: number) => Math.ceil(bodyLines / c) + (c > 1 ? 1 : 0);
  if (block.mode === 'none') return textLines(columns);
  if (block.mode === 'row') return block.fullWidthLines + textLines(columns);
  const beside = columns - block.span;
  if (beside < 1) return undefined;
  return Math.max(textLines(beside), block.columnLines / block.span);
}

/**
 * Lines the text's last column stands white under its text: beside a stack of
 * photos, or a vertical headline, taller than the text.
 */
function holeLines(bodyLines: number, block: PhotoBlock, columns: number, bodyRoom: number, vertical: VerticalHeadline | undefined): number {
  const textColumns = block.mode === 'stack' ? columns - block.span : columns;
  const textHeight = bodyRoom - (block.mode === 'row' ? block.fullWidthLines : 0);
  const textDepth = Math.ceil(bodyLines / textColumns);
  const room = Math.max(textHeight, vertical ? vertical.lines : 0);
  return Math.max(0, room - textDepth);
}

/** Column-lines the text area leaves white at this height: beside a stack the text may be much shorter than the photos. */
function whiteColumnLines(bodyLines: number, block: PhotoBlock, columns: number, bodyRoom: number): number {
  const textColumns = block.mode === 'stack' ? columns - block.span : columns;
  const textHeight = bodyRoom - (block.mode === 'row' ? block.fullWidthLines : 0);
  return Math.max(0, textColumns * textHeight - bodyLines - textColumns);
}

/**
 * The spans a story of this rank should take: the lead story half the page
 * or more, the second rank a quarter to three quarters, lighter ones at most
 * half, so that a page is not a stack of full-width strips.
 */
function spanRange(rank: number, columns: number): [number, number] {
  if (rank <= 1) return [Math.ceil(columns / 2), columns];
  if (rank === 2) return [Math.max(2, Math.round(columns / 4)), Math.round((columns * 3) / 4)];
  return [Math.min(2, columns), Math.max(2, Math.round(columns / 2))];
}

/**
 * The headline size for this span: of the ladder sizes at or below the rank's
 * own at which the title takes few enough lines, the one whose price (steps
 * below the rank's size, white beside short title lines) is least. A two-part
 * title that just misses one line at its size is set one step smaller on one
 * line rather than leave a hole beside its first part.
 */
function headlineAt(story: StoryMeasure, span: number, grid: KindGrid): { sizePt: number; lines: number; steps: number; white: number; price: number } | undefined {
  const ladder = grid.headlineLadder;
  const own = Math.min(story.rank - 1, ladder.length - 1);
  // The lead story keeps the page's largest headline (storyOptions steps it down only when that size fits nowhere).
  const lowest = story.rank <= 1 ? own + 1 : ladder.length;
  let best: { sizePt: number; lines: number; steps: number; white: number; price: number } | undefined;
  for (let step = own; step < lowest; step += 1) {
    const sizePt = ladder[step]!;
    const measured = story.headlines[span]?.[sizePt];
    if (!measured || measured.titleLines > grid.headlineMaxTitleLines) continue;
    // White beside short title lines, in column-lines: priced like any white on the page.
    const white = (measured.white ?? 0) / ((grid.colPx + grid.gutterPx) * grid.pitchPx);
    const price = (step - own) * COST.headlineStep + white * COST.titleWhite;
    if (!best || price < best.price) best = { sizePt, lines: measured.lines, steps: step - own, white, price };
  }
  return best;
}

export function storyModule(story: StoryMeasure, grid: KindGrid): SolverModule {
  return { id: story.id, kind: 'story', rank: story.rank, name: story.name, options: storyOptions(story, grid), pin: story.pin };
}
