import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentError, OverflowError } from '../../../src/errors.ts';
import { solvePage } from '../../../src/layout/solve-page.ts';
import type { PageSolution, SolverGrid, SolverModule } from '../../../src/layout/types.ts';
import { coverage, GRID, story } from './stories.ts';

/** Every invariant a solved page must hold, whatever the input. */
function expectExactlyFull(solution: PageSolution, modules: SolverModule[], grid: SolverGrid) {
  expect(solution.modules.map((m) => m.id).sort()).toEqual(modules.map((m) => m.id).sort());
  const cells = coverage(solution.modules, grid);
  expect(cells.size).toBe(grid.columns * (grid.lines + grid.gapLines));
  for (const placed of solution.modules) {
    expect(placed.column).toBeGreaterThanOrEqual(0);
    expect(placed.column + placed.columns).toBeLessThanOrEqual(grid.columns);
    expect(placed.line + placed.lines).toBeLessThanOrEqual(grid.lines);
    const module = modules.find((m) => m.id === placed.id)!;
    const fits = module.options.some(
      (o) => o.columns === placed.columns && placed.lines >= o.minLines && placed.lines <= o.maxLines + grid.maxBlankLines,
    );
    expect(fits, `${placed.id} at ${placed.columns}×${placed.lines} is one of its options`).toBe(true);
    expect(placed.blankLines).toBeLessThanOrEqual(grid.maxBlankLines);
  }
}

describe('solvePage', () => {
  it('fills an 8-column page exactly with six stories, the lead story top left', () => {
    const bodies = [170, 120, 110, 80, 70, 60];
    const modules = bodies.map((bodyLines, i) => story({ id: `s${i}`, rank: [1, 2, 2, 3, 3, 3][i]!, bodyLines, photoLines: 24 }));
    const solution = solvePage(modules, GRID);
    expectExactlyFull(solution, modules, GRID);
    const lead = solution.modules.find((m) => m.id === 's0')!;
    expect([lead.column, lead.line]).toEqual([0, 0]);
    expect(lead.columns).toBe(Math.max(...solution.modules.map((m) => m.columns)));
    expect(solution.collisions).toEqual([]);
  });

  it('keeps two headlines from sitting side by side (撞题): stacked, or one story opening with its photo', () => {
    const grid = { ...GRID, columns: 4, lines: 21 };
    const modules = ['a', 'b'].map((id) => story({ id, rank: 2, bodyLines: 24, photoLines: 12 }, 4));
    const solution = solvePage(modules, grid);
    expectExactlyFull(solution, modules, grid);
    expect(solution.collisions).toEqual([]);
    const [a, b] = solution.modules;
    const sideBySide = a!.line === b!.line;
    if (sideBySide) expect(solution.modules.some((m) => m.variant?.includes('photo on top'))).toBe(true);
  });

  it('reports the headlines it could not keep apart', () => {
    const grid = { ...GRID, columns: 4, lines: 21 };
    const twoWideHeadlineFirst = (id: string) => {
      const module = story({ id, rank: 2, bodyLines: 24, photoLines: 12 }, 4);
      return { ...module, options: module.options.filter((o) => o.columns === 2 && o.headline?.offset === 0) };
    };
    const solution = solvePage([twoWideHeadlineFirst('a'), twoWideHeadlineFirst('b')], grid);
    expect(solution.collisions).toEqual([['a', 'b']]);
  });

  it('keeps a pinned ad where the editor put it and fills the rest', () => {
    const ad: SolverModule = {
      id: 'ad',
      kind: 'ad',
      rank: 9,
      name: '广告',
      options: [{ columns: 8, minLines: 20, maxLines: 20, cost: 0 }],
      pin: { column: 0, line: 84, columns: 8, lines: 20 },
    };
    const modules = [ad, ...[150, 100, 80, 60].map((bodyLines, i) => story({ id: `s${i}`, rank: i + 1, bodyLines, photoLines: 20 }))];
    const solution = solvePage(modules, GRID);
    expectExactlyFull(solution, modules, GRID);
    expect(solution.modules.find((m) => m.id === 'ad')).toMatchObject({ column: 0, line: 84, columns: 8, lines: 20 });
    for (const m of solution.modules.filter((m) => m.id !== 'ad')) expect(m.line + m.lines).toBeLessThanOrEqual(83);
  });

  it('respects a size pin', () => {
    const modules = [150, 100, 80].map((bodyLines, i) => story({ id: `s${i}`, rank: i + 1, bodyLines, photoLines: 30 }));
    modules[1] = { ...modules[1]!, pin: { columns: 3 } };
    const solution = solvePage(modules, GRID);
    expectExactlyFull(solution, modules, GRID);
    expect(solution.modules.find((m) => m.id === 's1')!.columns).toBe(3);
  });

  it('refuses a pin outside the type area, naming the module', () => {
    const modules = [story({ id: 'late', rank: 1, bodyLines: 100, pin: { column: 6, line: 0, columns: 4, lines: 20 } })];
    expect(() => solvePage(modules, GRID)).toThrow(ContentError);
    expect(() => solvePage(modules, GRID)).toThrow(/late/);
  });

  it('names the longest module when the page overflows', () => {
    const modules = [900, 300, 200].map((bodyLines, i) => story({ id: `s${i}`, rank: i + 1, bodyLines }));
    const error = catchError(() => solvePage(modules, GRID));
    expect(error).toBeInstanceOf(OverflowError);
    expect(error.message).toMatch(/\(s0\).*over/);
  });

  it('says the page is under when the modules cannot fill it', () => {
    const modules = [40, 30].map((bodyLines, i) => story({ id: `s${i}`, rank: i + 1, bodyLines }));
    expect(catchError(() => solvePage(modules, GRID)).message).toMatch(/under/);
  });

  it('either fills the page exactly or says why, for any 2–8 stories (property)', () => {
    const spec = fc.record({
      rank: fc.integer({ min: 1, max: 4 }),
      // 200–4,000 characters at 13 a line, and 0–2 photos of 10–16 lines that may grow to 3/2 their height.
      bodyLines: fc.integer({ min: 16, max: 310 }),
      photos: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 2, maxLength: 8 }), (specs) => {
        const modules = specs.map((s, i) =>
          story({ id: `s${i}`, rank: s.rank, bodyLines: s.bodyLines + s.photos * 12 * 2, photoLines: s.photos * 8 }),
        );
        let solution: PageSolution;
        try {
          solution = solvePage(modules, GRID);
        } catch (error) {
          expect(error).toBeInstanceOf(OverflowError);
          expect((error as Error).message).toMatch(/over|under|no arrangement/);
          return;
        }
        expectExactlyFull(solution, modules, GRID);
      }),
      { numRuns: 60, seed: 17 },
    );
  });
});

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
