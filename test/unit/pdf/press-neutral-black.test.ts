import { describe, expect, it } from 'vitest';
import { arrayItems, parseOperations, stringBytes } from '../../../src/pdf/read/content-tokens.ts';
import { neutralColour, neutralLevel } from '../../../src/pdf/press/neutral-black.ts';

const bytes = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const latin1 = (data: Uint8Array) => Array.from(data, (byte) => String.fromCharCode(byte)).join('');

describe('content stream lexer', () => {
  it('reads operators with their operands, skipping strings, dicts and inline image data', () => {
    const source = 'q 1 0 0 1 10 20 cm (a\\) rg) Tj <00 72 67> Tj /Span <</MCID 0>> BDC BI /W 1 /H 1 /CS /RGB ID \xff rg\x00 EI Q';
    const operations = [...parseOperations(bytes(source))].map((op) => [op.operator, op.operands.map((o) => o.kind).join(',')]);
    expect(operations).toEqual([
      ['q', ''],
      ['cm', 'number,number,number,number,number,number'],
      ['Tj', 'string'],
      ['Tj', 'string'],
      ['BDC', 'name,dict'],
      ['BI', ''],
      ['ID', 'name,number,name,number,name,name'],
      ['Q', ''],
    ]);
  });

  it('decodes literal and hex strings and TJ arrays', () => {
    expect(stringBytes('(a\\(b\\)\\101\\n)')).toEqual([97, 40, 98, 41, 65, 10]);
    expect(stringBytes('<4e2d 6>')).toEqual([0x4e, 0x2d, 0x60]);
    expect(arrayItems('[<0012> -250 (x)]').map((item) => item.value)).toEqual(['<0012>', -250, '(x)']);
  });
});

describe('neutral colours to ink-only colours', () => {
  it('sets near-black as solid K and lighter greys as K tints; CMYK and gray targets', () => {
    expect(neutralColour(0.0667, false, 'cmyk')).toBe('0 0 0 1 k');
    expect(neutralColour(0.0667, true, 'cmyk')).toBe('0 0 0 1 K');
    expect(neutralColour(0.2667, false, 'cmyk')).toBe('0 0 0 0.7333 k');
    expect(neutralColour(1, false, 'cmyk')).toBe('0 0 0 0 k');
    expect(neutralColour(0.0667, false, 'gray')).toBe('0 g');
    expect(neutralColour(0.5, true, 'gray')).toBe('0.5 G');
  });

  it('treats channels within 0.02 as neutral, others as colour', () => {
    expect(neutralLevel([0.1, 0.11, 0.12])).toBeCloseTo(0.11);
    expect(neutralLevel([0.7843, 0.0863, 0.1137])).toBeUndefined();
  });
});
