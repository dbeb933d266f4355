/**
 * Placeholder images for photo slots that have no file yet. They must be
 * unmistakable on a proof: flat light gray, a thin frame, both diagonals
 * (the classic "picture goes here" box), and the words 图片 with the caption's
 * subject, so nobody mistakes the slot for a printed gray photo.
 */
import type { OverlayOptions } from 'sharp';
import { loadSharp } from './load-sharp.ts';
import type { Size } from './crop.ts';
import { trueTypeSlicesFor } from './truetype-slices.ts';

const BACKGROUND = '#d8d8d8';
const LINE = '#999999';
const INK = '#555555';
const LABEL = '图片';
const ELLIPSIS = '…';
/** The frame and diagonals are hairlines of this width, in points. */
const LINE_WIDTH_PT = 0.5;
/** High enough that hairlines and small text show no ringing on a proof. */
const PLACEHOLDER_JPEG_QUALITY = 90;

/** The caption reduced to its subject: no leading 组图, no closing 。！？. */
export function placeholderSubject(caption: string): string {
  return caption
    .trim()
    .replace(/^组图\s*[：:，,、]?\s*/u, '')
    .replace(/[。！？!?.\s]+$/u, '')
    .trim();
}

const registrations = new Map<string, Promise<unknown>>();
/**
 * Fontconfig keeps a registered font, by path, for the life of the process.
 * Registered from two cache folders, the same slice would be there twice, and
 * Pango may pick the copy whose folder was deleted since ("file not found":
 * no glyphs). So every registration comes from the folder of the first one;
 * trueTypeSlicesFor makes a missing file again each time it is asked.
 */
let registrationDir: string | undefined;

/**
 * Registers TrueType copies of the Noto Sans SC slices covering `text` with
 * fontconfig (WOFF would be registered, then skipped by Pango: see
 * truetype-slices.ts). sharp registers a `fontfile` process-wide when it first
 * renders with it; Pango then falls back across the slices of the same family
 * by itself.
 */
async function registerFonts(weight: number, text: string, cacheDir: string): Promise<void> {
  registrationDir ??= cacheDir;
  const sharp = await loadSharp();
  const files = await trueTypeSlicesFor('Noto Sans SC', weight, text, registrationDir);
  await Promise.all(
    files.map((fontfile) => {
      let registered = registrations.get(fontfile);
      if (!registered) {
        registered = sharp({ text: { text: 'x', fontfile } }).png().toBuffer();
        registered.catch(() => registrations.delete(fontfile));
        registrations.set(fontfile, registered);
      }
      return registered;
    }),
  );
}

