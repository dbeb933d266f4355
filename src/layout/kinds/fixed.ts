/**
 * The kinds whose size follows from one measure: a standalone photo (frame
 * and caption), a box (its text at each span) and the fixed slots (an ad,
 * the masthead), which take exactly their pin.
 */
import { photoBlocks, type PhotoMeasure } from './photo-block.ts';
import type { KindGrid } from './kind-grid.ts';
import type { ModuleOption, Pin, SolverModule } from '../types.ts';

/** A standalone photo: a row of one frame at each span, growing to its tallest aspect. */
export function photoModule(id: string, photo: PhotoMeasure, grid: KindGrid, pin?: Pin): SolverModule {
  const options: ModuleOption[] = [];
  for (let w = 2; w <= grid.columns; w += 1) {
    for (const block of photoBlocks([photo], w, grid)) {
      if (block.mode !== 'row') continue;
      const minLines = block.fullWidthLines - grid.photoGapLines;
      options.push({ columns: w, minLines, maxLines: minLines + block.growLines, cost: block.cost, variant: `${w} col photo`, detail: { frame: block.frames[0] } });
    }
  }
  return { id, kind: 'photo', rank: 5, name: `photo ${id}`, options, pin };
}

/** A box costs more the wider it is: lists and notices read best in narrow measures. */
export function boxModule(id: string, title: string | undefined, linesAt: Record<number, number>, grid: KindGrid, pin?: Pin): SolverModule {
  const options: ModuleOption[] = [];
  for (let w = 1; w <= grid.columns; w += 1) {
    const lines = linesAt[w];
    if (lines === undefined) continue;
    options.push({ columns: w, minLines: lines, maxLines: lines, cost: Math.max(0, w - 2) * 4, variant: `${w} col box` });
  }
  return { id, kind: 'box', rank: 6, name: title ?? `box ${id}`, options, pin };
}

/** An ad or the masthead: exactly its pinned rectangle. */
export function slotModule(id: string, kind: string, pin: Pin & { columns: number; lines: number }): SolverModule {
  return {
    id,
    kind,
    rank: 0,
    name: kind === 'ad' ? `ad ${id}` : kind,
    options: [{ columns: pin.columns, minLines: pin.lines, maxLines: pin.lines, cost: 0, variant: `${pin.columns}×${pin.lines} slot` }],
    pin,
  };
}
