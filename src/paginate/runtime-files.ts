/**
 * Folio's own files that the page loads, on disk: the page runtime, Paged.js
 * and the npm font packages. One list, used by the PDF path (paginate, its
 * request guard) and by the preview server, so both run the very same files.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { FONT_PACKAGES, packageDir } from '../assets/font-catalog.ts';
import { FOLIO_ROOT } from '../defaults.ts';

const require = createRequire(import.meta.url);

// From the repository root, so the bundled CLI (dist/) finds it too.
/** src/paginate/page-runtime: squeeze.js, captions.js, even-search.js, even-columns.js, display-type.js, text-measure.js and fit.js (the feature), module-base.js, module-text.js, story-jumps.js, modules.js (general pages), paged-handlers.js. */
export const RUNTIME_DIR = path.join(FOLIO_ROOT, 'src', 'paginate', 'page-runtime');
/** The fit runtime, in loading order: all the preview's fitting tab needs. */
export const FIT_RUNTIME_SCRIPTS: readonly string[] = ['squeeze.js', 'captions.js', 'even-search.js', 'even-columns.js', 'display-type.js', 'text-measure.js', 'fit.js', 'module-base.js', 'module-text.js', 'story-jumps.js', 'modules.js'].map((name) => path.join(RUNTIME_DIR, name));
/** What a page to paginate runs before Paged.js, in loading order: the fit runtime and Folio's Paged.js handlers. */
export const PAGE_RUNTIME_SCRIPTS: readonly string[] = [...FIT_RUNTIME_SCRIPTS, path.join(RUNTIME_DIR, 'paged-handlers.js')];

// pagedjs's package exports hide dist/, so locate it from its CommonJS entry (lib/index.cjs).
export const PAGED_DIST_DIR = path.join(path.dirname(require.resolve('pagedjs')), '..', 'dist');
export const PAGED_POLYFILL = path.join(PAGED_DIST_DIR, 'paged.polyfill.js');

export { packageDir };

/** The font packages whose subsets the page loads. */
export const FONT_PACKAGE_DIRS: readonly string[] = FONT_PACKAGES.map(packageDir);
