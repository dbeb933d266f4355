/**
 * A lexer for PDF content streams (ISO 32000-1 §7.2 lexical conventions,
 * §8.9.7 inline images), for the colour rewrite before Ghostscript and for
 * preflight. It keeps byte offsets so a caller can splice replacements into
 * the original bytes: strings and inline image data are never touched,
 * because a text string may contain the bytes "rg" and image data anything.
 */

export type OperandKind = 'number' | 'name' | 'string' | 'keyword' | 'array' | 'dict';

export interface Operand {
  kind: OperandKind;
  /** The number, the name without '/', or the raw source of anything else. */
  value: number | string;
  start: number;
  end: number;
}

export interface Operation {
  operator: string;
  operands: Operand[];
  /** Offset of the first operand (or of the operator when it has none). */
  start: number;
  /** Offset just after the operator. */
  end: number;
}

// Byte classes in a table: a page's content stream is a few hundred kB, read byte by byte.
const WHITE = 1;
const DELIMITER = 2;
const CLASS = new Uint8Array(256);
for (const byte of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[byte] = WHITE;
for (const char of '()<>[]{}/%') CLASS[char.charCodeAt(0)] = DELIMITER;
const isWhite = (byte: number) => CLASS[byte] === WHITE;
const isDelimiter = (byte: number) => CLASS[byte] === DELIMITER;
const isRegular = (byte: number) => CLASS[byte] === 0;
const KEYWORDS = new Set(['true', 'false', 'null']);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
/** A word that may be a number: it starts with a digit, a sign or a point. */
const mayBeNumber = (byte: number) => (byte >= 0x30 && byte <= 0x39) || byte === 0x2b || byte === 0x2d || byte === 0x2e;

/** Index just past a literal string starting at `i` ('('), honouring escapes and nesting. */
function skipLiteralString(bytes: Uint8Array, i: number): number {
  let depth = 0;
  for (; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    if (byte === 0x5c) i += 1; // backslash escapes the next byte
    else if (byte === 0x28) depth += 1;
    else if (byte === 0x29 && --depth === 0) return i + 1;
  }
  return bytes.length;
}

/** Index just past a balanced `[…]` or `<<…>>`, skipping strings inside. */
function skipComposite(bytes: Uint8Array, i: number): number {
  let depth = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte === 0x28) {
      i = skipLiteralString(bytes, i);
      continue;
    }
    if (byte === 0x5b || (byte === 0x3c && bytes[i + 1] === 0x3c)) {
      depth += 1;
      i += byte === 0x5b ? 1 : 2;
    } else if (byte === 0x5d || (byte === 0x3e && bytes[i + 1] === 0x3e)) {
      depth -= 1;
      i += byte === 0x5d ? 1 : 2;
      if (depth === 0) return i;
    } else i += 1;
  }
  return i;
}

/** Index just past the `EI` that ends inline image data starting after `ID`. */
function skipInlineImageData(bytes: Uint8Array, i: number): number {
  // The data is binary; EI counts only between whitespace (or at the end), as readers do.
  for (let j = i + 1; j + 1 < bytes.length; j += 1) {
    if (bytes[j] === 0x45 && bytes[j + 1] === 0x49 && isWhite(bytes[j - 1]!)) {
      const after = bytes[j + 2];
      if (after === undefined || isWhite(after) || isDelimiter(after)) return j + 2;
    }
  }
  return bytes.length;
}

/** Bytes as a string, exactly as TextDecoder('latin1') gives them; short ASCII runs without it (it is slow to call). */
const decoder = new TextDecoder('latin1');
function text(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > 64) return decoder.decode(bytes.subarray(start, end));
  let out = '';
  for (let i = start; i < end; i += 1) {
    const byte = bytes[i]!;
    // The Encoding Standard maps 'latin1' to windows-1252, whose 0x80–0x9F differ: leave those to the decoder.
    if (byte >= 0x80 && byte <= 0x9f) return decoder.decode(bytes.subarray(start, end));
    out += String.fromCharCode(byte);
  }
  return out;
}

