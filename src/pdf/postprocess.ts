/**
 * PDF post-processing: Chromium writes only a MediaBox, so TrimBox and
 * BleedBox are set here, with the document metadata a printer and an archive
 * expect. A small function over a loaded PDF.
 */
import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { renameFonts } from './font-names.ts';
import { PDF_CREATOR, type PageGeometry } from '../defaults.ts';
import { PdfError } from '../errors.ts';

const PT_PER_MM = 72 / 25.4;

export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  lang: string;
}

export interface Boxes {
  trim: [number, number, number, number];
  bleed: [number, number, number, number];
}

/**
 * Trim and bleed boxes in PDF points. Chromium anchors the sheet at its top
 * left and rounds the MediaBox, so the boxes are measured from the top.
 */
export function computeBoxes(mediaHeight: number, geometry: PageGeometry): Boxes {
  const slug = geometry.slugMm * PT_PER_MM;
  const bleed = geometry.bleedMm * PT_PER_MM;
  const width = geometry.trimWidthMm * PT_PER_MM;
  const height = geometry.trimHeightMm * PT_PER_MM;
  const top = mediaHeight - slug;
  const trim: Boxes['trim'] = [slug, top - height, slug + width, top];
  return { trim, bleed: [trim[0] - bleed, trim[1] - bleed, trim[2] + bleed, trim[3] + bleed] };
}

export async function postprocessPdf(pdf: Uint8Array, geometry: PageGeometry, metadata: PdfMetadata): Promise<Uint8Array> {
  try {
    const document = await PDFDocument.load(pdf, { updateMetadata: false });
    for (const page of document.getPages()) {
      const { trim, bleed } = computeBoxes(page.getMediaBox().height, geometry);
      page.setTrimBox(trim[0], trim[1], trim[2] - trim[0], trim[3] - trim[1]);
      page.setBleedBox(bleed[0], bleed[1], bleed[2] - bleed[0], bleed[3] - bleed[1]);
    }
    renameFonts(document);
    document.setTitle(metadata.title, { showInWindowTitleBar: true });
    if (metadata.author) document.setAuthor(metadata.author);
    if (metadata.subject) document.setSubject(metadata.subject);
    if (metadata.keywords?.length) document.setKeywords(metadata.keywords);
    document.setCreator(PDF_CREATOR);
    document.setProducer('Folio with pdf-lib');
    const now = new Date();
    document.setCreationDate(now);
    document.setModificationDate(now);
    // pdf-lib's setLanguage writes a literal string unescaped: a ")" in it
    // could end the string and inject Catalog entries (issue 16). Hex strings
    // need no escaping; every other string above is written as hex by pdf-lib.
    document.catalog.set(PDFName.of('Lang'), PDFHexString.fromText(metadata.lang));
    return await document.save({ useObjectStreams: false });
  } catch (cause) {
    throw new PdfError('could not post-process the printed PDF', { cause });
  }
}
