/**
 * Text encodings at the edges. An edition must be UTF-8: a byte that is not
 * once printed as U+FFFD in a system font with exit 0 (issue 16), so it is
 * refused naming its line and byte offset, and what the file looks like
 * instead (UTF-16, GBK…, guessed by chardet). Imported page text may come in
 * the encodings Chinese newsrooms use; it is decoded only when the encoding
 * is recognised, strictly, and never with U+FFFD put in for what was lost.
 */
import chardet from 'chardet';
import { ContentError } from '../errors.ts';
import { t } from '../i18n/locale.ts';

/** Encodings import decodes (chardet's names), and the name TextDecoder knows each by. */
const IMPORTABLE: Readonly<Record<string, string>> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  GB18030: 'gb18030',
  Big5: 'big5',
  'windows-1252': 'windows-1252',
  'ISO-8859-1': 'windows-1252',
};

/** What the bytes most likely are, e.g. "UTF-16LE" or "GB18030 (GBK)". */
export function guessEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  const name = chardet.detect(bytes) ?? undefined;
  return name === 'GB18030' ? 'GB18030 (GBK)' : name;
}

/** The first byte that breaks UTF-8, with its 1-based line and its byte offset in the file. */
export function firstInvalidUtf8(bytes: Uint8Array): { offset: number; line: number } | undefined {
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    if (byte === 0x0a) line += 1;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return { offset: i, line };
    const slice = bytes.subarray(i, i + length);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(slice);
    } catch {
      return { offset: i, line };
    }
    i += length;
  }
  return undefined;
}

/** An edition's bytes as text; anything but UTF-8 is refused (exit 2) at the first bad byte. */
export function decodeEditionSource(bytes: Uint8Array, file: string): string {
  const nul = bytes.indexOf(0);
  const bad = firstInvalidUtf8(bytes) ?? (nul >= 0 ? { offset: nul, line: lineAt(bytes, nul) } : undefined);
  if (!bad) return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const guess = guessEncoding(bytes);
  const looks = guess?.startsWith('UTF-16') ? guess : nul >= 0 ? t('encoding.binary') : guess;
  const byte = bytes[bad.offset]!.toString(16).padStart(2, '0');
  throw new ContentError(
    t('encoding.notUtf8', { file, line: bad.line, byte, offset: bad.offset }) + (looks ? t('encoding.looksLike', { encoding: looks }) : ''),
    { hint: t('encoding.saveAsUtf8Hint') },
  );
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/** chardet's confidence (0–100) at which its first guess is taken over the GB18030 default. */
const CONFIDENT = 50;

/**
 * Page text for import: UTF-8, UTF-16 with a BOM, or the encoding chardet is
 * confident of; when it is not (short texts), GB18030 as newsrooms in the
 * mainland write it, then its other guesses. Each is decoded strictly; when
 * none decodes, exit 2 naming what the file looks like.
 */
export function decodeImportText(bytes: Uint8Array, file: string): { text: string; encoding: string } {
  const strict = (encoding: string) => {
    try {
      if (encoding === 'windows-1252') return decodeWindows1252(bytes);
      return new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      return undefined;
    }
  };
  const bom = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  // NUL bytes without a BOM: binary, which importText refuses by name.
  if (!bom && bytes.includes(0)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  const guesses = chardet.analyse(bytes).filter((guess) => IMPORTABLE[guess.name] !== undefined);
  const confident = guesses.filter((guess) => guess.confidence >= CONFIDENT).map((guess) => IMPORTABLE[guess.name]!);
  const order = [...(bom ? [bom] : ['utf-8']), ...confident, 'gb18030', ...guesses.map((guess) => IMPORTABLE[guess.name]!)];
  for (const encoding of new Set(order)) {
    const text = strict(encoding);
    if (text === undefined) continue;
    const lost = text.indexOf('\uFFFD');
    if (lost >= 0) {
      throw new ContentError(t('encoding.replacementCharacter', { file, line: text.slice(0, lost).split('\n').length }), {
        hint: t('encoding.replacementCharacterHint'),
      });
    }
    return { text, encoding };
  }
  const guess = guessEncoding(bytes);
  throw new ContentError(guess ? t('encoding.importUndecodable', { file, encoding: guess }) : t('encoding.importUnknown', { file }), {
    hint: t('encoding.importHint', { file }),
  });
}

/** 0x80–0x9F of Windows-1252 (WHATWG index); 0 where the code page has no character. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as C1 controls (ISO-8859-1), losing “ ” – …, so map them here. */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    const code = byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : byte;
    if (code === 0) throw new RangeError(`byte 0x${byte.toString(16)} is not in Windows-1252`);
    text += String.fromCharCode(code);
  }
  return text;
}
