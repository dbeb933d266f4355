/**
 * Which photo an embedded image is, for the preflight's messages: Chromium
 * embeds the part of an image its frame shows, so a frame a fraction of a
 * pixel short of the prepared image drops a row; the photo is still named.
 */
import { describe, expect, it } from 'vitest';
import { nameImage } from '../../../src/preflight/rules/image-resolution.ts';
import type { ImagePlacement } from '../../../src/preflight/inspect/marks.ts';
import type { PreflightEdition } from '../../../src/preflight/types.ts';

const image = (widthPx: number, heightPx: number) => ({ kind: 'image', name: 'X11', widthPx, heightPx, ppiX: 109, ppiY: 109 }) as unknown as ImagePlacement;
const edition = { photos: [{ id: 'lead', file: 'photos/lowres.jpg', widthPx: 368, heightPx: 300 }, { id: 'other', file: 'photos/b.jpg', widthPx: 1013, heightPx: 825 }] } as unknown as PreflightEdition;

describe('nameImage', () => {
  it('names the photo whose prepared image lost a clipped row', () => {
    expect(nameImage(image(368, 299), edition)).toContain('"lead"');
    expect(nameImage(image(368, 299), edition)).not.toContain('"other"');
  });

  it('falls back to the PDF name when no prepared image is that size', () => {
    const named = nameImage(image(500, 299), edition);
    expect(named).toContain('X11');
    expect(named).not.toContain('"lead"');
  });
});
