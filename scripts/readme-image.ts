/**
 * Regenerates docs/wuzhi-2024.png, the README's picture of the rendered page:
 * renders content/wuzhi-2024 with a PNG preview (a screenshot of the
 * paginated sheet, crop marks included) into a temporary folder, then shrinks
 * it to about 900 px wide as a palette PNG so the repository stays light.
 * Run with `npm run readme-image`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { build } from '../src/pipeline.ts';
import { writeFileAtomic } from '../src/pdf/write-atomic.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const edition = path.join(root, 'content', 'wuzhi-2024');
const target = path.join(root, 'docs', 'wuzhi-2024.png');
const WIDTH_PX = 900;
/** The picture is checked in; warn when it grows past this. */
const MAX_BYTES = 400 * 1024;

async function main(): Promise<void> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'folio-readme-'));
  try {
    const result = await build({ input: edition, output: path.join(workDir, 'wuzhi-2024.pdf'), png: true });
    if (!result.pngPath) throw new Error('the render produced no PNG preview');
    const png = await sharp(await readFile(result.pngPath))
      .resize({ width: WIDTH_PX, withoutEnlargement: true })
      .png({ palette: true, colours: 64, compressionLevel: 9, effort: 10 })
      .toBuffer();
    await writeFileAtomic(target, png);
    const { width, height } = await sharp(png).metadata();
    const kb = Math.round(png.length / 1024);
    console.log(`wrote ${path.relative(root, target)} (${width}×${height} px, ${kb} KB)`);
    if (png.length > MAX_BYTES) console.warn(`warning: ${kb} KB is more than the ${MAX_BYTES / 1024} KB budget`);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

await main();
