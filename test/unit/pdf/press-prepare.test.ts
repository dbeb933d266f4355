import { PDFArray, PDFDocument, PDFName, PDFRawStream, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { decode } from '../../../src/preflight/inspect/marks.ts';
import { prepareForPress } from '../../../src/pdf/press/prepare.ts';
import { newsprintGrayProfile } from '../../../src/pdf/press/icc.ts';

const latin1 = (data: Uint8Array) => Array.from(data, (byte) => String.fromCharCode(byte)).join('');

/** A page with near-black and red rectangles, and a 1×1 image tagged with a 1-component ICC profile. */
async function proofLike(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([200, 200]);
  page.drawRectangle({ x: 10, y: 10, width: 50, height: 50, color: rgb(0.0667, 0.0667, 0.0667) });
  page.drawRectangle({ x: 70, y: 10, width: 50, height: 50, color: rgb(0.78, 0.09, 0.11) });
  const context = document.context;
  const profile = context.register(context.flateStream(newsprintGrayProfile(), { N: 1 }));
  const image = context.register(context.stream(new Uint8Array([128]), { Type: 'XObject', Subtype: 'Image', Width: 1, Height: 1, BitsPerComponent: 8, ColorSpace: [PDFName.of('ICCBased'), profile] }));
  page.node.setXObject(PDFName.of('Im0'), image);
  return document.save();
}

describe('prepareForPress', () => {
  it('sets neutral colours as K only, keeps red for Ghostscript, relabels ICC gray images as DeviceGray', async () => {
    const { pdf, report } = await prepareForPress(await proofLike(), 'cmyk');
    expect(report).toEqual({ streams: 1, neutralColours: 1, chromaticColours: 1, redColours: 0, markColours: 0, overprints: 1, grayImages: 1, undecodable: 0 });
    const document = await PDFDocument.load(pdf);
    const page = document.getPages()[0]!;
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => document.context.lookup(ref)) : [contents];
    const text = streams.map((stream) => latin1(decode(stream as PDFRawStream))).join('\n');
    expect(text).toContain('0 0 0 1 k');
    expect(text).toContain('0.78 0.09 0.11 rg');
    expect(text).not.toMatch(/0\.0667 0\.0667 0\.0667 rg/);
    const xobjects = page.node.Resources()!.lookup(PDFName.of('XObject')) as import('pdf-lib').PDFDict;
    const image = xobjects.lookup(PDFName.of('Im0')) as PDFRawStream;
    expect(image.dict.lookup(PDFName.of('ColorSpace'))).toBe(PDFName.of('DeviceGray'));
    // The black rectangle overprints (pdf-lib wraps each in q…Q, so the red one starts knocked out again).
    const states = page.node.Resources()!.lookup(PDFName.of('ExtGState')) as import('pdf-lib').PDFDict;
    expect(states.lookup(PDFName.of('FolioOverprintFill'))?.toString()).toMatch(/\/op true[\s\S]*\/OPM 1|\/OPM 1[\s\S]*\/op true/);
  });
});
