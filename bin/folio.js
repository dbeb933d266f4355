#!/usr/bin/env node
// The `folio` command. It runs a bundle of src/ and its dependencies
// (dist/folio.mjs, made with esbuild and remade whenever a source file or the
// lockfile is newer): compiling TypeScript on every run would cost 0.4 s, and
// resolving and loading the dependencies' ~1000 modules one by one another
// 0.12 s. Without esbuild it falls back to tsx's loader.
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startChromiumEarly } from '../src/paginate/chromium-process.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'folio.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Left out of the bundle: native or WebAssembly files found beside the package, build tools, and bullmq (loaded only by the queue commands, src/queue/bullmq.ts). */
const EXTERNAL = ['sharp', 'subset-font', 'harfbuzzjs', 'esbuild', 'tsx', 'bufferutil', 'utf-8-validate', 'bullmq'];

function newestInput() {
  return Math.max(newestSource(path.join(root, 'src')), statSync(path.join(root, 'package-lock.json')).mtimeMs);
}

async function loadCli() {
  try {
    if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestInput()) {
      const esbuild = await import('esbuild');
      const temporary = `${bundle}.${process.pid}.tmp`;
      await esbuild.build({
        entryPoints: [path.join(root, 'src', 'cli.ts')],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        external: EXTERNAL,
        // Bundled CommonJS code calls require() for Node's own modules.
        banner: { js: "import { createRequire as __folioCreateRequire } from 'node:module'; const require = __folioCreateRequire(import.meta.url);" },
        outfile: temporary,
        logLevel: 'error',
      });
      renameSync(temporary, bundle);
    }
    return await import(pathToFileURL(bundle).href);
  } catch (error) {
    if (process.argv.includes('--debug')) console.error('folio: running from source, the bundle failed:', error);
    const { register } = await import('tsx/esm/api');
    register();
    return import('../src/cli.ts');
  }
}

// `folio … | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// `folio render` needs a browser at once: Chromium starts while the rest loads.
const startedChromium = startChromiumEarly(process.argv);
const { main } = await loadCli();
process.exitCode = await main(process.argv, { startedChromium });
// Not taken over (the command failed before it needed the browser): its pipes would keep Node running.
if (startedChromium && !startedChromium.adopted) startedChromium.killNow();
