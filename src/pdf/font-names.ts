/**
 * Real style names for the fonts in the PDF (issue 20, item 7). Fontsource's
 * Noto SC files are static instances of a variable font that keep the
 * default master's weight in their PostScript name (the Bold face is
 * `NotoSansSCThin-Bold`, the Black one `NotoSerifSCExtraLight-Black`), and
 * Chromium writes that name into the PDF, where a platemaker reads it. The
 * style after the hyphen is the real one; the master's word goes.
 */
import { PDFDict, PDFName, type PDFDocument } from 'pdf-lib';

const WEIGHTS = 'Thin|ExtraLight|UltraLight|Light|Regular|Medium|SemiBold|DemiBold|Bold|ExtraBold|UltraBold|Heavy|Black';
/** `[subset tag+]Family<MasterWeight>-<Weight>` → groups: prefix and family, real weight. */
const MASTER_IN_NAME = new RegExp(`^([A-Z]{6}\\+)?(.+?)(?:${WEIGHTS})-(${WEIGHTS})$`);

/** The name without the variable font's master weight, or the name itself. */
export function realStyleName(name: string): string {
  const match = MASTER_IN_NAME.exec(name);
  return match ? `${match[1] ?? ''}${match[2]}-${match[3]}` : name;
}

/** Renames BaseFont (fonts) and FontName (descriptors) throughout the document. */
export function renameFonts(document: PDFDocument): number {
  let renamed = 0;
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    for (const key of ['BaseFont', 'FontName']) {
      const value = object.lookup(PDFName.of(key));
      if (!(value instanceof PDFName)) continue;
      const name = realStyleName(value.decodeText());
      if (name === value.decodeText()) continue;
      object.set(PDFName.of(key), PDFName.of(name));
      renamed += 1;
    }
  }
  return renamed;
}
