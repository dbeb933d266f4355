#!/usr/bin/env node
// The `folio` command. It runs dist/folio.mjs, a bundle of src/ and its
// dependencies (scripts/build.mjs says why). An installed package carries the
// bundle `npm pack` built and never builds anything (issue 14). A checkout
// (src/cli.ts present) rebuilds the bundle whenever a source file or the
// lockfile is newer, and falls back to tsx's loader if esbuild fails.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startChromiumEarly } from '../src/paginate/chromium-process.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'folio.mjs');
const checkout = existsSync(path.join(root, 'src', 'cli.ts'));

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function newestInput() {
  return Math.max(newestSource(path.join(root, 'src')), statSync(path.join(root, 'package-lock.json')).mtimeMs);
}

async function loadCheckoutCli() {
  try {
    if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestInput()) {
      const { buildCli } = await import('../scripts/build.mjs');
      await buildCli();
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
const { main } = checkout ? await loadCheckoutCli() : await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv, { startedChromium });
// Not taken over (the command failed before it needed the browser): its pipes would keep Node running.
if (startedChromium && !startedChromium.adopted) startedChromium.killNow();