function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.codePointAt(0)};`);
}

interface RenderedText {
  data: Buffer;
  width: number;
  height: number;
}

/** Renders text as RGBA (transparent background), `sizePx` high per em, wrapped at `wrapWidth` when given. */
async function renderText(text: string, font: string, sizePx: number, wrapWidth?: number): Promise<RenderedText> {
  const sharp = await loadSharp();
  const { data, info } = await sharp({
    text: {
      text: `<span lang="zh-cn" foreground="${INK}">${escapeMarkup(text)}</span>`,
      // At the default 72 dpi one point is one pixel.
      font: `${font} ${sizePx}`,
      rgba: true,
      align: 'centre',
      ...(wrapWidth ? { width: wrapWidth, wrap: 'word-char' as const } : {}),
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** The subject wrapped at `wrapWidth`, shortened with … until it takes at most two lines. */
async function renderSubject(subject: string, sizePx: number, wrapWidth: number): Promise<RenderedText> {
  // Rendered text is cropped to its ink, so measure the height of two and of
  // three reference lines and accept anything nearer to two.
  const twoLines = await renderText(`${LABEL}\n${LABEL}`, 'Noto Sans SC', sizePx);
  const threeLines = await renderText(`${LABEL}\n${LABEL}\n${LABEL}`, 'Noto Sans SC', sizePx);
  const fits = (rendered: RenderedText) => rendered.height <= (twoLines.height + threeLines.height) / 2;
  const whole = await renderText(subject, 'Noto Sans SC', sizePx, wrapWidth);
  if (fits(whole)) return whole;
  // Binary search for the longest prefix that still fits with the ellipsis.
  const chars = Array.from(subject);
  let low = 0;
  let high = chars.length - 1;
  let best = await renderText(ELLIPSIS, 'Noto Sans SC', sizePx, wrapWidth);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const attempt = await renderText(chars.slice(0, middle).join('').trimEnd() + ELLIPSIS, 'Noto Sans SC', sizePx, wrapWidth);
    if (fits(attempt)) {
      best = attempt;
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return best;
}

/** 图片 above the subject, centred, on an opaque background patch so the diagonals stay clear of the text. */
async function renderTextBlock(subject: string, frame: Size): Promise<Buffer> {
  const sharp = await loadSharp();
  const shorter = Math.min(frame.width, frame.height);
  const labelSize = Math.max(8, Math.round(shorter * 0.16));
  const subjectSize = Math.max(6, Math.round(Math.min(labelSize * 0.4, frame.width / 14)));
  const label = await renderText(LABEL, 'Noto Sans SC Bold', labelSize);
  const parts = [label];
  if (subject) parts.push(await renderSubject(subject, subjectSize, Math.round(frame.width * 0.8)));
  const gap = Math.round(subjectSize * 0.6);
  const width = Math.max(...parts.map((part) => part.width));
  const height = parts.reduce((sum, part) => sum + part.height, 0) + gap * (parts.length - 1);
  let top = 0;
  const layers = parts.map((part) => {
    const layer = { input: part.data, left: Math.round((width - part.width) / 2), top };
    top += part.height + gap;
    return layer;
  });
  const padding = Math.round(subjectSize * 0.8);
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite(layers)
    .extend({ top: padding, bottom: padding, left: padding, right: padding, background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .flatten({ background: BACKGROUND })
    .png()
    .toBuffer();
}

function frameAndDiagonals(frame: Size, line: number): Buffer {
  const { width: w, height: h } = frame;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">` +
      `<g stroke="${LINE}" stroke-width="${line}" fill="none">` +
      `<line x1="0" y1="0" x2="${w}" y2="${h}"/><line x1="${w}" y1="0" x2="0" y2="${h}"/>` +
      `<rect x="${line / 2}" y="${line / 2}" width="${w - line}" height="${h - line}"/>` +
      `</g></svg>`,
  );
}

/**
 * A 1-channel gray JPEG of exactly `frame` pixels standing in for the photo
 * with this caption. JPEG, not PNG: Chromium copies a JPEG into the PDF as it
 * is, but decodes a PNG and compresses it again as RGB, which took 130 ms a
 * page for ten placeholders. The fonts for its text are converted into
 * `cacheDir/fonts` on first use.
 */
export async function renderPlaceholder(caption: string, frame: Size, ppi: number, cacheDir: string): Promise<Buffer> {
  const sharp = await loadSharp();
  const subject = placeholderSubject(caption);
  const line = Math.max(1, Math.round((LINE_WIDTH_PT / 72) * ppi));
  const layers: OverlayOptions[] = [{ input: frameAndDiagonals(frame, line), left: 0, top: 0 }];
  // Below this the text would be an illegible smudge; the crossed box alone still reads as a placeholder.
  const room = { width: frame.width - 4 * line, height: frame.height - 4 * line };
  if (room.width >= 24 && room.height >= 16) {
    await registerFonts(700, LABEL, cacheDir);
    await registerFonts(400, subject + ELLIPSIS, cacheDir);
    let block = await renderTextBlock(subject, frame);
    const blockSize = await sharp(block).metadata();
    if (blockSize.width > room.width || blockSize.height > room.height) {
      block = await sharp(block).resize(room.width, room.height, { fit: 'inside' }).png().toBuffer();
    }
    const fitted = await sharp(block).metadata();
    layers.push({ input: block, left: Math.round((frame.width - fitted.width) / 2), top: Math.round((frame.height - fitted.height) / 2) });
  }
  const composed = await sharp({ create: { width: frame.width, height: frame.height, channels: 3, background: BACKGROUND } })
    .composite(layers)
    .png()
    .toBuffer();
  // A second pass: colourspace conversion must see the flattened composite.
  return sharp(composed).removeAlpha().toColourspace('b-w').jpeg({ quality: PLACEHOLDER_JPEG_QUALITY }).toBuffer();
}
