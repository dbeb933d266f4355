/**
 * Supplied ads in the PNG proof (`--png`). A supplied ad goes into the
 * printed PDF after Chromium prints the page (src/pdf/place-ads.ts), so the
 * sheet the proof is a picture of holds an empty slot, and a layout editor
 * reading the proof would take the ad for missing. Before the picture is
 * taken, and after the PDF is printed, each slot shows what the PDF will hold:
 * a JPEG or PNG ad as its image, set whole and centred as place-ads sets it;
 * a PDF ad (no rasterizer is among Folio's dependencies) as a tinted slot
 * in a dashed frame, marked 广告. The printed PDF is never touched by this.
 */
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Page } from 'puppeteer-core';

export interface ProofAd {
  /** The ad module's id (the slot's data-module-id). */
  id: string;
  /** The file as the page names it. */
  file: string;
  /** A file:// URL of a raster ad the page may load, or undefined for a PDF ad. */
  imageUrl?: string;
  /** The slot's mark where the proof cannot show the ad itself. */
  mark: string;
}

/** The proof's view of a page's supplied ads, files resolved against the page's folder; `mark` is the template's ad mark. */
export function proofAdsOf(ads: readonly { id: string; file: string }[], dir: string, mark: string): ProofAd[] {
  return ads.map(({ id, file }) => ({
    id,
    file,
    mark,
    ...(/\.(jpe?g|png)$/i.test(file) ? { imageUrl: pathToFileURL(path.resolve(dir, file)).href } : {}),
  }));
}

/** Puts each ad into its slot on the paginated sheet, and waits for the images to decode. */
export async function showProofAds(page: Page, ads: readonly ProofAd[]): Promise<void> {
  if (ads.length === 0) return;
  await page.evaluate(async (list) => {
    const loads: Promise<void>[] = [];
    for (const ad of list) {
      const slot = document.querySelector(`.pagedjs_pages [data-module-id="${CSS.escape(ad.id)}"]`);
      if (!slot) continue;
      if (ad.imageUrl) {
        const image = document.createElement('img');
        image.style.cssText = 'width:100%;height:100%;object-fit:contain;display:block';
        image.src = ad.imageUrl;
        slot.append(image);
        loads.push(image.decode().catch(() => undefined));
      } else {
        // Tinted and marked like a placeholder, with a dashed frame: the PDF holds the ad here. The
        // mark only: its characters are in the page's font subset (font-uses.ts), a file name's are not.
        const mark = document.createElement('span');
        mark.className = 'ad__mark';
        mark.textContent = ad.mark;
        Object.assign((slot as HTMLElement).style, { background: '#e6e6e6', border: '0.5pt dashed var(--muted)' });
        slot.append(mark);
      }
    }
    await Promise.all(loads);
  }, ads);
}
