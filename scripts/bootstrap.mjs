#!/usr/bin/env node
// Makes sure everything `npm run render` / `npm test` need is present:
//   node scripts/bootstrap.mjs [render|test]
// Silent and fast when nothing is missing. Plain JS with no dependencies,
// because it runs before node_modules exists (as the prerender/pretest script).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, closeSync, constants, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSER_INSTALL_HINT, findBrowser } from './lib/find-browser.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const LOCKFILE = join(ROOT, 'package-lock.json');
const NODE_MODULES = join(ROOT, 'node_modules');
const STAMP = join(NODE_MODULES, '.folio-lock-hash');

/** Command-line tools the tests shell out to, and the Debian package providing each. */
const TEST_TOOLS = {
  pdftoppm: 'poppler-utils',
  pdffonts: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  qpdf: 'qpdf',
  gs: 'ghostscript',
  // The queue tests (issue 21) start their own Redis on a loopback port.
  'redis-server': 'redis-server',
};

const say = (msg) => process.stderr.write(`folio: ${msg}\n`);

function fail(msg) {
  process.stderr.write(`folio: ${msg}\n`);
  process.exit(1);
}

function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

// ---- npm dependencies -------------------------------------------------------

function ensureNodeModules() {
  const lockHash = createHash('sha256').update(readFileSync(LOCKFILE)).digest('hex');
  let stamp = null;
  try {
    stamp = readFileSync(STAMP, 'utf8').trim();
  } catch {
    // missing node_modules or stamp: install
  }
  if (stamp === lockHash) return;

  say('installing npm dependencies…');
  // Under `npm run`/`npm test`, npm_execpath is the npm that launched us; reuse it.
  const npmCli = process.env.npm_execpath;
  const [cmd, prefix] = npmCli?.endsWith('.js') ? [process.execPath, [npmCli]] : ['npm', []];
  const result = spawnSync(cmd, [...prefix, 'ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    // Folio uses a system Chromium (through puppeteer-core, which downloads nothing);
    // should a dependency ever bring puppeteer's installer, it must not download one either.
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'true' },
  });
  if (result.error) fail(`could not run npm: ${result.error.message}`);
  if (result.status !== 0) fail(`npm ci failed (exit ${result.status ?? result.signal}).`);
  writeFileSync(STAMP, `${lockHash}\n`);
}

// ---- system packages (browser, PDF tools) -----------------------------------

function missingPackages(mode) {
  const packages = new Set();
  if (!findBrowser()) packages.add('chromium');
  if (mode === 'test') {
    for (const [tool, pkg] of Object.entries(TEST_TOOLS)) {
      if (!onPath(tool)) packages.add(pkg);
    }
  }
  return [...packages];
}

function manualInstallHint(packages) {
  const hint = `Missing system packages: ${packages.join(' ')}. As root on Debian/Ubuntu run ` +
    `\`apt-get install -y ${packages.join(' ')}\`.`;
  return packages.includes('chromium') ? `${hint}\n${BROWSER_INSTALL_HINT}` : hint;
}

function tail(file, lines = 25) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function aptInstall(packages) {
  const log = join(tmpdir(), `folio-apt-${process.pid}.log`);
  say(`installing ${packages.join(', ')} with apt-get (log: ${log})…`);
  const fd = openSync(log, 'w');
  const run = (args) => spawnSync('apt-get', args, {
    stdio: ['ignore', fd, fd],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  let result = run(['update', '-qq']);
  if (!result.error && result.status === 0) {
    result = run(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
  }
  closeSync(fd);
  if (result.error || result.status !== 0) {
    process.stderr.write(`${tail(log)}\n`);
    fail(`apt-get failed (${result.error?.message ?? `exit ${result.status}`}).\n${manualInstallHint(packages)}`);
  }
}

function ensureSystemPackages(mode) {
  const packages = missingPackages(mode);
  if (packages.length === 0) return;

  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !onPath('apt-get')) fail(manualInstallHint(packages));

  aptInstall(packages);
  const stillMissing = missingPackages(mode);
  if (stillMissing.length > 0) fail(`still missing after apt-get: ${stillMissing.join(' ')}.\n${manualInstallHint(stillMissing)}`);
}

// ---- main -------------------------------------------------------------------

const mode = process.argv[2] ?? 'render';
if (mode !== 'render' && mode !== 'test') fail(`usage: node scripts/bootstrap.mjs [render|test] (got "${mode}")`);

if (!existsSync(LOCKFILE)) fail(`no package-lock.json in ${ROOT}.`);
ensureNodeModules();
ensureSystemPackages(mode);
