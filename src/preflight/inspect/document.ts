/**
 * Reads a PDF once into the facts the preflight rules judge: header version,
 * Info keys, output intents, and per page its boxes, fonts and interpreted
 * content. pdf-lib parses the file (it is a runtime dependency already);
 * pdfjs-dist is only a dev dependency, so it is not used here.
 */
import { readFile } from 'node:fs/promises';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFObject, type PDFPage } from 'pdf-lib';
import { readPageContent } from './content.ts';
import { ReadBudget } from './limits.ts';
import type { PageContent } from './marks.ts';
import { fontsOf, type FontInfo } from './fonts.ts';
import type { Rect } from './geometry.ts';

export interface PageFacts {
  /** 1-based. */
  number: number;
  media: Rect;
  trim?: Rect;
  bleed?: Rect;
  art?: Rect;
  content: PageContent;
  fonts: FontInfo[];
}

export interface OutputIntentFacts {
  subtype?: string;
  identifier?: string;
  /** The embedded DestOutputProfile, when there is one. */
  profile?: Uint8Array;
  profileComponents?: number;
}

export interface PdfFacts {
  file: string;
  /** From the header, e.g. "1.3". */
  version: string;
  encrypted: boolean;
  hasTrailerId: boolean;
  info: Record<string, string>;
  outputIntents: OutputIntentFacts[];
  pages: PageFacts[];
  /** What could not be read, e.g. "page 2: the content stream cannot be decompressed". */
  unreadable: string[];
  /** ICCBased colour spaces anywhere in the file (PDF/X-1a allows none). */
  iccBasedSpaces: number;
}

const name = (value: string) => PDFName.of(value);

function text(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  if (value instanceof PDFName) return value.decodeText();
  if (value instanceof PDFNumber) return String(value.asNumber());
  return value === undefined ? undefined : value.toString();
}

/** A box exactly as the page dictionary declares it (TrimBox and BleedBox are not inherited). */
function declaredBox(page: PDFPage, key: string): Rect | undefined {
  const box = page.node.lookup(name(key));
  if (!(box instanceof PDFArray) || box.size() !== 4) return undefined;
  const [a, b, c, d] = box.asArray().map((_, index) => {
    const value = box.lookup(index);
    return value instanceof PDFNumber ? value.asNumber() : 0;
  }) as [number, number, number, number];
  return { x0: Math.min(a, c), y0: Math.min(b, d), x1: Math.max(a, c), y1: Math.max(b, d) };
}

/** Every resource dictionary under a page (its own and its forms'), for listing fonts. */
function allResources(resources: PDFDict | undefined, seen = new Set<PDFDict>()): PDFDict[] {
  if (!resources || seen.has(resources)) return [];
  seen.add(resources);
  const out = [resources];
  const xobjects = resources.lookup(name('XObject'));
  if (xobjects instanceof PDFDict) {
    for (const key of xobjects.keys()) {
      const xobject = xobjects.lookup(key);
      const inner = xobject instanceof PDFRawStream ? xobject.dict.lookup(name('Resources')) : undefined;
      if (inner instanceof PDFDict) out.push(...allResources(inner, seen));
    }
  }
  return out;
}

export async function inspectPdf(file: string): Promise<PdfFacts> {
  const bytes = await readFile(file);
  const header = /%PDF-(\d\.\d)/.exec(bytes.subarray(0, 1024).toString('latin1'));
  const document = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  const context = document.context;

  const info: Record<string, string> = {};
  const infoDict = context.lookup(context.trailerInfo.Info);
  if (infoDict instanceof PDFDict) for (const [key, value] of infoDict.entries()) info[key.decodeText()] = text(context.lookup(value)) ?? '';

  const outputIntents: OutputIntentFacts[] = [];
  const intents = document.catalog.lookup(name('OutputIntents'));
  if (intents instanceof PDFArray) {
    for (let index = 0; index < intents.size(); index += 1) {
      const intent = intents.lookup(index);
      if (!(intent instanceof PDFDict)) continue;
      const profile = intent.lookup(name('DestOutputProfile'));
      const components = profile instanceof PDFRawStream ? profile.dict.lookup(name('N')) : undefined;
      let profileBytes: Uint8Array | undefined;
      if (profile instanceof PDFRawStream) profileBytes = decodePDFRawStream(profile).decode();
      outputIntents.push({
        subtype: text(intent.lookup(name('S'))),
        identifier: text(intent.lookup(name('OutputConditionIdentifier'))),
        profile: profileBytes,
        profileComponents: components instanceof PDFNumber ? components.asNumber() : undefined,
      });
    }
  }

  const fontCache = new Map<PDFDict | PDFRef, FontInfo>();
  const budget = new ReadBudget();
  // An encrypted file's streams cannot be read here: the readable rule reports it, no page is read.
  const pages = (document.isEncrypted ? [] : document.getPages()).map((page, index): PageFacts => {
    const mediaBox = page.getMediaBox();
    const media = { x0: mediaBox.x, y0: mediaBox.y, x1: mediaBox.x + mediaBox.width, y1: mediaBox.y + mediaBox.height };
    const resources = page.node.Resources();
    const content = readPageContent({ context, contents: page.node.get(name('Contents')), resources, box: media, number: index + 1 }, fontCache, budget);
    const fonts = new Set<FontInfo>();
    for (const dict of allResources(resources)) for (const font of fontsOf(dict, fontCache).values()) fonts.add(font);
    return { number: index + 1, media, trim: declaredBox(page, 'TrimBox'), bleed: declaredBox(page, 'BleedBox'), art: declaredBox(page, 'ArtBox'), content, fonts: [...fonts] };
  });

  let iccBasedSpaces = 0;
  for (const [, object] of context.enumerateIndirectObjects()) {
    const spaces = object instanceof PDFArray ? [object] : object instanceof PDFDict ? [...object.values()].filter((v): v is PDFArray => v instanceof PDFArray) : [];
    for (const space of spaces) if (space.size() === 2 && space.get(0) === name('ICCBased')) iccBasedSpaces += 1;
  }

  return {
    file,
    iccBasedSpaces,
    version: header?.[1] ?? 'unknown',
    encrypted: document.isEncrypted,
    hasTrailerId: context.trailerInfo.ID !== undefined,
    info,
    outputIntents,
    pages,
    unreadable: budget.unreadable,
  };
}
