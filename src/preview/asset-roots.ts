/**
 * Where Folio's own browser assets live on disk, and the allow-list of roots
 * the preview serves from. The paths match what src/paginate/paginate.ts
 * injects into the PDF page, so the preview runs the very same files.
 */
import path from 'node:path';
import { packageDir, PAGED_DIST_DIR, RUNTIME_DIR } from '../paginate/runtime-files.ts';
import { FOLIO_ROOT } from '../defaults.ts';
import type { ServedRoot } from './served-files.ts';

export { PAGED_DIST_DIR, PAGED_POLYFILL, RUNTIME_DIR } from '../paginate/runtime-files.ts';
/** The preview's own client: shell, toolbar, overlay and guides. Never part of the PDF page. */
export const CLIENT_DIR = path.join(FOLIO_ROOT, 'src', 'preview', 'client');

const FONT_FILES = /\.woff2?$/i;
const IMAGE_FILES = /\.(jpe?g|png|webp|avif|tiff?)$/i;
/** Derived images, and the faces cut for a page (src/assets/font-merge.ts), all named by a hash. */
const CACHE_FILES = /^[0-9a-f]{16,64}\.(jpg|png|ttf)$/;

/** The served roots for one edition. Order does not matter; names must be unique. */
export function previewRoots(editionDir: string, cacheDir: string): ServedRoot[] {
  return [
    { name: 'runtime', dir: RUNTIME_DIR, allow: /^(squeeze|captions|even-columns|fit|modules|paged-handlers)\.js$/ },
    { name: 'client', dir: CLIENT_DIR, allow: /^[a-z-]+\.(js|css|html)$/ },
    { name: 'pagedjs', dir: PAGED_DIST_DIR, allow: /^paged\.polyfill\.js$/, immutable: true },
    // The @fontsource scope folder: the Noto Serif SC and Noto Sans SC packages sit side by side in it.
    { name: 'fonts/fontsource', dir: path.dirname(packageDir('@fontsource/noto-serif-sc')), allow: FONT_FILES, immutable: true },
    { name: 'fonts/lxgw-wenkai-webfont', dir: packageDir('lxgw-wenkai-webfont'), allow: FONT_FILES, immutable: true },
    // Derived images and cut fonts are named by a hash of their inputs: a new crop is a new URL.
    { name: 'cache', dir: cacheDir, allow: CACHE_FILES, immutable: true },
    // The edition's own images (originals next to edition.yaml), for comparing with the crops.
    { name: 'edition', dir: editionDir, allow: IMAGE_FILES },
  ];
}
