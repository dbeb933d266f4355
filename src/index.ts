/**
 * Folio as a library (issue 14): what a newsroom's own scripts call instead
 * of the CLI. Each verb is the one the CLI, preview, batch and the tests call:
 * `build` renders an edition to a PDF (and preflights it), `loadEdition`
 * reads and validates an edition, `runPreflight` checks a PDF the way a
 * printer does, `importFile`/`importText` turn raw page text into an edition,
 * `runBatch` renders many editions with one browser.
 *
 * ```js
 * import { build } from 'folio-newspaper';
 * const result = await build({ input: 'content/wuzhi-2024' });
 * console.log(result.pdfPath, result.pages, result.preflight.status);
 * ```
 *
 * Paths are taken from the working directory; the PDF goes to
 * `output/<id>.pdf` there unless `output` is given (src/defaults.ts).
 */
export { build, type BuildOptions, type BuildResult } from './pipeline.ts';
export { loadEdition, parseEdition, type EditionOverride, type LoadedEdition } from './content/load.ts';
export { EditionSchema, type Article, type Edition, type EditionInput, type Photo, type Section } from './content/schema.ts';
export { editionJsonSchema } from './content/json-schema.ts';
export { runPreflight, preflightEditionOf, type Finding, type PreflightEdition, type PreflightInput, type PreflightReport } from './preflight/preflight.ts';
export { importFile, importText, type FeatureImportResult, type ImportFileOptions, type ImportResult, type ImportShape, type ImportTextOptions, type ImportWarning, type PageImportResult } from './content/import/import.ts';
export { runBatch, type BatchOptions, type BatchSummary, type EditionSummary } from './batch/batch.ts';
export { launchBrowser, type LaunchOptions, type ManagedBrowser } from './paginate/browser.ts';
export type { PressReport } from './pdf/press.ts';
export type { FitReport } from './paginate/fit-page.ts';
export { AssetError, ContentError, FolioError, OverflowError, PaginationError, PdfError, TemplateError, describeError, exitCodeOf } from './errors.ts';
export { CACHE_DIR, DEFAULT_OUTPUT_DIR, PRESETS, type PageGeometry, type Timeouts } from './defaults.ts';
