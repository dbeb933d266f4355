/**
 * Builds what the package runs (issue 14): `dist/folio.mjs`, the CLI bundled
 * with its dependencies, and `dist/index.mjs` with `dist/types/`, the library
 * entry (src/index.ts) for `import … from 'folio-newspaper'`.
 *
 * `npm pack` runs it (the `prepack` script), so an installed Folio never
 * bundles anything at run time. In a checkout, bin/folio.js calls
 * `buildCli()` itself whenever a source file is newer than the bundle.
 *
 * Why a bundle for the CLI: compiling TypeScript on every run would cost
 * 0.4 s, and resolving and loading the dependencies' ~1000 modules one by one
 * another 0.12 s. The library leaves its dependencies to Node (they are the
 * package's own dependencies), so a caller shares them with its own code.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = path.join(root, 'dist', 'folio.mjs');
const LIBRARY_BUNDLE = path.join(root, 'dist', 'index.mjs');
const TYPES_DIR = path.join(root, 'dist', 'types');

/** Left out of the CLI bundle: native or WebAssembly files found beside the package, build tools, and bullmq (loaded only by the queue commands, src/queue/bullmq.ts). */
const EXTERNAL = ['sharp', 'subset-font', 'harfbuzzjs', 'esbuild', 'tsx', 'bufferutil', 'utf-8-validate', 'bullmq'];

const COMMON = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'error',
  // Bundled CommonJS code calls require() for Node's own modules.
  banner: { js: "import { createRequire as __folioCreateRequire } from 'node:module'; const require = __folioCreateRequire(import.meta.url);" },
};

/** Builds to a temporary file and renames it into place: a concurrent run never loads half a bundle. */
async function bundle(entry, outfile, options) {
  const esbuild = await import('esbuild');
  const temporary = `${outfile}.${process.pid}.tmp`;
  await esbuild.build({ ...COMMON, ...options, entryPoints: [path.join(root, entry)], outfile: temporary });
  renameSync(temporary, outfile);
}

export function buildCli() {
  return bundle('src/cli.ts', CLI_BUNDLE, { external: EXTERNAL });
}

export function buildLibrary() {
  return bundle('src/index.ts', LIBRARY_BUNDLE, { packages: 'external' });
}

/**
 * Declarations of the library's public types (tsconfig.build.json). tsc keeps
 * the sources' `.ts` import paths in .d.ts files; they become `.js`, which
 * TypeScript maps to the .d.ts beside it. Hand-written .d.mts files of the
 * plain-JS modules are copied next to them.
 */
export function buildTypes() {
  rmSync(TYPES_DIR, { recursive: true, force: true });
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  for (const file of walk(TYPES_DIR)) {
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/(from\s+['"]\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1.js$2'));
  }
  for (const file of walk(path.join(root, 'src')).filter((name) => name.endsWith('.d.mts'))) {
    cpSync(file, path.join(TYPES_DIR, path.relative(path.join(root, 'src'), file)));
  }
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
  await buildLibrary();
  buildTypes();
}
