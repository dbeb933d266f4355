/**
 * 组图 (issue 19, item 5): a caption that belongs to a group of photos spans
 * the group. Rendered for real from an edition whose group is made of
 * placeholder slots (support/group-edition.ts: the Wuzhi source has one photo
 * under its 组图 caption, so its own data marks no group).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/pipeline.ts';
import { DUIKAI } from '../../src/defaults.ts';
import { sharedBrowser } from './support/browser.ts';
import { captionUnder, edgeMisalignment, readFrames, type FrameRect } from './support/frames.ts';
import { readGlyphs, type Glyph } from './support/glyphs.ts';
import { GROUP_CAPTION, writeGroupEdition } from './support/group-edition.ts';
import { typeArea } from './support/layout.ts';
import { readBoxes } from './support/pdf.ts';

const PITCH = DUIKAI.linePitchPt;
const squash = (text: string) => text.replace(/\s+/g, '');

let result: BuildResult;
let members: string[];
let frames: FrameRect[];
let glyphs: Glyph[];
let trim: number[];
let galleryIds: string[];

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-group-'));
  ({ members, gallery: galleryIds } = writeGroupEdition(dir));
  const pdf = path.join(dir, 'group.pdf');
  result = await build({ input: dir, output: pdf, browser: await sharedBrowser() });
  frames = await readFrames(pdf);
  glyphs = await readGlyphs(pdf);
  trim = readBoxes(pdf).trim;
});

describe('a 组图 of placeholder photos', () => {
  // Frames are painted in the page's order: the gallery's photos first, as the edition lists them.
  const frameOf = (id: string) => frames[galleryIds.indexOf(id)]!;

  it('sets the group in one row, frame edges aligned', () => {
    const placed = members.map((id) => result.fit!.arrangement.photos.find((p) => p.id === id)!);
    expect(new Set(placed.map((p) => p.row)).size).toBe(1);
    // The frames read from the PDF are the placements' (their columns), so the order above holds.
    const area = typeArea(trim, DUIKAI);
    for (const p of placed) expect(Math.abs(frameOf(p.id).left - (area.left + (p.column! - 1) * area.step))).toBeLessThan(0.5);
    const group = members.map(frameOf);
    const offsets = edgeMisalignment(group);
    expect(offsets.length).toBe(members.length);
    expect(Math.max(...offsets.map((o) => Math.max(o.top, o.bottom)))).toBeLessThanOrEqual(0.5);
  });

  it('prints the group caption once, under the group, its box spanning the group’s frames', () => {
    const group = members.map(frameOf);
    const left = Math.min(...group.map((f) => f.left));
    const right = Math.max(...group.map((f) => f.right));
    const first = frameOf(members[0]!);
    const lines = captionUnder(glyphs, first, PITCH, right + 0.5);
    const text = squash(lines.join(''));
    const kai = glyphs.filter((g) => /WenKai/i.test(g.font));
    const captionGlyphs = kai.filter((g) => g.y < first.bottom && g.y > first.bottom - (lines.length + 1) * PITCH && g.x >= left - 1 && g.x < right + 0.5);
    const inkRight = Math.max(...captionGlyphs.map((g) => g.x + g.advance));
    const inkLeft = Math.min(...captionGlyphs.map((g) => g.x));
    const placed = result.fit!.arrangement.photos.find((p) => p.id === members[0])!;
    console.log(
      `group of ${members.length}: frames ${left.toFixed(1)}–${right.toFixed(1)} pt, first frame to ${first.right.toFixed(1)} pt; caption ${lines.length} line(s), ink ${inkLeft.toFixed(1)}–${inkRight.toFixed(1)} pt, caption span ${placed.captionSpan} columns`,
    );
    expect(text).toBe(squash(GROUP_CAPTION));
    expect(inkLeft).toBeGreaterThanOrEqual(left - 0.5);
    expect(inkLeft).toBeLessThan(left + PITCH);
    // It runs past the first photo, across the gutter, and stops at the group's right edge.
    expect(inkRight).toBeGreaterThan(first.right + DUIKAI.bodySizePt);
    expect(inkRight).toBeLessThanOrEqual(right + 0.5);
    // The caption's box is the group's width: the runtime set it across all the group's columns.
    const spans = members.map((id) => result.fit!.arrangement.photos.find((p) => p.id === id)!.span);
    expect(placed.captionSpan).toBe(spans.reduce((a, b) => a + b, 0));
    // Under the other photos, only the group's caption: no caption of their own.
    for (const id of members.slice(1)) {
      const under = squash(captionUnder(glyphs, frameOf(id), PITCH).join(''));
      expect(squash(GROUP_CAPTION)).toContain(under);
    }
  });
});
