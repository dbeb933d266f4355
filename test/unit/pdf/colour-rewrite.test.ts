import { describe, expect, it } from 'vitest';
import { rewritePressColours } from '../../../src/pdf/press/colour-rewrite.ts';

const bytes = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const latin1 = (data: Uint8Array) => Array.from(data, (byte) => String.fromCharCode(byte)).join('');
const RED = '.7843 .0863 .1137';

describe('press colours (issue 20)', () => {
  it('sets the design red as solid M+Y, or as the spot plate', () => {
    expect(latin1(rewritePressColours(bytes(`${RED} rg ${RED} RG`), { target: 'cmyk', red: 'process' }).bytes)).toBe('0 1 1 0 k 0 1 1 0 K');
    const spot = rewritePressColours(bytes(`${RED} rg ${RED} RG`), { target: 'cmyk', red: 'spot' });
    expect(latin1(spot.bytes)).toBe('/FolioSpot cs 1 scn /FolioSpot CS 1 SCN');
    expect(spot.uses.spot).toBe(true);
  });

  it('sets the mark colours on every plate (registration) or on one', () => {
    const result = rewritePressColours(bytes('.0039 .0039 .0118 RG .0039 .6275 .8902 rg'), { target: 'cmyk', red: 'process' });
    expect(latin1(result.bytes)).toBe('1 1 1 1 K 1 0 0 0 k');
    expect(result.marks).toBe(2);
  });

  it('overprints solid K text and paths, switching before the path starts and following q/Q', () => {
    const source = `0 0 0 rg BT (a) Tj ET q ${RED} rg 0 0 5 5 re f Q 0 0 10 10 re f /Im0 Do`;
    const result = rewritePressColours(bytes(source), { target: 'cmyk', red: 'process' });
    expect(latin1(result.bytes)).toBe(
      '0 0 0 1 k BT /FolioOverprintFill gs (a) Tj ET q 0 1 1 0 k /FolioKnockout gs 0 0 5 5 re f Q 0 0 10 10 re f /FolioKnockout gs /Im0 Do',
    );
    expect([...result.uses.states].sort()).toEqual(['00', '01']);
  });

  it('leaves text strings and inline images byte for byte, and other colours for Ghostscript', () => {
    const source = '.0667 .0667 .0667 RG BT (1 1 1 rg) Tj ET .2 .5 .9 rg BI /W 1 /H 1 ID \x00 0 0 0 rg EI 1 1 1 rg';
    const result = rewritePressColours(bytes(source), { target: 'cmyk', red: 'process' });
    // The solid K stroke colour overprints the text's stroke (OP); the image knocks out again.
    expect(latin1(result.bytes)).toBe('0 0 0 1 K BT /FolioOverprintStroke gs (1 1 1 rg) Tj ET .2 .5 .9 rg /FolioKnockout gs BI /W 1 /H 1 ID \x00 0 0 0 rg EI 0 0 0 0 k');
    expect(result).toMatchObject({ neutral: 2, chromatic: 1 });
    const plain = bytes('1 0 0 rg 0 0 10 10 re f');
    expect(rewritePressColours(plain, { target: 'gray', red: 'process' }).bytes).toBe(plain);
  });

  it('sets no overprint in gray, where there is one plate', () => {
    expect(latin1(rewritePressColours(bytes('0 0 0 rg BT (a) Tj ET'), { target: 'gray', red: 'process' }).bytes)).toBe('0 g BT (a) Tj ET');
  });
});
