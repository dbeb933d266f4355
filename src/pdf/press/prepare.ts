/**
 * Step 1 of the press route in docs/press-route.md:
 * before Ghostscript, set neutral colours as ink-only colours in every
 * content stream (pages, form XObjects, tiling patterns) and relabel
 * ICC-based gray images as DeviceGray, so Ghostscript converts only what is
 * really coloured.
 *
 * The measurements decompressed with `qpdf --qdf`; pdf-lib decodes the streams
 * itself (Flate and the other standard filters), which gives the same bytes
 * without a 30 MB intermediate file or a text edit of the PDF syntax.
 */
import { deflateSync } from 'node:zlib';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  type PDFObject,
} from 'pdf-lib';
import { OVERPRINT_STATES, rewritePressColours, SPOT_RESOURCE } from './colour-rewrite.ts';
import type { PressColour } from './neutral-black.ts';
import { resolvePressSettings, type PressSettings } from './settings.ts';

export interface PrepareReport {
  /** Content streams rewritten. */
  streams: number;
  /** Neutral colour operators set as ink-only colours. */
  neutralColours: number;
  /** Chromatic colour operators left for Ghostscript. */
  chromaticColours: number;
  /** Design red operators set as solid M+Y or the spot plate. */
  redColours: number;
  /** Mark colours set as registration or plate colours. */
  markColours: number;
  /** Overprint switches inserted (solid K overprints, the rest knocks out). */
  overprints: number;
  /** Images relabelled from a 1-component ICC profile to DeviceGray. */
  grayImages: number;
  /** Streams that could not be decoded and were left as they are. */
  undecodable: number;
}

const name = (value: string) => PDFName.of(value);
const numberAt = (dict: PDFDict, key: string) => {
  const value = dict.lookup(name(key));
  return value instanceof PDFNumber ? value.asNumber() : undefined;
};