/** Every operation of a content stream, in order, with its operands and offsets. */
export function* parseOperations(bytes: Uint8Array): Generator<Operation> {
  let operands: Operand[] = [];
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    const start = i;
    if (isWhite(byte)) {
      i += 1;
    } else if (byte === 0x25) {
      while (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i += 1;
    } else if (byte === 0x28) {
      i = skipLiteralString(bytes, i);
      operands.push({ kind: 'string', value: text(bytes, start, i), start, end: i });
    } else if (byte === 0x3c && bytes[i + 1] !== 0x3c) {
      while (i < bytes.length && bytes[i] !== 0x3e) i += 1;
      i += 1;
      operands.push({ kind: 'string', value: text(bytes, start, i), start, end: i });
    } else if (byte === 0x5b || byte === 0x3c) {
      i = skipComposite(bytes, i);
      operands.push({ kind: byte === 0x5b ? 'array' : 'dict', value: text(bytes, start, i), start, end: i });
    } else if (byte === 0x2f) {
      i += 1;
      while (i < bytes.length && isRegular(bytes[i]!)) i += 1;
      operands.push({ kind: 'name', value: text(bytes, start + 1, i), start, end: i });
    } else if (isDelimiter(byte)) {
      i += 1; // a stray ')', ']', '>', '{' or '}': not valid in content, skipped
    } else {
      while (i < bytes.length && isRegular(bytes[i]!)) i += 1;
      const word = text(bytes, start, i);
      const number = mayBeNumber(byte) ? Number(word) : Number.NaN;
      if (Number.isFinite(number) && NUMBER.test(word)) {
        operands.push({ kind: 'number', value: number, start, end: i });
      } else if (KEYWORDS.has(word)) {
        operands.push({ kind: 'keyword', value: word, start, end: i });
      } else {
        if (word === 'ID') i = skipInlineImageData(bytes, i);
        yield { operator: word, operands, start: operands[0]?.start ?? start, end: i };
        operands = [];
      }
    }
  }
}

/** The numeric operands of an operation, or undefined when any is not a number. */
export function numbers(operation: Operation): number[] | undefined {
  const values = operation.operands.map((operand) => operand.value);
  return operation.operands.every((operand) => operand.kind === 'number') ? (values as number[]) : undefined;
}

/** The bytes of a string operand: `(literal)` with escapes, or `<hex>`. */
export function stringBytes(source: string): number[] {
  if (source.startsWith('<')) {
    // Hex digits in pairs, anything else skipped, an odd last digit padded with 0.
    const out: number[] = [];
    let high = -1;
    for (let i = 1; i < source.length - 1; i += 1) {
      const digit = hexValue(source.charCodeAt(i));
      if (digit < 0) continue;
      if (high < 0) high = digit;
      else {
        out.push(high * 16 + digit);
        high = -1;
      }
    }
    if (high >= 0) out.push(high * 16);
    return out;
  }
  const out: number[] = [];
  const body = source.slice(1, -1);
  const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i]!;
    if (char !== '\\') {
      out.push(char.charCodeAt(0) & 0xff);
      continue;
    }
    const next = body[++i];
    if (next === undefined) break;
    const octal = /^[0-7]{1,3}/.exec(body.slice(i, i + 3));
    if (octal) {
      out.push(Number.parseInt(octal[0], 8) & 0xff);
      i += octal[0].length - 1;
    } else if (next === '\r' || next === '\n') {
      if (next === '\r' && body[i + 1] === '\n') i += 1; // a line continuation
    } else out.push(escapes[next] ?? next.charCodeAt(0));
  }
  return out;
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/** The elements of an array operand (e.g. the strings and kerns of TJ). */
export function arrayItems(source: string): Operand[] {
  const inner = Uint8Array.from(`${source.slice(1, -1)} _end`, (char) => char.charCodeAt(0) & 0xff);
  for (const operation of parseOperations(inner)) return operation.operands;
  return [];
}
