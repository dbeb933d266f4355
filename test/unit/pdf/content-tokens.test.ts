import { describe, expect, it } from 'vitest';
import { arrayItems, parseOperations, stringBytes } from '../../../src/pdf/read/content-tokens.ts';

const bytes = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
const ops = (text: string) => [...parseOperations(bytes(text))];

describe('parseOperations', () => {
  it('reads numbers in every PDF form, and only those, as numbers', () => {
    const [op] = ops('1 -2 +3 .5 -.25 4. 0.0 cm');
    expect(op!.operator).toBe('cm');
    expect(op!.operands.map((o) => [o.kind, o.value])).toEqual([
      ['number', 1], ['number', -2], ['number', 3], ['number', 0.5], ['number', -0.25], ['number', 4], ['number', 0],
    ]);
    // Not PDF numbers: exponents, hex, a lone sign. Each ends an operation as an operator.
    expect(ops('1e5 0x10 - true null').map((o) => o.operator)).toEqual(['1e5', '0x10', '-']);
  });

  it('keeps strings, names, arrays and offsets, and ignores comments', () => {
    const source = '% note\n/F1 12 Tf [(a\\)b) -250 <0041>] TJ';
    const [tf, tj] = ops(source);
    expect(tf!.operands.map((o) => [o.kind, o.value])).toEqual([['name', 'F1'], ['number', 12]]);
    expect(tj!.operands[0]!.kind).toBe('array');
    expect(source.slice(tj!.start, tj!.end)).toBe('[(a\\)b) -250 <0041>] TJ');
    expect(arrayItems(tj!.operands[0]!.value as string).map((o) => o.kind)).toEqual(['string', 'number', 'string']);
  });

  it('decodes every byte as TextDecoder("latin1") does', () => {
    const all = Uint8Array.from({ length: 255 }, (_, i) => i + 1).filter((byte) => ![0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25].includes(byte));
    for (let start = 0; start < all.length; start += 16) {
      const word = all.subarray(start, start + 16);
      const [op] = [...parseOperations(Uint8Array.from([0x2f, ...word, 0x20, 0x78]))];
      expect(op!.operands[0]!.value).toBe(new TextDecoder('latin1').decode(word));
    }
  });
});

describe('stringBytes', () => {
  it('reads hex strings in pairs, skipping whitespace and padding an odd digit', () => {
    expect(stringBytes('<00 4A6b>')).toEqual([0x00, 0x4a, 0x6b]);
    expect(stringBytes('<414>')).toEqual([0x41, 0x40]);
    expect(stringBytes('<>')).toEqual([]);
  });

  it('reads literal strings with escapes, octal codes and line continuations', () => {
    expect(stringBytes('(a\\(b\\)\\n\\101\\\r\nc)')).toEqual([0x61, 0x28, 0x62, 0x29, 0x0a, 0x41, 0x63]);
  });
});