export async function prepareForPress(pdf: Uint8Array, target: PressColour, settings: PressSettings = resolvePressSettings()): Promise<{ pdf: Uint8Array; report: PrepareReport }> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const context = document.context;
  const report: PrepareReport = { streams: 0, neutralColours: 0, chromaticColours: 0, redColours: 0, markColours: 0, overprints: 0, grayImages: 0, undecodable: 0 };
  const plan = { target, red: settings.red };

  /** Adds the overprint states and the spot colour space a rewritten stream names to its resources. */
  const addResources = (resources: PDFDict | undefined, uses: ReturnType<typeof rewritePressColours>['uses']) => {
    if (!resources) return;
    const category = (key: string) => {
      const existing = resources.lookup(name(key));
      if (existing instanceof PDFDict) return existing;
      const created = context.obj({});
      resources.set(name(key), created);
      return created;
    };
    for (const key of uses.states) {
      const [stroke, fill] = [key[0] === '1', key[1] === '1'];
      // OPM 1: a zero component of a CMYK colour leaves that plate alone (ISO 32000-1 §8.6.7).
      category('ExtGState').set(name(OVERPRINT_STATES[key]), context.obj({ Type: 'ExtGState', OP: stroke, op: fill, OPM: 1 }));
    }
    if (uses.spot) {
      const tint = context.obj({ FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: [0, 1, 1, 0], N: 1 });
      category('ColorSpace').set(name(SPOT_RESOURCE), context.obj([name('Separation'), name(settings.spotName), name('DeviceCMYK'), tint]));
    }
  };
  const visited = new Set<string>();

  const rewriteStream = (ref: PDFRef, resources: PDFDict | undefined) => {
    if (visited.has(ref.toString())) return;
    visited.add(ref.toString());
    const stream = context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) return;
    let decoded: Uint8Array;
    try {
      decoded = decodePDFRawStream(stream).decode();
    } catch {
      report.undecodable += 1;
      return;
    }
    const result = rewritePressColours(decoded, plan);
    report.neutralColours += result.neutral;
    report.chromaticColours += result.chromatic;
    report.redColours += result.red;
    report.markColours += result.marks;
    report.overprints += result.overprints;
    if (result.bytes === decoded) return;
    addResources(resources, result.uses);
    const dict = stream.dict.clone(context);
    dict.delete(name('DecodeParms'));
    dict.set(name('Filter'), name('FlateDecode'));
    dict.set(name('Length'), PDFNumber.of(0)); // recomputed when saved
    context.assign(ref, PDFRawStream.of(dict, deflateSync(result.bytes)));
    report.streams += 1;
  };

  const isOneComponentIcc = (colourSpace: PDFObject | undefined): boolean => {
    const space = colourSpace && context.lookup(colourSpace);
    if (!(space instanceof PDFArray) || space.size() !== 2 || space.lookup(0) !== name('ICCBased')) return false;
    const profile = space.lookup(1);
    return profile instanceof PDFRawStream && numberAt(profile.dict, 'N') === 1;
  };

  const isThreeComponent = (colourSpace: PDFObject | undefined): boolean => {
    const space = colourSpace && context.lookup(colourSpace);
    if (space === name('DeviceRGB')) return true;
    if (!(space instanceof PDFArray) || space.size() !== 2 || space.lookup(0) !== name('ICCBased')) return false;
    const profile = space.lookup(1);
    return profile instanceof PDFRawStream && numberAt(profile.dict, 'N') === 3;
  };

  /** An 8-bit Flate RGB image whose every pixel is neutral, as a DeviceGray image; else undefined. */
  const grayOfNeutralImage = (image: PDFRawStream): PDFRawStream | undefined => {
    const dict = image.dict;
    if (dict.lookup(name('Filter')) !== name('FlateDecode') || dict.has(name('DecodeParms')) || numberAt(dict, 'BitsPerComponent') !== 8) return undefined;
    let rgb: Uint8Array;
    try {
      rgb = decodePDFRawStream(image).decode();
    } catch {
      return undefined;
    }
    const pixels = rgb.length / 3;
    if (pixels !== (numberAt(dict, 'Width') ?? 0) * (numberAt(dict, 'Height') ?? 0)) return undefined;
    const gray = new Uint8Array(pixels);
    for (let i = 0, j = 0; j < pixels; i += 3, j += 1) {
      if (rgb[i] !== rgb[i + 1] || rgb[i + 1] !== rgb[i + 2]) return undefined;
      gray[j] = rgb[i]!;
    }
    const out = dict.clone(context);
    out.set(name('ColorSpace'), name('DeviceGray'));
    out.set(name('Length'), PDFNumber.of(0)); // recomputed when saved
    return PDFRawStream.of(out, deflateSync(gray));
  };

  const walkResources = (resources: PDFDict | undefined) => {
    if (!resources) return;
    for (const category of ['XObject', 'Pattern'] as const) {
      const entries = resources.lookup(name(category));
      if (!(entries instanceof PDFDict)) continue;
      for (const value of entries.values()) {
        if (!(value instanceof PDFRef) || visited.has(value.toString())) continue;
        const object = context.lookup(value);
        if (!(object instanceof PDFRawStream)) continue;
        const dict = object.dict;
        const subtype = dict.lookup(name('Subtype'));
        if (subtype === name('Image')) {
          visited.add(value.toString());
          // docs/press-route.md: an ICC-based gray image would be split into four colours.
          if (isOneComponentIcc(dict.get(name('ColorSpace')))) {
            dict.set(name('ColorSpace'), name('DeviceGray'));
            report.grayImages += 1;
          } else if (isThreeComponent(dict.get(name('ColorSpace')))) {
            // Chromium re-encodes a gray PNG as RGB: a gray photo would print in four colours.
            const gray = grayOfNeutralImage(object);
            if (gray) {
              context.assign(value, gray);
              report.grayImages += 1;
            }
          }
        } else if (subtype === name('Form') || numberAt(dict, 'PatternType') === 1) {
          const inner = dict.lookup(name('Resources'));
          const own = inner instanceof PDFDict ? inner : undefined;
          rewriteStream(value, own);
          walkResources(own);
        }
      }
    }
  };

  for (const page of document.getPages()) {
    // `--marks none` (issue 20): a trim-size page for plants that impose themselves.
    if (settings.marks === 'none') {
      const trim = page.getTrimBox();
      page.setMediaBox(trim.x, trim.y, trim.width, trim.height);
      page.setBleedBox(trim.x, trim.y, trim.width, trim.height);
      page.node.delete(name('CropBox'));
    }
    const contents = page.node.get(name('Contents'));
    const refs = contents instanceof PDFRef ? [contents] : contents instanceof PDFArray ? contents.asArray() : [];
    for (const ref of refs) if (ref instanceof PDFRef) rewriteStream(ref, page.node.Resources());
    walkResources(page.node.Resources());
  }
  return { pdf: await document.save({ useObjectStreams: false }), report };
}
